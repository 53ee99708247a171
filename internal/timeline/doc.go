// Package timeline reads a dossier's comparison timelines, aligns their
// entries into rows, and proves every entry against the articles it cites.
//
// # Files
//
// A timeline is one YAML file, content/timelines/<slug>.yaml, published as
// timelines/<slug>.html. It holds:
//
//	title, nav_title, summary, caption   what the page says about itself
//	gap_sentence   the story's wording of the time between two events:
//	          "{days} days passed between the {from} meeting and the {to} meeting"
//	sources   facts from outside the articles: id, name, detail (a citation, no URL)
//	events    the columns: id, label, place, place_sources, when, utc_offset
//	rows      the phases: id, label, description, nothing (per event)
//	entries   the cells' contents: id, row, event, when, summary, article,
//	          quote, and scale (a label that puts it on the scale strip)
//
// A when is a date ("2017", "2017-07" or "2017-07-07": its length is its
// precision), a phrase ("before the meeting"), or both; about: true marks a
// date as approximate. A date needs sources: ids from sources, or article
// slugs when an article states the date itself.
//
// # Checks
//
// Loading is strict: an unknown key, an unknown event, row, article or
// source, a duplicated id, a date that does not parse, or a cell with no
// entries and no "nothing reported" text is an error naming file:line and
// the row and event it concerns. Every quote must be found, with only its
// whitespace normalised, in one paragraph of its article's cleaned text;
// otherwise the error shows the nearest passage of the article, so the
// author can see what differs. A quote is at least MinQuoteWords words (or
// MinQuoteChars characters of Chinese, Japanese or Thai, which are written
// without spaces between words), and whole words: it neither starts nor
// ends inside one of the article's; in the scripts without spaces every
// character boundary counts as a word boundary.
package timeline

package timeline

import (
	"fmt"
	"time"

	"dossier/internal/content"
)

// Dir holds the timelines.
const Dir = "content/timelines"

// A Timeline is one comparison page: events as columns, phases as rows.
type Timeline struct {
	Title string `yaml:"title"`
	// NavTitle is the shorter title used in the site's navigation.
	NavTitle string `yaml:"nav_title"`
	Summary  string `yaml:"summary"`
	// Caption is the table's caption.
	Caption string `yaml:"caption"`
	// GapSentence is the story's wording of the time between two events,
	// stated above the scale strip: "{days} days passed between the
	// {from} meeting and the {to} meeting", where {from} and {to} are the
	// events' labels. Left out, the theme's neutral wording is used
	// (scale-gap-sentence in templates/strings.yaml).
	GapSentence string    `yaml:"gap_sentence"`
	Sources     []*Source `yaml:"sources"`
	Events      []*Event  `yaml:"events"`
	Rows        []*Row    `yaml:"rows"`
	Entries     []*Entry  `yaml:"entries"`

	Slug string `yaml:"-"`
	File string `yaml:"-"`
	// Scale is the strip drawn above the table.
	Scale *Scale `yaml:"-"`
}

// Path is the timeline page's URL path from the site root.
func (t *Timeline) Path() string { return "timelines/" + t.Slug + ".html" }

// Nav is the title for the site's navigation.
func (t *Timeline) Nav() string {
	if t.NavTitle != "" {
		return t.NavTitle
	}
	return t.Title
}

// A Source is where a fact from outside the articles comes from, as the
// dossier cites it. It has no URL: the dossier never invents one.
type Source struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`   // short citation: "Politico, 7 July 2017"
	Detail string `yaml:"detail"` // what it is, e.g. the story's slug
}

// A Ref is a resolved source reference: an outside source or an article.
type Ref struct {
	Outside *Source
	Article *content.Article
}

// Refs are the sources of one fact.
type Refs []Ref

// Outside are the sources from outside the articles.
func (rs Refs) Outside() []*Source {
	var out []*Source
	for _, r := range rs {
		if r.Outside != nil {
			out = append(out, r.Outside)
		}
	}
	return out
}

// Articles are the articles that state the fact themselves.
func (rs Refs) Articles() []*content.Article {
	var out []*content.Article
	for _, r := range rs {
		if r.Article != nil {
			out = append(out, r.Article)
		}
	}
	return out
}

// An Event is one column: a meeting.
type Event struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"` // short, for headers and the scale strip
	// Name is the event in full, for structured data.
	Name  string `yaml:"name"`
	Place string `yaml:"place"`
	// PlaceSources say where the place comes from when an article does
	// not name it (Mother Jones says only "in Germany").
	PlaceSources []string `yaml:"place_sources"`
	When         When     `yaml:"when"`
	// UTCOffset is the local time zone, "+02:00".
	UTCOffset string `yaml:"utc_offset"`

	PlaceRefs Refs `yaml:"-"`
}

// A When is what is known of an entry's date: a calendar date to some
// precision, a phrase, or both.
type When struct {
	Date string `yaml:"date"`
	// Phrase is, beside a date, the article's own wording of it ("on
	// Friday"); alone, the words for what is known ("before the meeting").
	// About marks the date as approximate: no <time datetime>, "about".
	About  bool   `yaml:"about"`
	Phrase string `yaml:"phrase"`
	// Note says what the date is the date of, when that is not the entry
	// itself ("the assessment's publication").
	Note    string   `yaml:"note"`
	Sources []string `yaml:"sources"`

	Parsed content.Date `yaml:"-"`
	Refs   Refs         `yaml:"-"`
}

// Exact reports whether the when is a day known exactly: only then does
// the page use <time datetime>.
func (w When) Exact() bool { return w.Parsed.Exact() && !w.About }

// A Row is one phase of the comparison.
type Row struct {
	ID          string `yaml:"id"`
	Label       string `yaml:"label"`
	Description string `yaml:"description"`
	// Nothing is, per event id, what the event's articles do not report
	// for this phase. A cell without entries must have it.
	Nothing map[string]string `yaml:"nothing"`

	Cells []*Cell `yaml:"-"` // one per event, in event order
}

// A Cell is where a row meets an event.
type Cell struct {
	ID      string
	Row     *Row
	Event   *Event
	Entries []*Entry
	Nothing string
}

// An Entry is one fact in a cell, traced to a quote from an article.
type Entry struct {
	ID      string `yaml:"id"`
	Row     string `yaml:"row"`
	Event   string `yaml:"event"`
	When    When   `yaml:"when"`
	Summary string `yaml:"summary"`
	Article string `yaml:"article"` // slug
	Quote   string `yaml:"quote"`
	// Scale, when set, places the entry on the scale strip under this label.
	Scale string `yaml:"scale"`

	// Filled by Load.
	Source    *content.Article `yaml:"-"`
	Paragraph string           `yaml:"-"` // "p3": the paragraph holding Quote
	Line      int              `yaml:"-"` // line of the entry in the file
	Cell      *Cell            `yaml:"-"`
}

// Href is the entry's address from the site root.
func (e *Entry) Href(t *Timeline) string { return t.Path() + "#" + e.ID }

// Label names the entry for a link back to it from its article.
func (e *Entry) Label() string {
	return fmt.Sprintf("%s (%s)", e.Cell.Row.Label, e.Cell.Event.Label)
}

// ParagraphNumber is the paragraph's number as a reader counts: "3".
func (e *Entry) ParagraphNumber() string {
	if len(e.Paragraph) > 1 {
		return e.Paragraph[1:]
	}
	return e.Paragraph
}

// days is the number of calendar days from a to b.
func days(a, b content.Date) int {
	return int(b.Time().Sub(a.Time()) / (24 * time.Hour))
}

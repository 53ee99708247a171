// Package clean turns a raw article, as a reader copied it from a browser or
// as a saved web page, into a cleaned Dossier article: typed front matter plus
// the article's paragraphs verbatim, and a report of every block it removed
// and why, so that a person can check that nothing genuine was dropped.
//
// # Inputs
//
// Plain text (.txt or anything that is not HTML) goes straight to the block
// classifier in classify.go. A saved page (.html, .htm, optionally gzipped)
// goes through go-trafilatura, which finds the main content and the page
// metadata, then through html-to-markdown, and then through the same
// classifier in its "extracted" mode, which only removes what extractors leave
// behind (calls to action, duplicates, author bios, headline lists). When
// the page's visible text, cleaned as copied text is, holds half as many
// words again as what the extractor kept, the extractor missed part of the
// article and that body is taken instead (html.go, fallbackRatio).
//
// # The promise
//
// Cleaning removes what is not the article; it never edits the article. A
// block that reads as article prose is only ever dropped as an exact
// duplicate or because it carries call-to-action, legal or author-bio wording
// (see lexicon.go). When unsure, the classifier keeps. The fuzz target in
// fuzz_test.go checks this promise for copied text. A saved page's markup
// says more than its text: there a block that the page shows only as link
// text or as a form's field label goes too, whatever its wording, when it
// comes in a run (a list of
// links, two linked blocks or more in a row: a menu of teasers), see linkdense.go.
//
// The command-line entry point is RunImport; RunBench measures accuracy over
// a WCXB-style benchmark directory.
package clean

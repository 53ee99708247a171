package clean

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// explainMode is the -explain flag: off, "removed" (-explain: every block
// that left the body) or "all" (-explain=all: the kept blocks too, so that
// a person can audit both directions).
type explainMode string

func (m *explainMode) String() string { return string(*m) }

// IsBoolFlag lets -explain stand alone.
func (m *explainMode) IsBoolFlag() bool { return true }

func (m *explainMode) Set(s string) error {
	switch s {
	case "true", "removed":
		*m = "removed"
	case "false", "":
		*m = ""
	case "all":
		*m = "all"
	default:
		return fmt.Errorf("want -explain or -explain=all, not %q", s)
	}
	return nil
}

// writeExplain prints, for a person to check, every block that left the body:
// the removed ones with their reason, and those moved to the front matter;
// for a saved page, then the lines of its visible text that the extractor
// left out. With all, the kept blocks are printed too.
func writeExplain(w io.Writer, rep *Report, all bool) {
	for _, b := range rep.Blocks {
		switch b.Role {
		case RoleBody:
			if all {
				fmt.Fprintf(w, "  kept block %d (line %d): %s\n", b.N, b.Line, quote(b.Text))
			}
		case RoleRemoved:
			fmt.Fprintf(w, "  removed block %d (line %d), %s: %s\n", b.N, b.Line, b.Explain(), quote(b.Text))
		default:
			fmt.Fprintf(w, "  block %d (line %d) is the %s: %s\n", b.N, b.Line, b.Role, quote(b.Text))
		}
	}
	for _, b := range rep.LeftOut {
		fmt.Fprintf(w, "  removed visible line %d, %s: %s\n", b.Line, b.Reason, quote(b.Text))
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	kept := 0
	for _, b := range rep.Blocks {
		if b.Role == RoleBody {
			kept++
		}
	}
	fmt.Fprintf(w, "  kept %d of %d blocks as the body", kept, len(rep.Blocks))
	if rep.Kind == "html" && rep.VisibleLines > 0 {
		fmt.Fprintf(w, "; go-trafilatura left out %d of the page's %d lines of visible text", len(rep.LeftOut), rep.VisibleLines)
	}
	fmt.Fprintln(w)
}

// leftOut returns the lines of the page's visible text that are in none of
// the blocks and are not the title: what the extractor dropped. A line is
// in the blocks when, rendered and normalised as the benchmark matches
// snippets, it is one of their lines, or, with four words or more, part of
// one (the extract may join lines the page shows apart).
func leftOut(visible string, blocks []Block, title string) ([]Block, int) {
	lines := map[string]bool{}
	var all strings.Builder
	// The blocks are rendered in one pass, not one Markdown parse each,
	// which on a page of thousands of paragraphs cost as much as the
	// extraction.
	// A block without Markdown syntax renders as itself and is not
	// parsed at all.
	var body []string
	add := func(l string) {
		lines[l] = true
		all.WriteString(l)
		all.WriteByte('\n')
	}
	for _, b := range blocks {
		if plainBlock(b.Text) {
			add(snippetForm(b.Text))
			continue
		}
		body = append(body, b.Text)
		// The block as written too: the visible text has no Markdown.
		lines[snippetForm(stripMarkdown(b.Text))] = true
	}
	if len(body) > 0 {
		for _, l := range strings.Split((&Article{Body: body}).PlainText(), "\n") {
			add(snippetForm(l))
		}
	}
	text := all.String()
	title = snippetForm(title)
	var out []Block
	n := 0
	for i, l := range strings.Split(visible, "\n") {
		norm := snippetForm(l)
		if norm == "" {
			continue
		}
		n++
		if lines[norm] || norm == title || len(wordsOf(norm)) >= 4 && strings.Contains(text, norm) {
			continue
		}
		out = append(out, Block{N: len(out) + 1, Line: i + 1, Text: strings.TrimSpace(l), Role: RoleRemoved, Reason: ReasonExtractor})
	}
	return out, n
}

// plainBlock reports whether a block holds no Markdown syntax, so that it
// renders as its own text: one line that starts with a letter and holds no
// character Markdown gives a meaning to.
func plainBlock(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !strings.ContainsAny(s, "\\`*_[]<>&#|!~=\n\r\t")
}

// quote shortens a block to one readable line.
func quote(s string) string {
	s = strings.ReplaceAll(s, "\n", " ⏎ ")
	const max = 100
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

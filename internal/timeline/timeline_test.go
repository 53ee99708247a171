package timeline

import (
	"fmt"
	"strings"
	"testing"

	"dossier/internal/content"
	"dossier/internal/markdown"
)

const file = "content/timelines/t.yaml"

// good is a small valid timeline; the bad inputs below are edits of it.
const good = `title: "One → Two"
caption: "Two events side by side."
sources:
  - id: paper
    name: "A paper, 1 May 2020"
events:
  - id: one
    label: "One"
    name: "Event one"
    place: "Here"
    when: {date: "2020-05-01", sources: [paper]}
    utc_offset: "+02:00"
  - id: two
    label: "Two"
    name: "Event two"
    place: "There"
    when: {date: "2020-06-01", sources: [paper]}
    utc_offset: "+09:00"
rows:
  - id: said
    label: "Said"
    nothing:
      two: "Nothing reported."
entries:
  - id: one-said
    row: said
    event: one
    when: {phrase: "before the meeting"}
    summary: "She said it."
    article: a
    quote: >-
      “It was said,”
      she said.
  - id: one-later
    row: said
    event: one
    when: {date: "2020-04-01", sources: [paper]}
    scale: "Said before"
    summary: "It was later."
    article: a
    quote: "said so later"
`

func articles() map[string]*Text {
	a := &content.Article{Slug: "a", File: "content/articles/a.md"}
	a.Title, a.Publication = "A", "The Paper"
	return map[string]*Text{"a": {Article: a, Paragraphs: []markdown.Paragraph{
		{ID: "p1", Text: "A first paragraph."},
		// A no-break space and a line break, as the sources have them.
		{ID: "p2", Text: "Then: “It was said,”\u00a0she\nsaid. He said so later."},
	}}}
}

// lineOf is the 1-based line of the first occurrence of s in src.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	i := strings.Index(src, s)
	if i < 0 {
		t.Fatalf("fixture has no %q", s)
	}
	return strings.Count(src[:i], "\n") + 1
}

func TestGood(t *testing.T) {
	tl, errs := Parse(file, []byte(good), articles())
	if len(errs) > 0 {
		t.Fatalf("Parse: %v", errs)
	}
	if got := len(tl.Rows[0].Cells); got != 2 {
		t.Fatalf("cells = %d, want 2", got)
	}
	c := tl.Rows[0].Cells[0]
	if c.ID != "said--one" || len(c.Entries) != 2 {
		t.Errorf("cell %s has %d entries, want said--one with 2", c.ID, len(c.Entries))
	}
	if e := c.Entries[0]; e.Paragraph != "p2" || e.Href(tl) != "timelines/t.html#one-said" {
		t.Errorf("entry one-said: paragraph %q href %q, want p2, timelines/t.html#one-said", e.Paragraph, e.Href(tl))
	}
	if n := tl.Rows[0].Cells[1]; len(n.Entries) != 0 || n.Nothing != "Nothing reported." {
		t.Errorf("empty cell: %+v", n)
	}
	if w := tl.Events[0].When; !w.Exact() || w.Parsed.String() != "2020-05-01" {
		t.Errorf("event date: exact %v, %s", w.Exact(), w.Parsed)
	}
	s := tl.Scale
	s.Lay(english, content.Date.Human)
	if len(s.Gaps) != 1 || s.Gaps[0].Days != 31 {
		t.Fatalf("gaps = %+v, want one of 31 days", s.Gaps)
	}
	if s.Start.String() != "2020-04-01" || s.End.String() != "2020-06-01" || len(s.Marks) != 3 {
		t.Errorf("scale %s..%s with %d marks, want 2020-04-01..2020-06-01 with 3", s.Start, s.End, len(s.Marks))
	}
	for _, lo := range []*Layout{s.Wide, s.Narrow} {
		if len(lo.Marks) != 3 || len(lo.Gaps) != 1 || lo.Gaps[0].Text != "31 days" {
			t.Fatalf("%s layout: %d marks, gaps %+v; want 3 marks and one gap of 31 days", lo.Class, len(lo.Marks), lo.Gaps)
		}
		if m := lo.Marks[0]; m.Label != "Said before" || m.Date != "1 April 2020" || m.X != 0 {
			t.Errorf("%s layout: first mark %q, %q at %v%%; want Said before, 1 April 2020 at 0%%", lo.Class, m.Label, m.Date, m.X)
		}
	}
}

func TestBadInput(t *testing.T) {
	dupEntry := "  - id: one-said\n    row: said\n    event: two\n    when: {phrase: \"later\"}\n    summary: \"Again.\"\n    article: a\n    quote: \"said so later\"\n"
	tests := []struct {
		name     string
		edit     func(string) string
		at       string // the text on the line the error must name
		row, evt string
		msg      string
	}{
		{
			name: "quote not in article",
			edit: func(s string) string { return strings.Replace(s, "“It was said,”", "\"It was said,\"", 1) },
			at:   "quote: >-", row: "said", evt: "one",
			msg: `nearest passage, in paragraph 2, reads: “It was said,” she said.`,
		},
		{
			name: "unknown article",
			edit: func(s string) string {
				return strings.Replace(s, "article: a\n    quote: \"said", "article: b\n    quote: \"said", 1)
			},
			at: "article: b", row: "said", evt: "one",
			msg: `unknown article "b"; known articles: a`,
		},
		{
			name: "unknown event",
			edit: func(s string) string {
				return strings.Replace(s, "event: one\n    when: {date", "event: three\n    when: {date", 1)
			},
			at: "event: three", row: "said", evt: "three",
			msg: `unknown event "three"; known events: one, two`,
		},
		{
			name: "unknown row",
			edit: func(s string) string {
				return strings.Replace(s, "row: said\n    event: one\n    when: {phrase", "row: sayd\n    event: one\n    when: {phrase", 1)
			},
			at: "row: sayd", row: "sayd", evt: "one",
			msg: `unknown row "sayd"; known rows: said`,
		},
		{
			name: "duplicated id",
			edit: func(s string) string { return s + dupEntry },
			at:   "id: one-said\n    row: said\n    event: two", row: "said", evt: "two",
			msg: fmt.Sprintf(`duplicated id "one-said" (first used on line %d)`, lineOf(t, good, "id: one-said")),
		},
		{
			name: "date that does not parse",
			edit: func(s string) string { return strings.Replace(s, "2020-04-01", "2020-04-31", 1) },
			at:   "2020-04-31", row: "said", evt: "one",
			msg: `date "2020-04-31" does not parse`,
		},
		{
			name: "empty cell without its nothing reported text",
			edit: func(s string) string {
				return strings.Replace(s, "    nothing:\n      two: \"Nothing reported.\"\n", "", 1)
			},
			at: "- id: said", row: "said", evt: "two",
			msg: "the cell is empty and does not say so",
		},
		{
			name: "unknown source of a date",
			edit: func(s string) string {
				return strings.Replace(s, "sources: [paper]}\n    scale", "sources: [rumour]}\n    scale", 1)
			},
			at: "sources: [rumour]", row: "said", evt: "one",
			msg: `unknown source "rumour"`,
		},
		{
			name: "dated without a source",
			edit: func(s string) string {
				return strings.Replace(s, `{date: "2020-04-01", sources: [paper]}`, `{date: "2020-04-01"}`, 1)
			},
			at: `{date: "2020-04-01"}`, row: "said", evt: "one",
			msg: "has no sources",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.edit(good)
			if src == good {
				t.Fatal("the edit changed nothing")
			}
			_, errs := Parse(file, []byte(src), articles())
			if len(errs) == 0 {
				t.Fatal("Parse succeeded, want an error")
			}
			got := errs.Err().Error()
			prefix := fmt.Sprintf("%s:%d:", file, lineOf(t, src, tt.at))
			where := fmt.Sprintf("row %q, event %q", tt.row, tt.evt)
			for _, want := range []string{prefix, where, tt.msg} {
				if !strings.Contains(got, want) {
					t.Errorf("error lacks %q:\n%s", want, got)
				}
			}
		})
	}
}

func TestUnknownKey(t *testing.T) {
	src := strings.Replace(good, "    summary: \"She said it.\"", "    sumary: \"She said it.\"", 1)
	_, errs := Parse(file, []byte(src), articles())
	want := fmt.Sprintf(`%s:%d:5: unknown field "sumary"; did you mean "summary"?`, file, lineOf(t, src, "sumary"))
	if got := errs.Err(); got == nil || !strings.Contains(got.Error(), want) {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestApproxMatch(t *testing.T) {
	text := []rune("the quick brown fox jumps")
	s, e, d := approxMatch([]rune("brwn fox"), text)
	if got := string(text[s:e]); got != "brown fox" || d != 1 {
		t.Errorf("approxMatch = %q, %d; want \"brown fox\", 1", got, d)
	}
}

// TestGapSentence: the story's wording of a gap comes from the timeline's
// gap_sentence, its placeholders filled in; an unknown placeholder is an
// error at its line. Without it the sentence is left to the theme.
func TestGapSentence(t *testing.T) {
	tl, errs := Parse(file, []byte(good), articles())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := tl.Scale.Gaps[0].Sentence; got != "" {
		t.Errorf("without gap_sentence the sentence is %q, want the theme's (\"\")", got)
	}
	src := strings.Replace(good, "caption:", "gap_sentence: \"{days} days from the {from} meeting to the {to} one.\"\ncaption:", 1)
	tl, errs = Parse(file, []byte(src), articles())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got, want := tl.Scale.Gaps[0].Sentence, "31 days from the One meeting to the Two one."; got != want {
		t.Errorf("sentence %q, want %q", got, want)
	}
	src = strings.Replace(src, "{to}", "{until}", 1)
	_, errs = Parse(file, []byte(src), articles())
	want := fmt.Sprintf(`%s:%d:15: gap_sentence has "{until}", which is not a placeholder; it may say {days}, {from}, {to}`, file, lineOf(t, src, "gap_sentence"))
	if got := errs.Err(); got == nil || !strings.Contains(got.Error(), want) {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestScaleLabelTooWide: a label wider than the phone's strip is refused.
func TestScaleLabelTooWide(t *testing.T) {
	src := strings.Replace(good, `scale: "Said before"`, `scale: "MMMMMMMMMMMMMMMMMMMMMMMMMMMM"`, 1)
	_, errs := Parse(file, []byte(src), articles())
	want := fmt.Sprintf(`%s:%d:`, file, lineOf(t, src, "scale: \"MMM"))
	if got := errs.Err(); got == nil || !strings.Contains(got.Error(), want) || !strings.Contains(got.Error(), "too long for the scale strip on a phone") {
		t.Errorf("got %v, want %s … too long for the scale strip on a phone", got, want)
	}
}

package clean

import (
	"slices"
	"strings"
	"testing"
)

func TestFillGaps(t *testing.T) {
	p := func(s string) string {
		return s + " met on the sidelines of the summit in Osaka on Friday, officials said."
	}
	body := []string{p("First"), p("Second"), p("Third"), p("Fourth")}
	if !flat(body) || flat([]string{"## Heading", p("x")}) || flat([]string{"- item", p("x")}) {
		t.Fatal("flat misjudges a body")
	}
	visible := []string{
		"Why the summit matters to the region", // before the first kept block: stays out
		p("First"),
		"1\\. What the two leaders talked about", // a heading between kept blocks
		"Share this",                             // too short
		p("Second"),
		p("Third"),
	}
	for range maxGap + 1 { // a box of its own between kept blocks
		visible = append(visible, "A long run of teasers under the article")
	}
	visible = append(visible, p("Fourth"))
	got, added := fillGaps(body, visible)
	want := []string{p("First"), "1\\. What the two leaders talked about", p("Second"), p("Third"), p("Fourth")}
	if !slices.Equal(got, want) {
		t.Errorf("fillGaps gave\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Equal(added, want[1:2]) {
		t.Errorf("added = %q", added)
	}
}

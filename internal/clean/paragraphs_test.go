package clean

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestJoinParagraphsSameBody checks that a page of more than maxParagraphs
// paragraphs, fed to go-trafilatura with its paragraphs joined, imports to
// the same body, block for block, as without joining.
func TestJoinParagraphsSameBody(t *testing.T) {
	raw := largePage(360<<10, false)
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if !joinParagraphs(doc) {
		t.Fatal("the page was not joined: it holds too few paragraphs for the test")
	}
	joined, _, err := HTML(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { maxParagraphs = n }(maxParagraphs)
	maxParagraphs = 1 << 30
	plain, _, err := HTML(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Body) < 1000 || !slices.Equal(joined.Body, plain.Body) {
		t.Errorf("joined: %d blocks, not joined: %d; first difference:\n%s", len(joined.Body), len(plain.Body), firstBlockDiff(joined.Body, plain.Body))
	}
}

func firstBlockDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + "\n---\n" + b[i]
		}
	}
	return "(one is a prefix of the other)"
}

// TestSplitJoined checks that a joined paragraph is split back at its marks
// with its attributes and inline markup, and that a page under the cap is
// left alone.
func TestSplitJoined(t *testing.T) {
	t.Parallel()
	doc, err := html.Parse(strings.NewReader(`<div><p class=x>One <em>a</em>.` + paragraphMark + `Two.` + paragraphMark + `<b>Three</b></p></div>`))
	if err != nil {
		t.Fatal(err)
	}
	splitJoined(doc)
	var b strings.Builder
	html.Render(&b, doc)
	want := `<div><p class="x">One <em>a</em>.</p><p class="x">Two.</p><p class="x"><b>Three</b></p></div>`
	if got := b.String(); !strings.Contains(got, want) {
		t.Errorf("got %s\nwant %s", got, want)
	}
	small, _ := html.Parse(strings.NewReader(`<p>One.</p><p>Two.</p>`))
	if joinParagraphs(small) {
		t.Error("a page of two paragraphs was joined")
	}
}

package clean

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestRestoreSpaces(t *testing.T) {
	t.Parallel()
	// What go-trafilatura gives for a list item whose label is bold, and
	// the page's visible text.
	content := `<ul><li><strong>Soil:</strong>Peat-based mix; does not tolerate salt.</li>` +
		`<li><b>Light:</b>Medium to low.</li><li><b>Un</b>believable</li></ul><p>Next<em>para</em></p>`
	visible := "Soil: Peat-based mix; does not tolerate salt.\nLight:\u00a0Medium to low.\nUnbelievable\nNext\npara is a heading here\n"
	doc, err := html.Parse(strings.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	restoreSpaces(doc, visible)
	var b strings.Builder
	html.Render(&b, doc)
	for _, want := range []string{
		"<strong>Soil:</strong> Peat-based", // the page has a space
		"<b>Light:</b>\u00a0Medium",         // a no-break space
		"<b>Un</b>believable",               // the page shows them joined
		"Next<em>para</em>",                 // not in one line of the page
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("restoreSpaces gave %s\nwant it to contain %q", b.String(), want)
		}
	}
}

package clean

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// linkedPage is an article whose content holds a menu of teasers (each a
// headline and its blurb inside one link), a linked caption and a heading
// the table of contents repeats as a link.
const linkedPage = `<!doctype html>
<html lang="en"><head><title>The harbour wall</title></head><body>
<article>
<h1>The harbour wall</h1>
<ul class="toc"><li><a href="#works">The works</a></li><li><a href="#cost">The cost</a></li></ul>
<p>More from the coast:</p>
<ul class="teasers">
<li><a href="/a">The new ferry timetable starts on Monday, and the early crossings stay</a></li>
<li><a href="/b">A second bakery opens on the quay where the fishmonger used to be</a></li>
<li><a href="/c">The lifeboat crew trained at night for the first time this year, off the point</a></li>
<li><a href="/d">Five things to know about the new parking rules on the seafront this summer</a></li>
</ul>
<h2 id="works">The works</h2>
<p>The council said on Tuesday that the work on the harbour wall would go on through the winter, and that the people who live by the water had been told about the noise.</p>
<p><a href="/photos">Photographs of the wall before the storm</a></p>
<p>The old wall was built in the last century, and the storm of the spring broke it in two places, so that the sea came into the car park at high tide and flooded the road.</p>
<h2 id="cost">The cost</h2>
<p>The repairs will cost more than the council had set aside, a spokesman said, and the difference will come from the reserves that were kept for the new school.</p>
</article></body></html>`

// TestLinkDenseTeasers checks, on blocks as go-trafilatura leaves them (it
// keeps a list of long links), that a list the page shows only as links
// goes, and that a single linked line and a heading the table of contents
// repeats as a link stay.
func TestLinkDenseTeasers(t *testing.T) {
	t.Parallel()
	doc, err := html.Parse(strings.NewReader(linkedPage))
	if err != nil {
		t.Fatal(err)
	}
	md := "## The works\n\nThe council said on Tuesday that the work on the harbour wall would go on through the winter, and that the people who live by the water had been told about the noise.\n\n" +
		"Photographs of the wall before the storm\n\n" +
		"More from the coast:\n\n" +
		"- The new ferry timetable starts on Monday, and the early crossings stay\n- A second bakery opens on the quay where the fishmonger used to be\n- The lifeboat crew trained at night for the first time this year, off the point\n\n" +
		"## The cost\n\nThe repairs will cost more than the council had set aside."
	c := newClassifier(splitMarkdown(md), modeExtracted)
	words := c.markLinkDense(linkTexts(doc))
	want := 0
	for _, b := range c.blocks {
		teaser := strings.Contains(b.Text, "ferry timetable")
		if teaser {
			want = len(wordsOf(b.Text))
		}
		if teaser != (b.Role == RoleRemoved) {
			t.Errorf("block %q: role %s %s", b.Text, b.Role, b.Reason)
		}
	}
	if words != want || want == 0 {
		t.Errorf("words removed = %d, want the list's %d", words, want)
	}
}

// TestLinkDenseRun checks that two linked blocks in a row go (a menu of
// teasers, each its own block), and that a linked heading alone stays.
func TestLinkDenseRun(t *testing.T) {
	t.Parallel()
	page := `<html><body><h3><a href="/n">Ferry news</a></h3><p>The ferry news, in short.</p><a href="/a"><p>The new ferry timetable starts on Monday.</p></a>
<a href="/b"><p>A second bakery opens on the quay.</p></a><p>The council met on Tuesday about the harbour wall.</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	c := newClassifier(splitMarkdown("### Ferry news\n\nThe ferry news, in short.\n\nThe new ferry timetable starts on Monday.\n\nA second bakery opens on the quay.\n\nThe council met on Tuesday about the harbour wall."), modeExtracted)
	c.markLinkDense(linkTexts(doc))
	want := []Role{RoleBody, RoleBody, RoleRemoved, RoleRemoved, RoleBody}
	for i, b := range c.blocks {
		if b.Role != want[i] {
			t.Errorf("block %q: role %s, want %s", b.Text, b.Role, want[i])
		}
	}
}

// TestLinkDenseLabelsAndAnchors checks that a form's field labels and
// links the page sets in plain <div>s, not in a measured block, count as
// link-only too.
func TestLinkDenseLabelsAndAnchors(t *testing.T) {
	t.Parallel()
	page := `<html><body><form><label>First Name*</label><input name=f><label>Email*</label><input name=e></form>
<div><a href="/a">The new ferry timetable starts on Monday</a></div><div><a href="/b">A second bakery opens on the quay</a></div>
<p>The council met on Tuesday about the harbour wall, and said the work would go on.</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	c := newClassifier(splitMarkdown("First Name\\*\n\nEmail\\*\n\nThe new ferry timetable starts on Monday\n\nA second bakery opens on the quay\n\nThe council met on Tuesday about the harbour wall, and said the work would go on."), modeExtracted)
	c.markLinkDense(linkTexts(doc))
	for i, b := range c.blocks {
		if want := i < 4; want != (b.Role == RoleRemoved) {
			t.Errorf("block %q: role %s %s", b.Text, b.Role, b.Reason)
		}
	}
}

// TestVisibleTextDropsLinkRuns checks the cleaner HTML falls back to when
// the extractor kept too little: on the page's visible text, told the
// page's link-only texts, it drops a menu of teasers that copied text alone
// keeps as prose.
func TestVisibleTextDropsLinkRuns(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(`<html><head><title>The harbour wall</title></head><body><h1>The harbour wall</h1>`)
	for i := range 8 {
		b.WriteString(`<div><span>In part ` + strconv.Itoa(i) + ` of the story the council said that the work on the harbour wall would go on through the winter, and that the people who live by the water had been told about the noise.</span></div>`)
		if i == 3 {
			for _, s := range []string{"The new ferry timetable starts on Monday, and the council says that the early crossings will stay as they are.", "A second bakery opens on the quay where the fishmonger used to be, and it will sell bread from the old mill."} {
				b.WriteString(`<div><a href="/x">` + s + `</a></div>`)
			}
		}
	}
	b.WriteString(`</body></html>`)
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	visible := visibleText(doc)
	plain, _, err := Text([]byte(visible))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(plain.Body, "\n"), "second bakery") {
		t.Fatalf("copied text alone drops the teasers already, so the test shows nothing: %q", plain.Body)
	}
	a, _, err := cleanText([]byte(visible), linkTexts(doc))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(a.Body, "\n")
	if !strings.Contains(body, "In part 7 of the story") || !strings.Contains(body, "In part 0 of the story") {
		t.Errorf("the story is cut: %q", body)
	}
	for _, gone := range []string{"ferry timetable", "second bakery"} {
		if strings.Contains(body, gone) {
			t.Errorf("link %q kept: %q", gone, body)
		}
	}
}

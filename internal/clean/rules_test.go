package clean

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// furniturePage is copied text with one example of each kind of furniture
// the general rules remove, around an article whose every paragraph and
// subheading must stay.
var furniturePage = strings.Join([]string{
	"Harbour wall works to go on through the winter",
	"Listen to this article",
	"The council says the noise will stop at six every evening",
	"The council said on Monday that the work on the harbour wall would go on through the winter, and that the people who live by the water had been told about the noise in a letter.",
	"The letter, sent in the autumn, gave the dates on which the roads by the quay will be closed, and said that the machines would stop at six in the evening on every weekday.",
	"Get the most from the new quay",
	"The wall was built more than a century ago and was damaged in the storms of two winters ago, when the sea came over it twice and flooded the houses on the front.",
	"Engineers for the council said that the new wall would be a metre higher than the old one, and that the work would be finished by the end of the next summer if the weather allowed it.",
	"A spokesman for the harbour board said that the boats would be moved to the inner basin while the work went on, and that the fishermen had agreed to the plan at a meeting last week.",
	"Jane Doe covers shipping and the ports for the Harbour Gazette.",
	"Share this article:",
	"Like what you see? Share with a friend",
	"Previous: How the old quay was built",
	"Next article: Ferry times change for the spring",
	"Get breaking news alerts delivered straight to your phone with our app.",
	"By providing your email, you agree to receive periodic updates from us. We will never sell your information.",
	"Request information",
	"Join the Gazette for free to get updates from this writer.",
	"3 thoughts on “Harbour wall works to go on through the winter”",
	"Tom Smith says:",
	"I live on the front and the noise has not been as bad as the council said it would be, to be honest with you all.",
}, "\n") + "\n"

// TestFurnitureRules checks that each general rule removes its kind of
// furniture from copied text while the article stays whole, and that
// "Listen to this article" is not taken for the dek.
func TestFurnitureRules(t *testing.T) {
	t.Parallel()
	a, rep, err := Text([]byte(furniturePage))
	if err != nil {
		t.Fatal(err)
	}
	got := body(a)
	lines := strings.Split(strings.TrimSpace(furniturePage), "\n")
	for _, l := range lines[3:9] {
		if !strings.Contains(got, l) {
			t.Errorf("article line %q was dropped", l)
		}
	}
	for _, l := range lines[9:] {
		if strings.Contains(got, l) {
			t.Errorf("furniture %q reached the body", l)
		}
	}
	if a.Dek != lines[2] {
		t.Errorf("dek = %q, want %q (not the audio player's label)", a.Dek, lines[2])
	}
	reasons := map[string]Reason{}
	for _, b := range rep.Blocks {
		reasons[b.Text] = b.Reason
	}
	for line, want := range map[string]Reason{
		lines[1]:  ReasonMeta,
		lines[9]:  ReasonBio,
		lines[10]: ReasonSocial,
		lines[12]: ReasonNavigation,
		lines[16]: ReasonPromo,
	} {
		if reasons[line] != want {
			t.Errorf("%q removed as %q, want %q", line, reasons[line], want)
		}
	}
}

// TestFurnitureRulesKeepProse checks that the rules leave article text of
// the same shape alone: a subheading with a conversion verb, a sentence
// about a person's job mid-article, prose that mentions sharing.
func TestFurnitureRulesKeepProse(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"Get the most from the new quay",
		"Apply the same rule to every boat in the harbour",
		"Next, the council turned to the ferry.",
	} {
		if furnitureLine.MatchString(s) {
			t.Errorf("furnitureLine matches article text %q", s)
		}
	}
	if endBio.MatchString("The harbour master said the work was late.") {
		t.Error("endBio matches a sentence that is no bio")
	}
}

// TestFurnitureRulesSavedPage checks the rules on a saved page, where
// go-trafilatura keeps a comment thread and an author bio that sit inside
// the article element without the markup that names them.
func TestFurnitureRulesSavedPage(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Harbour wall works to go on through the winter</title></head><body><article><h1>Harbour wall works to go on through the winter</h1>`)
	lines := strings.Split(strings.TrimSpace(furniturePage), "\n")
	for _, l := range lines[3:9] {
		b.WriteString("<p>" + l + "</p>")
	}
	b.WriteString(`<p>Jane Doe covers shipping and the ports for the Harbour Gazette.</p>`)
	b.WriteString(`<h3>3 thoughts on “Harbour wall works to go on through the winter”</h3><p>Tom Smith says:</p>`)
	b.WriteString(`<p>I live on the front and the noise has not been as bad as the council said it would be, to be honest with you all.</p>`)
	b.WriteString(`</article></body></html>`)
	a, _, err := HTML([]byte(b.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	got := body(a)
	for _, l := range lines[3:9] {
		if !strings.Contains(got, l) {
			t.Errorf("article line %q was dropped", l)
		}
	}
	for _, l := range []string{"Jane Doe covers shipping", "thoughts on", "Tom Smith says", "I live on the front"} {
		if strings.Contains(got, l) {
			t.Errorf("%q reached the body", l)
		}
	}
}

// TestProseAfterArticleEnd checks that teaser prose past a related-stories
// heading after the article goes, while a line that only mentions a cue
// word ("popular") ends nothing.
func TestProseAfterArticleEnd(t *testing.T) {
	t.Parallel()
	lines := strings.Split(strings.TrimSpace(furniturePage), "\n")
	article := lines[3:9]
	teaser := "The ferry company said on Tuesday that it would add two sailings a day in the spring, after a winter in which the boats were full on most weekends and some people were turned away."
	doc := strings.Join(append(append([]string{lines[0]}, article...), "Menu", "Log in", "You might also like", "Ferry times change for the spring", teaser, "© 2024 The Harbour Gazette"), "\n")
	a, rep, err := Text([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := body(a)
	for _, l := range article {
		if !strings.Contains(got, l) {
			t.Errorf("article line %q was dropped", l)
		}
	}
	if strings.Contains(got, "two sailings") {
		t.Errorf("teaser prose after \"You might also like\" kept:\n%s", got)
	}
	for _, b := range rep.Blocks {
		if b.Text == teaser && b.Reason != ReasonOutside {
			t.Errorf("teaser removed as %q, want %q", b.Reason, ReasonOutside)
		}
	}
	// "Popular" in an item of the article's own list is no end.
	doc = strings.Replace(doc, "You might also like", "Good deals on popular titles", 1)
	a, _, err = Text([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body(a), "two sailings") {
		t.Error("prose after a line that only mentions \"popular\" was dropped")
	}
}

// TestExtractedFurniture checks the rules on blocks as go-trafilatura
// leaves them: a block of previous/next links or of a post's author, date
// and reading time goes whole, a list of article items stays, and a
// post's date line, a "Pin for later" button and a notification prompt go.
func TestExtractedFurniture(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"**Next article:** Go Wins 2010 Bossie Award\\\n**Previous article:** Share Memory By Communicating\\",
		"- Gabo\n- Jan 23\n- 11 min read",
	} {
		if !furnitureBlock(s) {
			t.Errorf("furnitureBlock(%q) = false", s)
		}
	}
	for _, s := range []string{
		"- Two cups of flour\n- One egg\n- A pinch of salt",
		"- Next, the council met.\n- Previous plans were dropped.",
	} {
		if furnitureBlock(s) {
			t.Errorf("furnitureBlock(%q) = true for article items", s)
		}
	}
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Harbour wall works to go on through the winter</title></head><body><article><h1>Harbour wall works to go on through the winter</h1>`)
	b.WriteString(`<p>Posted by David at December 16, 2025 11:15 AM</p>`)
	lines := strings.Split(strings.TrimSpace(furniturePage), "\n")
	for _, l := range lines[3:9] {
		b.WriteString("<p>" + l + "</p>")
	}
	b.WriteString(`<p><b>Would you like to receive notifications about new posts?</b></p><p>PIN FOR LATER</p><p>Written by Jane Doe</p>`)
	b.WriteString(`<p><b>Next article:</b> Ferry times change<br><b>Previous article:</b> The old quay</p></article></body></html>`)
	a, _, err := HTML([]byte(b.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	got := body(a)
	for _, l := range lines[3:9] {
		if !strings.Contains(got, l) {
			t.Errorf("article line %q was dropped", l)
		}
	}
	for _, l := range []string{"Posted by David", "notifications", "PIN FOR LATER", "Written by", "Next article", "Previous article"} {
		if strings.Contains(got, l) {
			t.Errorf("%q reached the body:\n%s", l, got)
		}
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Jane Doe" {
		t.Errorf("authors %q, want the byline after the article", a.Authors)
	}
}

// TestCommentsNotice checks that a notice that the comments below are the
// readers' own opens a comment section, however long, and that a post's
// date line ending with its department goes.
func TestCommentsNotice(t *testing.T) {
	t.Parallel()
	lines := strings.Split(strings.TrimSpace(furniturePage), "\n")
	doc := strings.Join(append(append([]string{lines[0], "Posted by BeauHD on Friday December 19, 2025 @08:00PM from the harbour-works dept."}, lines[3:9]...),
		"The Fine Print: The following comments are owned by whoever posted them. We are not responsible for them in any way.",
		"Re: Noise (Score:2)",
		"I live on the front and the noise has not been as bad as the council said it would be, to be honest with you all."), "\n")
	a, _, err := Text([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := body(a)
	for _, l := range lines[3:9] {
		if !strings.Contains(got, l) {
			t.Errorf("article line %q was dropped", l)
		}
	}
	for _, l := range []string{"Posted by", "Fine Print", "Score:2", "I live on the front"} {
		if strings.Contains(got, l) {
			t.Errorf("%q reached the body", l)
		}
	}
}

// TestCommentHead checks that a WordPress comment head is the whole line,
// so that a quotation in an article is none.
func TestCommentHead(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"Tom Smith says:", "Mary-Jane O’Neil says: March 3, 2024 at 5:12 pm"} {
		if !commentsHeading.MatchString(s) {
			t.Errorf("%q is not taken for a comment head", s)
		}
	}
	for _, s := range []string{"The mayor says: we will rebuild the wall.", "The harbour master of the town of Kent says:"} {
		if commentsHeading.MatchString(s) {
			t.Errorf("%q is taken for a comment head", s)
		}
	}
}

// TestTeaserOverReadMore checks that outside the article, prose over a
// "Read more" link goes as another post's excerpt, while inside it a
// paragraph followed by "Read more" (a listicle's item) stays.
func TestTeaserOverReadMore(t *testing.T) {
	t.Parallel()
	lines := strings.Split(strings.TrimSpace(furniturePage), "\n")
	teaser := "The ferry company said on Tuesday that it would add two sailings a day in the spring, after a winter in which the boats were full on most weekends."
	item := "Engineers for the council said that the new wall would be a metre higher than the old one, and that the work would be finished by the end of the next summer if the weather allowed it."
	doc := strings.Join(append(append(append([]string{lines[0]}, lines[3:8]...), "Read more", lines[8]), "Menu", "Log in", "Sign up for our newsletter", "Privacy policy", "Search", "Ferry times", "March 3, 2024", teaser, "Read more", "© 2024 The Harbour Gazette"), "\n")
	a, _, err := Text([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := body(a)
	if !strings.Contains(got, item) {
		t.Errorf("the article's paragraph over \"Read more\" was dropped")
	}
	if strings.Contains(got, "two sailings") {
		t.Errorf("the teaser over \"Read more\" outside the article was kept:\n%s", got)
	}
}

// TestAddressesReader checks the hand-written matcher against the pattern
// it replaces, on the seeds' lines and on random strings made of the
// pattern's words, stops and case variants.
func TestAddressesReader(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, s := range seeds {
		raw, err := os.ReadFile(filepath.Join(contentDir, "raw", s.raw))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, strings.Split(string(raw), "\n")...)
	}
	pieces := append(append([]string{" ", ".", ", ", "—", ":\t", "!", "x", "é", "_", "1", "Kelvin\u212a", "ſign up", "SIGN UP", "Your", "harbour", "bus", "nowhere", "get_", "book1", "\xff"}, readerWords...), readerOrders...)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	matched := 0
	for _, s := range inputs {
		want := readerAddress.MatchString(s)
		if got := addressesReader(s); got != want {
			t.Errorf("addressesReader(%q) = %v, pattern says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched == 0 || matched == len(inputs) {
		t.Errorf("%d of %d inputs match: the inputs do not tell the two apart", matched, len(inputs))
	}
}

// The dek is one block: the first open line after the headline. The short
// lines after it are the article's or furniture, never a second dek.
func TestOneDek(t *testing.T) {
	src := "Council approves new library\n\nThe vote was seven to two.\n\nA short second line here.\n\nAnd a short third one.\n\n" +
		"The council voted on Wednesday to build a new public library on the site of the old market hall, after a first reading ended without a decision.\n\n" +
		"At the first reading, councillors asked for a cost estimate before any vote, and the plan went back to the committee for a month.\n"
	a, rep, err := Text([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var deks []string
	for _, b := range rep.Blocks {
		if b.Role == RoleDek {
			deks = append(deks, b.Text)
		}
	}
	if a.Dek != "The vote was seven to two." || len(deks) != 1 {
		t.Errorf("dek %q; blocks taken as the dek: %q", a.Dek, deks)
	}
}

package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func cleanSeed(t *testing.T, name string) (*Article, *Report) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(contentDir, "raw", name))
	if err != nil {
		t.Fatal(err)
	}
	a, rep, err := Text(raw)
	if err != nil {
		t.Fatal(err)
	}
	return a, rep
}

func body(a *Article) string { return strings.Join(a.Body, "\n\n") }

// The Week's trailing list of headlines dates from about October 2025 and
// has nothing to do with the article: none of it may reach the body.
func TestTheWeekHeadlineListGone(t *testing.T) {
	t.Parallel()
	a, rep := cleanSeed(t, seeds[1].raw)
	for _, headline := range []string{
		"5 vengefully funny cartoons", "Political cartoons for October 18", "waging war", "John Bolton",
		"Zelenskyy", "Pentagon reporters", "Voting Rights Act", "Venezuela", "Young Republicans", "Argentina bailout",
		"Speed Read", "Cartoons",
	} {
		if strings.Contains(body(a), headline) {
			t.Errorf("headline %q leaked into the body", headline)
		}
	}
	related := 0
	for _, b := range rep.Blocks {
		if b.Reason == ReasonRelated {
			related++
		}
	}
	if related < 20 {
		t.Errorf("%d blocks explained as a related-headline list, want the whole list (≥20)", related)
	}
}

// The Week signs off with the author's name and has his bio: the name is
// the byline, the bio goes, and the sign-off leaves the last paragraph.
func TestTheWeekSignoffAndBio(t *testing.T) {
	t.Parallel()
	a, rep := cleanSeed(t, seeds[1].raw)
	if len(a.Authors) != 1 || a.Authors[0] != "Peter Weber" {
		t.Errorf("authors = %q, want [Peter Weber] from the sign-off confirmed by the bio", a.Authors)
	}
	last := a.Body[len(a.Body)-1]
	if !strings.HasSuffix(last, "discussion of that moment below.") {
		t.Errorf("last paragraph ends %q, want the sign-off stripped", last[max(0, len(last)-50):])
	}
	if strings.Contains(body(a), "Peter has worked") {
		t.Error("author bio kept in the body")
	}
	found := false
	for _, b := range rep.Blocks {
		found = found || b.Reason == ReasonBio && strings.HasPrefix(b.Text, "Peter has worked")
	}
	if !found {
		t.Error("the bio is not explained as an author bio")
	}
	if a.Publication != "The Week" {
		t.Errorf("publication = %q, want The Week", a.Publication)
	}
}

// Mother Jones shows its donation appeal twice: both copies go, the second
// as a duplicate of the first.
func TestMotherJonesAppealGone(t *testing.T) {
	t.Parallel()
	a, rep := cleanSeed(t, seeds[0].raw)
	for _, s := range []string{"WHO DOESN’T LOVE", "Julia Lurie", "donation", "payment methods", "Wow.", "newsletter", "Donate"} {
		if strings.Contains(body(a), s) {
			t.Errorf("appeal text %q leaked into the body", s)
		}
	}
	var dups, repeated int
	for _, b := range rep.Blocks {
		switch b.Reason {
		case ReasonDuplicate:
			dups++
		case ReasonRepeated:
			repeated++
		}
	}
	if dups != 12 || repeated != 12 {
		t.Errorf("appeal: %d duplicates and %d repeated-section blocks, want 12 and 12", dups, repeated)
	}
}

// "Additional reporting by …" is a credit, not the byline: the page has
// none, and none is invented.
func TestMotherJonesCreditNotByline(t *testing.T) {
	t.Parallel()
	a, _ := cleanSeed(t, seeds[0].raw)
	if len(a.Authors) != 0 {
		t.Errorf("authors = %q, want none: the page has no byline", a.Authors)
	}
	if !strings.HasPrefix(a.Credits, "Additional reporting by Hannah Levintova and") {
		t.Errorf("credits = %q", a.Credits)
	}
	if strings.Contains(body(a), "Additional reporting") {
		t.Error("credit left in the body")
	}
	if a.Photo == nil || a.Photo.Credit != "Evan Vucci/AP" || !strings.HasSuffix(a.Photo.Caption, "in Germany on Friday.") {
		t.Errorf("photo = %+v, want the caption and its credit split", a.Photo)
	}
}

// Every paragraph of the hand-cleaned articles survives in the body, in
// order: when unsure the classifier keeps.
func TestSeedsKeepEveryParagraph(t *testing.T) {
	t.Parallel()
	for _, s := range seeds {
		a, _ := cleanSeed(t, s.raw)
		_, want := readArticle(t, filepath.Join(contentDir, "articles", s.article))
		got := body(a)
		at := 0
		for _, p := range strings.Split(strings.TrimSpace(want), "\n\n") {
			i := strings.Index(got[at:], p)
			if i < 0 {
				t.Errorf("%s: paragraph lost or out of order: %.60q", s.raw, p)
				continue
			}
			at += i + len(p)
		}
	}
}

func TestClassifierLines(t *testing.T) {
	t.Parallel()
	prose := "The minister said on Friday that the talks had gone well and that the two sides would meet again in the autumn."
	for _, tc := range []struct {
		name  string
		text  string
		block string
		want  Role
		why   Reason
	}{
		{"nav before article", "Home\nNews\n" + prose + "\n" + prose + " Again.", "News", RoleRemoved, ReasonOutside},
		{"subheading inside", prose + "\nThe talks\n" + prose + " Again.", "The talks", RoleBody, ""},
		{"newsletter prompt inside", prose + "\nSign up for our newsletter to get the news in your inbox.\n" + prose + " Again.",
			"Sign up for our newsletter to get the news in your inbox.", RoleRemoved, ReasonNewsletter},
		{"copyright footer", prose + "\n" + prose + " Again.\n© 2025 Example Media. All rights reserved.",
			"© 2025 Example Media. All rights reserved.", RoleRemoved, ReasonLegal},
		{"prose about newsletters stays", prose + "\nThe company said its newsletter business had grown by a third in the year to March, helped by new readers in Asia.\n" + prose + " Again.",
			"The company said its newsletter business had grown by a third in the year to March, helped by new readers in Asia.", RoleBody, ""},
		{"byline", "A headline about the talks\nBy Jane Doe and John Roe\n" + prose + "\n" + prose + " Again.", "By Jane Doe and John Roe", RoleByline, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, rep, err := Text([]byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range rep.Blocks {
				if b.Text != tc.block {
					continue
				}
				if b.Role != tc.want || b.Reason != tc.why {
					t.Errorf("block %q: %s (%s), want %s (%s)", b.Text, b.Role, b.Reason, tc.want, tc.why)
				}
				return
			}
			t.Fatalf("block %q not found", tc.block)
		})
	}
}

func TestEscapeMarkdown(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Trump “pressed [Putin] and then”": "Trump “pressed [Putin] and then”",
		"# not a heading":                  `\# not a heading`,
		"- not a list":                     `\- not a list`,
		"2019. A year of talks":            `2019\. A year of talks`,
		"a *starred* word and <b>tag</b>":  `a \*starred\* word and \<b>tag\</b>`,
		"snake_case stays, _this_ not":     `snake_case stays, \_this\_ not`,
		"see [this](http://x)":             `see \[this](http://x)`,
		"AT&amp;T":                         `AT\&amp;T`,
		"C&H and Domino":                   "C&H and Domino",
	} {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Trump Raises Russian Interference With Putin But Says It’s Time to Move On": "trump-raises-russian-interference-with-putin",
		"Café: Zürich’s best crème brûlée":                                           "cafe-zurichs-best-creme-brulee",
		"!!!": "untitled",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// A page in another language has no English stopwords; the article must
// still be found, not reported missing.
func TestOtherLanguage(t *testing.T) {
	t.Parallel()
	p1 := "Die beiden Staatschefs trafen sich am Freitag am Rande des Gipfels in Osaka zu einem Gespräch über Handel und Abrüstung."
	p2 := "Nach Angaben beider Seiten dauerte das Treffen länger als geplant, und weitere Gespräche sollen im Herbst in Genf folgen."
	a, _, err := Text([]byte("Startseite\nPolitik\nTreffen in Osaka\n" + p1 + "\n" + p2 + "\nImpressum\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := body(a); got != p1+"\n\n"+p2 {
		t.Errorf("body = %q", got)
	}
}

func TestIsBreadcrumb(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"Home > Blog > Travel": true,
		"Home | Blog | Travel": true,
		"News|Sport|Weather":   true,
		"Fortinet Accelerate: March 9-13, 2026 | Las Vegas, NV": false, // one separator
	} {
		if got := isBreadcrumb(s); got != want {
			t.Errorf("isBreadcrumb(%q) = %v, want %v", s, got, want)
		}
	}
}

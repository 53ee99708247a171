package clean

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestWordF1(t *testing.T) {
	t.Parallel()
	p, r, f1 := wordF1("The cat sat. The end", "the cat sat on the mat")
	// got tokens: the cat sat the end (5); want: the cat sat on the mat (6);
	// overlap: the, cat, sat, the = 4.
	if math.Abs(p-0.8) > 1e-9 || math.Abs(r-4.0/6) > 1e-9 || math.Abs(f1-2*0.8*(4.0/6)/(0.8+4.0/6)) > 1e-9 {
		t.Errorf("wordF1 = %v %v %v", p, r, f1)
	}
	if _, _, f1 := wordF1("", "x"); f1 != 0 {
		t.Errorf("empty extraction scores %v", f1)
	}
	if wordSeq("It’s  a\tTEST—ok") != " it s a test ok " {
		t.Errorf("wordSeq = %q", wordSeq("It’s  a\tTEST—ok"))
	}
}

// BenchmarkWCXB runs the accuracy benchmark when DOSSIER_WCXB names a
// WCXB-style directory; CI does not have the data and skips it.
//
//	DOSSIER_WCXB=../shared/wcxb-dev go test -run XXX -bench WCXB -benchtime 1x ./internal/clean
func BenchmarkWCXB(b *testing.B) {
	dir := os.Getenv("DOSSIER_WCXB")
	if dir == "" {
		b.Skip("DOSSIER_WCXB is not set")
	}
	for _, kind := range []string{"text", "html"} {
		b.Run(kind, func(b *testing.B) {
			var s Score
			for b.Loop() {
				var err error
				if s, err = Bench(dir, kind, func(int) bool { return true }, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(s.MeanF1, "F1")
			b.ReportMetric(ratio(s.WithFound, s.WithTotal), "with")
			b.ReportMetric(ratio(s.LeakFound, s.LeakTotal), "without")
		})
	}
}

func TestPlainText(t *testing.T) {
	t.Parallel()
	a := &Article{Body: []string{
		"A **bold** claim,\nwrapped.",
		"- one\n- two",
		"| Server | Speed |\n| --- | --- |\n| 130 countries | 6% |",
		"Line one.\\\nLine two.",
		"10\\. Using a const\\_str \\*here\\* \\&amp; `a\\_b` &amp; AT\\&T",
	}}
	want := "A bold claim, wrapped.\none\ntwo\nServer Speed\n130 countries 6%\nLine one.\nLine two.\n10. Using a const_str *here* &amp; a\\_b & AT&T\n"
	if got := a.PlainText(); got != want {
		t.Errorf("PlainText =\n%q\nwant\n%q", got, want)
	}
}

// TestSnippetForm checks that snippets match across the typography a
// verbatim importer keeps and a reference rewrites: curly quotes, no-break
// spaces, line breaks and runs of spaces, on both sides.
func TestSnippetForm(t *testing.T) {
	t.Parallel()
	body := "“It’s done,” she said.\nThe\u00a0end  of\tit"
	for _, snip := range []string{`"it's done," she said. the end of it`, "it’s done,”  she", "The end of it", "said. The"} {
		if !strings.Contains(snippetForm(body), snippetForm(snip)) {
			t.Errorf("%q not found in %q (forms %q, %q)", snip, body, snippetForm(snip), snippetForm(body))
		}
	}
	if strings.Contains(snippetForm(body), snippetForm("its done")) {
		t.Error("an apostrophe must still count: \"its done\" matched")
	}
	if got := snippetForm("  A\u202fB\r\n"); got != "a b" {
		t.Errorf("snippetForm = %q, want \"a b\"", got)
	}
}

// TestBySite checks that a site's pages all land in one fold and that the
// host's "www." does not make two sites of one.
func TestBySite(t *testing.T) {
	t.Parallel()
	var rs []pageResult
	for i, u := range []string{"https://www.a.example/x", "https://a.example/y", "https://b.example/", "https://c.example/z", "https://www.b.example/q"} {
		var gt groundTruth
		gt.URL = u
		rs = append(rs, pageResult{id: strconv.Itoa(i), site: siteOf(gt.URL)})
	}
	if rs[0].site != "a.example" || rs[1].site != "a.example" {
		t.Fatalf("sites %q %q, want a.example", rs[0].site, rs[1].site)
	}
	fold := map[string]int{}
	n := 0
	for k, f := range bySite(rs, 3) {
		for _, r := range f {
			n++
			if j, ok := fold[r.site]; ok && j != k {
				t.Errorf("site %s in folds %d and %d", r.site, j, k)
			}
			fold[r.site] = k
		}
	}
	if n != len(rs) {
		t.Errorf("folds hold %d pages, want %d", n, len(rs))
	}
}

// TestBenchFailedTitled builds a two-page benchmark directory: a copy that
// holds its headline but no article, and one that holds neither; only the
// first counts as a failed page with its title.
func TestBenchFailedTitled(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, d := range []string{"text", "ground-truth"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	pages := map[string]string{"0001": "Menu\nThe Harbour Wall’s Story\nLog in\n", "0002": "Menu\nLog in\n"}
	for id, text := range pages {
		os.WriteFile(filepath.Join(dir, "text", id+".txt"), []byte(text), 0o644)
		os.WriteFile(filepath.Join(dir, "ground-truth", id+".json"), []byte(`{"url":"https://a.example/`+id+`","ground_truth":{"title":"The Harbour Wall's Story","main_content":"x","with":[],"without":[]}}`), 0o644)
	}
	s, err := Bench(dir, "text", func(int) bool { return true }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Failed != 2 || s.FailedTitled != 1 {
		t.Errorf("failed %d, with title %d; want 2 and 1", s.Failed, s.FailedTitled)
	}
}

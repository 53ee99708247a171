package clean

import (
	"math"
	"os"
	"testing"
)

func TestWordF1(t *testing.T) {
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

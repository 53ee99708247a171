package serve

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/internal/corpus"
)

// benchArticles is the size the preview is built for.
const benchArticles = 10_000

// benchEdited is the article the benchmark edits: mid-site, and not one
// the corpus' timeline quotes (those are multiples of n/20), whose edits
// are full rebuilds.
const benchEdited = 4242

// BenchmarkRebuild measures, on a site of 10,000 synthetic articles, the
// time from writing a source file to the reload event reaching a tab
// through the real watcher, builder and event stream (the debounce
// included):
//
//	go test -run '^$' -bench 'Rebuild/(body|title)' -benchtime 20x ./internal/serve
//	go test -run '^$' -bench 'Rebuild/full' -benchtime 3x ./internal/serve
//
// body: one article's text changes (its page alone is rendered again);
// title: its title changes (its neighbours, every index page and the
// search page too); full: site.yaml changes, the baseline of a full
// render. The site is internal/corpus's, as the build benchmarks use.
func BenchmarkRebuild(b *testing.B) {
	if testing.Verbose() {
		testLog = os.Stderr
		defer func() { testLog = io.Discard }()
	}
	dir := b.TempDir()
	if err := corpus.Write(dir, benchArticles, 1); err != nil {
		b.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "content", "articles", fmt.Sprintf("*-%05d.md", benchEdited)))
	if len(matches) != 1 {
		b.Fatalf("no article %d in the corpus", benchEdited)
	}
	edited, _ := filepath.Rel(dir, matches[0])
	original, err := os.ReadFile(matches[0])
	if err != nil {
		b.Fatal(err)
	}
	site, err := os.ReadFile(filepath.Join(dir, "content", "site.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	ts := startServer(b, dir, "/")
	b.Logf("%d articles: first build and start in %s", benchArticles, time.Since(start).Round(time.Millisecond))
	ev := ts.listen(b, "/")
	ev.timeout = 5 * time.Minute // a full render of 10,000 articles takes seconds

	n := 0 // counts edits across runs, so that every write changes the file
	edit := func(b *testing.B, name, file string, data func(n int) string) {
		b.Run(name, func(b *testing.B) {
			var total, worst time.Duration
			b.ResetTimer()
			for range b.N {
				n++
				t0 := time.Now()
				writeFile(b, dir, file, data(n))
				ev.reload(b)
				d := time.Since(t0)
				total += d
				worst = max(worst, d)
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/edit")
			b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms/edit")
		})
	}
	edit(b, "body", edited, func(i int) string {
		return string(original) + fmt.Sprintf("\nEdit %d.\n", i)
	})
	edit(b, "title", edited, func(i int) string {
		return strings.Replace(string(original), "title: \"", fmt.Sprintf("title: \"Edited %d ", i), 1)
	})
	edit(b, "full", "content/site.yaml", func(i int) string {
		return strings.Replace(string(site), "title: \"", fmt.Sprintf("title: \"Edit %d: ", i), 1)
	})
}

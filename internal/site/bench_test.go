package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"dossier/internal/content"
	"dossier/internal/corpus"
	"dossier/internal/linkcheck"
)

// Benchmarks of the whole build on generated corpora. They are
// not run by go test ./...; run them with, for example,
//
//	go test -run '^$' -bench 'Build/n=1000$' -benchtime 5x ./internal/site
//	go test -run '^$' -bench 'Build/n=10000$' -benchtime 1x -cpuprofile cpu.prof -memprofile mem.prof ./internal/site
//
// and BenchmarkFloor in internal/bench for a same-run baseline. Peak RSS
// is the whole test process's, so read it for one size at a time;
// cmd/dossier-bench measures each build as its own process.

var benchCorpora corpus.Cache

func benchCorpus(b *testing.B, n int) string {
	dir, err := benchCorpora.Dir(n)
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	benchCorpora.Clean()
	os.Exit(code)
}

func reportBuild(b *testing.B, n int) {
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	}
}

// BenchmarkBuild is a full build, from reading content/ to the swapped-in
// output directory.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := benchCorpus(b, n)
			out := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Build(src, out, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			reportBuild(b, n)
		})
	}
}

// BenchmarkBuildRetained measures what a build keeps until its link check
// at the end: the live heap then, less the one before it started, per
// article. That is what grows with the dossier (the rest of a build's
// memory is a few pages' worth, reused), so it is what the build's memory
// limit must hold.
//
//	go test -run '^$' -bench 'BuildRetained' -benchtime 1x ./internal/site
func BenchmarkBuildRetained(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := benchCorpus(b, n)
			var kept uint64
			for i := 0; i < b.N; i++ {
				out := filepath.Join(b.TempDir(), "out")
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				r, err := renderAll(os.DirFS(src), Options{}, newDirOutput(out), true)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(r)
				kept += after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)
			}
			b.ReportMetric(float64(kept)/float64(b.N*n), "retained-B/article")
		})
	}
}

// BenchmarkRebuildOne is the build after one article changed, into an
// output that holds the previous build: what dossier serve does on a save.
func BenchmarkRebuildOne(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := benchCorpus(b, n)
			out := filepath.Join(b.TempDir(), "public")
			if _, err := Build(src, out, Options{}); err != nil {
				b.Fatal(err)
			}
			files, err := filepath.Glob(filepath.Join(src, "content", "articles", "*.md"))
			if err != nil || len(files) == 0 {
				b.Fatalf("no articles in %s: %v", src, err)
			}
			article := files[len(files)/2]
			orig, err := os.ReadFile(article)
			if err != nil {
				b.Fatal(err)
			}
			defer os.WriteFile(article, orig, 0o644)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				edit := fmt.Appendf(append([]byte{}, orig...), "\nAn edit, number %d.\n", i)
				if err := os.WriteFile(article, edit, 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := Build(src, out, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)*1000, "ms/rebuild")
		})
	}
}

// BenchmarkPages executes the page templates alone, without Markdown or
// writing: a middle article's page, and the second index page (50
// articles and the pager). Their cost is per action, so it is what a
// theme change to article.html, index.html or base.html moves. It also
// times the link scan of the article page's layout (article-scan).
func BenchmarkPages(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r := benchRenderer(b, benchCorpus(b, n))
			i := n / 2
			v, errs := r.articleView(r.c.Articles[i])
			if err := errs.Err(); err != nil {
				b.Fatal(err)
			}
			r.views = make([]*articleView, n)
			r.views[i] = v
			pages := map[string]*page{
				"article": r.articlePage(i),
				"index":   r.indexPage(2, (n+IndexPageSize-1)/IndexPageSize, ""),
			}
			for _, kind := range []string{"article", "index"} {
				b.Run(kind, func(b *testing.B) {
					pg := pages[kind]
					var buf bytes.Buffer
					b.ReportAllocs()
					for b.Loop() {
						buf.Reset()
						if err := r.execute(&buf, pg); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(buf.Len()), "bytes/page")
				})
			}
			// The link scan of the article page: its layout, tokenized
			// around the body, whose refs come from its syntax tree.
			b.Run("article-scan", func(b *testing.B) {
				var buf bytes.Buffer
				if err := r.execute(&buf, pages["article"]); err != nil {
					b.Fatal(err)
				}
				page := buf.Bytes()
				b.ReportAllocs()
				for b.Loop() {
					linkcheck.ScanWithBody(page, &v.md)
				}
				b.ReportMetric(float64(len(page)-len(v.md.HTML)), "layout-bytes/page")
			})
		})
	}
}

// benchRenderer loads the site at src and prepares to render its pages.
func benchRenderer(b *testing.B, src string) *renderer {
	fsys := os.DirFS(src)
	c, err := content.LoadLean(fsys)
	if err != nil {
		b.Fatal(err)
	}
	th, err := loadTheme(fsys, "en")
	if err != nil {
		b.Fatal(err)
	}
	r := &renderer{c: c, theme: th, res: &Result{Files: map[string][]byte{}}}
	if err := r.prepare(); err != nil {
		b.Fatal(err)
	}
	return r
}

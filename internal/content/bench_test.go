package content

import (
	"os"
	"path/filepath"
	"testing"

	"dossier/internal/corpus"
)

// BenchmarkDecodeFrontMatter parses 1,000 generated articles as Load does
// (front matter decoded and checked); one op is all 1,000. fast
// is parseArticle, positioned the same with DecodeYAML alone, as before
// decodeFast:
//
//	go test -run '^$' -bench DecodeFrontMatter -count 6 ./internal/content
func BenchmarkDecodeFrontMatter(b *testing.B) {
	files, srcs := benchArticles(b, 1000)
	for _, bm := range []struct {
		name string
		fast func([]byte, any, ...string) bool
	}{{"fast", decodeFast}, {"positioned", never}} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i, src := range srcs {
					if _, errs := parseArticleWith(files[i], src, bm.fast); len(errs) > 0 {
						b.Fatal(errs.Err())
					}
				}
			}
		})
	}
}

// benchArticles returns n articles of internal/corpus, named as Load names them.
func benchArticles(b *testing.B, n int) (files []string, srcs [][]byte) {
	dir := b.TempDir()
	if err := corpus.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, ArticlesDir, "*.md"))
	if err != nil || len(paths) != n {
		b.Fatalf("corpus has %d articles, want %d (%v)", len(paths), n, err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, ArticlesDir+"/"+filepath.Base(p))
		srcs = append(srcs, src)
	}
	return files, srcs
}

// BenchmarkLoadLean is LoadLean of a generated corpus of 1,000 articles,
// as a build loads its content (files read, front matter decoded and
// checked), through a Source as a build reads it; one op is the whole load:
//
//	go test -run '^$' -bench LoadLean -benchmem -count 6 ./internal/content
func BenchmarkLoadLean(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	fsys, err := OpenSource(dir) // as a build reads it
	if err != nil {
		b.Fatal(err)
	}
	defer fsys.Close()
	b.ReportAllocs()
	for b.Loop() {
		c, err := LoadLean(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Articles) != 1000 {
			b.Fatalf("%d articles, want 1000", len(c.Articles))
		}
	}
}

package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"dossier/internal/corpus"
)

// BenchmarkConvert converts the bodies of a synthetic corpus (the one the
// build benchmarks use: news prose, one article in ten with a fenced Go
// block), as the build does for an article page. "prose" is the articles
// without code, "code" the ones with it, so that a change to the Markdown
// path and one to the highlighter show apart:
//
//	go test -run '^$' -bench Convert -benchmem ./internal/markdown
func BenchmarkConvert(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 300, 1); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no articles in the corpus: %v", err)
	}
	var prose, code [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		// The body follows the second "---" line.
		_, body, ok := bytes.Cut(src[4:], []byte("\n---\n"))
		if !ok {
			b.Fatalf("%s: no front matter", f)
		}
		if bytes.Contains(body, []byte("\n```")) {
			code = append(code, body)
		} else {
			prose = append(prose, body)
		}
	}
	c := New()
	for _, set := range []struct {
		name   string
		bodies [][]byte
	}{{"prose", prose}, {"code", code}} {
		b.Run(set.name, func(b *testing.B) {
			size := 0
			for _, body := range set.bodies {
				size += len(body)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, body := range set.bodies {
					if _, err := c.Convert(body, Options{ParagraphIDs: true}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

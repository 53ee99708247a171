package corpus

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/site"
)

// TestBuilds checks that a generated corpus is a valid dossier: every
// article passes the strict front matter checks and every link resolves.
func TestBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 50, 1); err != nil {
		t.Fatal(err)
	}
	res, err := site.Render(os.DirFS(dir), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 50 {
		t.Errorf("built %d articles, want 50", res.Articles)
	}
	// The timeline's quotes were proved by the build; its page quotes them.
	if tl := res.Files["timelines/corpus.html"]; res.Timelines != 1 || bytes.Count(tl, []byte(`class="quote-link"`)) != TimelineEntries {
		t.Errorf("%d timelines; the page has %d quote links, want %d", res.Timelines, bytes.Count(tl, []byte(`class="quote-link"`)), TimelineEntries)
	}
	code := 0
	for name, b := range res.Files {
		if strings.HasPrefix(name, "articles/") && bytes.Contains(b, []byte(`class="chroma"`)) {
			code++
		}
	}
	if code != 5 {
		t.Errorf("%d article pages have highlighted code, want one in ten (5)", code)
	}
}

func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for dir, seed := range map[string]int64{a: 7, b: 7, c: 8} {
		if err := Write(dir, 30, seed); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc := readTree(t, a), readTree(t, b), readTree(t, c)
	if len(fa) != 2+2*30 {
		t.Errorf("wrote %d files, want site.yaml, the timeline and 30 articles with their raw files", len(fa))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	if len(fb) != len(fa) {
		t.Errorf("two runs with the same seed wrote %d and %d files", len(fa), len(fb))
	}
	same := 0
	for name, data := range fa {
		if bytes.Equal(data, fc[name]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d files are the same with another seed", same)
	}
}

// TestPrefix checks that article i does not depend on n, so the small
// corpus is the start of the large one and the two measure the same text
// (the site settings and the timeline, which samples the whole corpus, differ).
func TestPrefix(t *testing.T) {
	small, large := t.TempDir(), t.TempDir()
	if err := Write(small, 10, 1); err != nil {
		t.Fatal(err)
	}
	if err := Write(large, 25, 1); err != nil {
		t.Fatal(err)
	}
	fl := readTree(t, large)
	for name, data := range readTree(t, small) {
		if name != "content/site.yaml" && name != "content/timelines/corpus.yaml" && !bytes.Equal(data, fl[name]) {
			t.Errorf("%s differs between n=10 and n=25", name)
		}
	}
}

// TestSize checks the corpus against the issue's: ~790 words and ~5.6 KB
// per article.
func TestSize(t *testing.T) {
	dir := t.TempDir()
	const n = 200
	if err := Write(dir, n, 1); err != nil {
		t.Fatal(err)
	}
	var size, nwords int
	for name, data := range readTree(t, dir) {
		if !strings.HasPrefix(name, "content/articles/") {
			continue
		}
		size += len(data)
		_, body, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		nwords += words(body)
	}
	if kb := float64(size) / n / 1000; kb < 5.2 || kb > 6.0 {
		t.Errorf("%.2f KB per article, want about 5.6", kb)
	}
	if w := nwords / n; w < 740 || w > 840 {
		t.Errorf("%d words per article, want about %d", w, WordsPerArticle)
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCitations checks that what the timeline hook gets is verbatim: each
// quote is in the paragraph it names, as the article page renders it.
func TestCitations(t *testing.T) {
	dir := t.TempDir()
	const n = 30
	if err := Write(dir, n, 1); err != nil {
		t.Fatal(err)
	}
	res, err := site.Render(os.DirFS(dir), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	slugs := make([]string, n)
	checked := 0
	for i := range n {
		a := newArticle(1, i, slugs[:i])
		slugs[i] = a.slug
		c, ok := a.citation(1, i)
		if !ok {
			continue
		}
		page := string(res.Files["articles/"+c.Slug+".html"])
		start := strings.Index(page, fmt.Sprintf(`id="p%d"`, c.Paragraph))
		if start < 0 {
			t.Errorf("%s: no paragraph p%d", c.Slug, c.Paragraph)
			continue
		}
		end := strings.Index(page[start:], "</p>")
		if text := html.UnescapeString(page[start : start+end]); !strings.Contains(text, c.Quote) {
			t.Errorf("%s#p%d does not hold the quote %q:\n%s", c.Slug, c.Paragraph, c.Quote, text)
		}
		checked++
	}
	if checked < n/2 {
		t.Errorf("only %d of %d articles have a citable paragraph", checked, n)
	}
}

package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/net/html"

	"dossier/internal/content"
	"dossier/internal/corpus"
	"dossier/internal/markdown"
)

// scanned reads the ids and URLs of an HTML fragment with an HTML parser's
// tokenizer, the way the link check used to for every page.
func scanned(b []byte) markdown.Refs {
	var r markdown.Refs
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return r
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "id":
					r.IDs = append(r.IDs, string(v))
				case "href", "src", "poster", "data":
					r.Links = append(r.Links, markdown.Link{Tag: tag, Attr: string(k), URL: string(v)})
				}
			}
		}
	}
}

// checkRefs converts src and, when the converter reports the Refs from the
// syntax tree, checks them against the HTML's. It reports whether it had
// Refs to check.
func checkRefs(t *testing.T, name string, src []byte, opts markdown.Options) bool {
	t.Helper()
	d, err := markdown.New().Convert(src, opts)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if d.Refs == nil {
		return false
	}
	if !slices.Equal(d.Links, d.Refs.Links) {
		t.Errorf("%s: links %v, Refs' %v", name, d.Links, d.Refs.Links)
	}
	got, want := *d.Refs, scanned(d.HTML)
	if !slices.Equal(got.IDs, want.IDs) {
		t.Errorf("%s: ids from the tree %q, in the HTML %q", name, got.IDs, want.IDs)
	}
	got.Links = slices.Clone(got.Links)
	for i := range got.Links {
		got.Links[i].Line = 0 // the HTML has none
	}
	if !slices.Equal(got.Links, want.Links) {
		t.Errorf("%s: links from the tree %v, in the HTML %v", name, got.Links, want.Links)
	}
	return true
}

func TestRefsMatchTheHTML(t *testing.T) {
	opts := markdown.Options{ParagraphIDs: true}
	cases := map[string]struct {
		src   string
		known bool // whether the tree accounts for every id and URL
	}{
		"plain":     {"One *two* **three** `four`.\n\n> quote\n\n- a\n- b\n\n1. c\n\n---\n\n```go\nfunc f() {}\n```\n\n    indented\n", true},
		"headings":  {"# Title\n\n## Title\n\n### Ünïcode & “quotes”?\n\ntext\n", true},
		"links":     {"[a](other.html#p2) [b](<https://e.org/a b?x=1&y=\"2\">) [c](<path with space.html>) [d](mailto:x@e.org) [e](/ü/ß.html) [f](#p1)\n", true},
		"images":    {"![alt](pic.png) ![a b](dir/a%20b.jpg \"title\") ![a [b](missing.html) ![c](d.png)](p.png)\n", true},
		"unsafe":    {"[x](javascript:alert(1)) [y](vbscript:x) <b>raw</b>\n\n<div>block</div>\n", true},
		"gfm":       {"| a | b |\n|---|---|\n| [l](x.html) | ~~s~~ |\n\n- [ ] task\n- [x] done\n", true},
		"escapes":   {"[a](x.html?a=1&amp;b=2) [b](x.html?q=%20&lt;)\n", true},
		"footnote":  {"Text[^1].\n\n[^1]: Note.\n", false},
		"autolink":  {"See https://example.org and www.example.org and <https://e.org>.\n", false},
		"emailauto": {"Mail x@example.org.\n", false},
	}
	for name, c := range cases {
		if got := checkRefs(t, name, []byte(c.src), opts); got != c.known {
			t.Errorf("%s: Refs known = %v, want %v", name, got, c.known)
		}
	}
	// Back-links and a prefix for the single-file edition.
	back := markdown.Options{ParagraphIDs: true, IDPrefix: "s-", BackLinks: map[string][]markdown.BackLink{
		"p2": {{Href: "../timelines/t.html#e1", Text: "Row 1"}, {Href: "../timelines/t.html#e&2", Text: "Row 2"}},
	}}
	if !checkRefs(t, "backlinks", []byte("one\n\ntwo [l](a.html)\n"), back) {
		t.Error("backlinks: Refs unknown, want known")
	}
}

// Each link and image is given the line of the source it starts on, the
// links of a document whose Refs are unknown (a footnote) too, so that
// an error about one names its line and not another's.
func TestLinkLines(t *testing.T) {
	opts := markdown.Options{ParagraphIDs: true, Image: func(dest string) (markdown.Image, error) {
		return markdown.Image{URL: dest, Width: 1, Height: 1}, nil
	}}
	src := "[a](x.md#p5) is fine.\n\nBut [b](y.md#p5) is not,\nand ![i](p.png) [c\nd](z.html) [*e*](x.md#p5).\n\n> - [f](w.html)\n"
	want := []markdown.Link{{"a", "href", "x.md#p5", 1}, {"a", "href", "y.md#p5", 3}, {"img", "src", "p.png", 4}, {"a", "href", "z.html", 4}, {"a", "href", "x.md#p5", 5}, {"a", "href", "w.html", 7}}
	d, err := markdown.New().Convert([]byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	if d.Refs == nil || !slices.Equal(d.Links, want) {
		t.Errorf("links %v (Refs %v), want %v", d.Links, d.Refs, want)
	}
	d, err = markdown.New().Convert([]byte(src+"\nA note[^1].\n\n[^1]: See [g](v.html).\n"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if want := append(want, markdown.Link{Tag: "a", Attr: "href", URL: "v.html", Line: 11}); d.Refs != nil || !slices.Equal(d.Links, want) {
		t.Errorf("with a footnote: links %v (Refs %v), want %v", d.Links, d.Refs, want)
	}
}

// The committed articles and a synthetic dossier's: every body the build
// meets in practice has its Refs from the tree, and they are right.
func TestRefsOfRealAndSyntheticArticles(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	real, _ := filepath.Glob(filepath.Join("..", "..", "content", "articles", "*.md"))
	if len(files) < 300 || len(real) == 0 {
		t.Fatalf("found %d synthetic and %d committed articles", len(files), len(real))
	}
	known := 0
	for _, f := range append(real, files...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _, err := content.SplitFrontMatter(f, src)
		if err != nil {
			t.Fatal(err)
		}
		if checkRefs(t, f, body, markdown.Options{ParagraphIDs: true}) {
			known++
		}
	}
	if all := len(files) + len(real); known != all {
		t.Errorf("Refs known for %d of %d articles, want all", known, all)
	}
}

func FuzzRefs(f *testing.F) {
	for _, s := range []string{"# h\n\n[a](b c)\n", "![i](x y.png)\n\n|a|\n|-|\n|[l](m)|\n", "*[x](y \"t\")*\n\n> [z](#p1)\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkRefs(t, "input", []byte(src), markdown.Options{ParagraphIDs: true})
	})
}

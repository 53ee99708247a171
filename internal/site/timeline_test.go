package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// fixture returns the in-memory site of a txtar archive in testdata/.
func fixture(t *testing.T, name string) fstest.MapFS {
	return loadTxtar(t, path.Join("testdata", name))
}

// timelineSites are the sites whose timeline pages are tested: the small
// fixture, and the dossier itself, so the published page is held to the
// same rules. golden names each page's golden file.
var timelineSites = []struct {
	name, page, golden string
	fsys               func(*testing.T) fs.FS
}{
	{"fixture", "timelines/t.html", "golden/timeline.html", func(t *testing.T) fs.FS { return fixture(t, "timeline.txtar") }},
	{"dossier", "timelines/hamburg-to-osaka.html", "golden/timelines_hamburg-to-osaka.html", func(*testing.T) fs.FS { return os.DirFS("../..") }},
}

func TestTimelineGolden(t *testing.T) {
	for _, s := range timelineSites {
		t.Run(s.name, func(t *testing.T) {
			got := render(t, s.fsys(t)).Files[s.page]
			if got == nil {
				t.Fatalf("no %s in the site", s.page)
			}
			golden := path.Join("testdata", s.golden)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test ./internal/site -update and review the diff\n%s", s.page, golden, firstDiff(got, want))
			}
			// Deterministic: a second build gives the same bytes.
			if again := render(t, s.fsys(t)).Files[s.page]; !bytes.Equal(got, again) {
				t.Errorf("two builds of %s differ", s.page)
			}
		})
	}
}

// TestTimelineLinks follows every quote link to its paragraph and every
// back-link to its entry, in the rendered site.
func TestTimelineLinks(t *testing.T) {
	t.Parallel()
	for _, s := range timelineSites {
		t.Run(s.name, func(t *testing.T) {
			res := render(t, s.fsys(t))
			docs := map[string]*html.Node{}
			doc := func(p string) *html.Node {
				if docs[p] == nil {
					b, ok := res.Files[p]
					if !ok {
						t.Fatalf("no page %s", p)
					}
					n, err := html.Parse(bytes.NewReader(b))
					if err != nil {
						t.Fatal(err)
					}
					docs[p] = n
				}
				return docs[p]
			}
			tl := doc(s.page)
			entries := findAll(tl, func(n *html.Node) bool { return hasClass(n, "entry") })
			if len(entries) == 0 {
				t.Fatal("the timeline has no entries")
			}
			for _, e := range entries {
				id := attr(e, "id")
				q := findAll(e, func(n *html.Node) bool { return n.Data == "blockquote" })
				l := findAll(e, func(n *html.Node) bool { return hasClass(n, "quote-link") })
				if len(q) != 1 || len(l) != 1 {
					t.Errorf("entry %s: %d quotes and %d quote links, want one of each", id, len(q), len(l))
					continue
				}
				page, frag := resolve(s.page, attr(l[0], "href"))
				para := byID(doc(page), frag)
				if para == nil || para.Data != "p" {
					t.Errorf("entry %s: quote link %s does not lead to a paragraph", id, attr(l[0], "href"))
					continue
				}
				if quote := text(q[0]); !strings.Contains(text(para), quote) {
					t.Errorf("entry %s: paragraph %s#%s does not contain the quote\nquote: %s\npara:  %s", id, page, frag, quote, text(para))
				}
				back := false
				for _, b := range findAll(para, func(n *html.Node) bool { return hasClass(n, "backlink") }) {
					if bp, bf := resolve(page, attr(b, "href")); bp == s.page && bf == id {
						back = true
					}
				}
				if !back {
					t.Errorf("entry %s: paragraph %s#%s has no link back to it", id, page, frag)
				}
			}
			n := 0
			for p := range res.Files {
				if !strings.HasPrefix(p, "articles/") {
					continue
				}
				for _, b := range findAll(doc(p), func(n *html.Node) bool { return hasClass(n, "backlink") }) {
					n++
					bp, bf := resolve(p, attr(b, "href"))
					e := byID(doc(bp), bf)
					if e == nil || !hasClass(e, "entry") {
						t.Errorf("%s: back-link %s does not lead to a timeline entry", p, attr(b, "href"))
						continue
					}
					// The entry's quote link comes back to the paragraph holding the back-link.
					para := b
					for para != nil && para.Data != "p" {
						para = para.Parent
					}
					for _, l := range findAll(e, func(n *html.Node) bool { return hasClass(n, "quote-link") }) {
						if lp, lf := resolve(bp, attr(l, "href")); lp != p || lf != attr(para, "id") {
							t.Errorf("%s: back-link to %s, whose quote link goes to %s#%s, not here (#%s)", p, bf, lp, lf, attr(para, "id"))
						}
					}
				}
			}
			if n != len(entries) {
				t.Errorf("%d back-links for %d entries", n, len(entries))
			}
		})
	}
}

func TestTimelineBadQuoteFailsBuild(t *testing.T) {
	t.Parallel()
	fsys := fixture(t, "timeline.txtar")
	f := fsys["content/timelines/t.yaml"]
	f.Data = bytes.Replace(f.Data, []byte("“We talked"), []byte("“We spoke"), 1)
	line := bytes.Count(f.Data[:bytes.Index(f.Data, []byte("“We spoke"))], []byte("\n")) + 1
	_, err := Render(fsys, Options{})
	if err == nil {
		t.Fatal("Render succeeded with a quote not in its article")
	}
	for _, want := range []string{fmt.Sprintf("content/timelines/t.yaml:%d:", line), `row "topics", event "one"`, "quote not found", "paragraph 2"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// resolve turns an href on page into the page and fragment it names.
func resolve(page, href string) (string, string) {
	p, frag, _ := strings.Cut(href, "#")
	if p == "" {
		return page, frag
	}
	return path.Join(path.Dir(page), p), frag
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func byID(n *html.Node, id string) *html.Node {
	if all := findAll(n, func(n *html.Node) bool { return attr(n, "id") == id }); len(all) > 0 {
		return all[0]
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// text is the element's text with white space normalised, as provenance
// compares it.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestUnknownArticleEvent: an article's event must be one of the
// timelines' events, named at the line of its event key, with the known
// events and the nearest one; a lean build, which drops the front matter,
// names the line too.
func TestUnknownArticleEvent(t *testing.T) {
	t.Parallel()
	fsys := fixture(t, "timeline.txtar")
	f := fsys["content/articles/b.md"]
	f.Data = bytes.Replace(f.Data, []byte("event: two\n"), []byte("event: tow\n"), 1)
	line := bytes.Count(f.Data[:bytes.Index(f.Data, []byte("event: tow"))], []byte("\n")) + 1
	wants := []string{fmt.Sprintf("content/articles/b.md:%d:", line), `unknown event "tow"`, `did you mean "two"?`, "known events, from the timelines: one, two"}
	_, err := Render(fsys, Options{})
	if err == nil {
		t.Fatal("Render succeeded with an unknown event")
	}
	for _, want := range wants {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Render: error lacks %q:\n%v", want, err)
		}
	}
	dir := t.TempDir()
	for name, f := range fsys {
		p := path.Join(dir, "src", name)
		if err := os.MkdirAll(path.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = Build(path.Join(dir, "src"), path.Join(dir, "public"), Options{})
	if err == nil {
		t.Fatal("Build succeeded with an unknown event")
	}
	for _, want := range wants {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Build: error lacks %q:\n%v", want, err)
		}
	}
}

// TestUnknownArticleEventIncremental: the preview's incremental rebuild of
// an article no timeline cites checks its event too.
func TestUnknownArticleEventIncremental(t *testing.T) {
	t.Parallel()
	fsys := fixture(t, "timeline.txtar")
	g := "---\ntitle: G\npublication: P\nauthors: []\nurl: https://example.org/g\nraw: raw/a.txt\nevent: %s\n---\n\nBody.\n"
	fsys["content/articles/g.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(g, "one"))}
	b := NewBuilder(fsys, Options{})
	if _, _, err := b.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	fsys["content/articles/g.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(g, "onee"))}
	_, _, err := b.Rebuild([]string{"content/articles/g.md"})
	for _, want := range []string{"content/articles/g.md:7:", `unknown event "onee"`, `did you mean "one"?`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

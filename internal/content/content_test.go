package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

const goodArticle = `---
title: A title
publication: The Paper
authors: []
url: https://example.org/a
raw: raw/a.txt
event: e1
---

Body.
`

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/site.yaml": {Data: []byte("title: T\n")},
		"content/raw/a.txt": {Data: []byte("raw")},
	}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestLoadGood(t *testing.T) {
	c, err := Load(site(map[string]string{
		"content/articles/a.md":  goodArticle,
		"content/articles/b.md":  strings.Replace(goodArticle, "authors: []", "authors: [Jane Doe]\npublished: \"2019-06-28\"", 1),
		"content/pages/about.md": "---\ntitle: About\n---\nHi\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 2 || c.Articles[0].Slug != "b" || c.Articles[1].Slug != "a" {
		t.Fatalf("articles not sorted by date, unknown last: %+v", c.Articles)
	}
	b := c.Articles[0]
	if b.Date.Precision() != "day" || b.Date.Human() != "28 June 2019" || b.Authors[0] != "Jane Doe" {
		t.Errorf("article b = %+v", b)
	}
	if c.Articles[1].BodyLine != 9 {
		t.Errorf("body line = %d, want 9", c.Articles[1].BodyLine)
	}
	if c.Site.BasePath != "/" || c.Site.Language != "en" {
		t.Errorf("site defaults = %+v", c.Site)
	}
}

// Every bad front matter gets an error naming file:line:col and the fix,
// and all of them are reported in one pass.
func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown key", strings.Replace(goodArticle, "event: e1", "event: e1\ndtae: 2017", 1),
			[]string{`content/articles/x.md:8:1: unknown field "dtae"`}},
		{"typo suggestion", strings.Replace(goodArticle, "title:", "titel:", 1),
			[]string{`content/articles/x.md:2:1: unknown field "titel"; did you mean "title"?`}},
		{"nested unknown key", strings.Replace(goodArticle, "event: e1", "event: e1\nphoto:\n  captoin: x", 1),
			[]string{`content/articles/x.md:9:3: unknown field "captoin"`}},
		{"missing keys", "---\ntitle: T\n---\nbody\n",
			[]string{`x.md:2:1: missing required field "publication"`, `missing required field "authors"`, `missing required field "url"`, `missing required field "raw"`, `missing required field "event"`}},
		{"wrong type", strings.Replace(goodArticle, "authors: []", "authors: {a: 1}", 1),
			[]string{`content/articles/x.md:4:`}},
		{"tag on a list", strings.Replace(goodArticle, "authors: []", "authors: !x Jane Doe", 1), // goccy/go-yaml#735 panics
			[]string{`content/articles/x.md:4:10: the YAML library cannot read the tag !x here; remove it`}},
		{"malformed YAML", strings.Replace(goodArticle, "title: A title", "title: [unclosed", 1),
			[]string{`content/articles/x.md:3:1: ',' or ']' must be specified (fix the YAML syntax)`}},
		{"bad date", strings.Replace(goodArticle, "event: e1", "event: e1\npublished: July 2017", 1),
			[]string{`content/articles/x.md:8:12: date "July 2017" does not parse: write YYYY, YYYY-MM or YYYY-MM-DD`}},
		{"impossible date", strings.Replace(goodArticle, "event: e1", "event: e1\npublished: 2019-02-30", 1),
			[]string{`content/articles/x.md:8:12: date "2019-02-30" does not parse`}},
		{"no front matter", "just text\n", []string{`content/articles/x.md:1:1: no front matter`}},
		{"unclosed front matter", "---\ntitle: x\n", []string{`content/articles/x.md:1:1: front matter is not closed`}},
		{"relative url", strings.Replace(goodArticle, "https://example.org/a", "example.org/a", 1),
			[]string{`content/articles/x.md:5:6: url "example.org/a" is not an absolute http(s) URL`}},
		{"missing raw", strings.Replace(goodArticle, "raw/a.txt", "raw/nope.txt", 1),
			[]string{`content/articles/x.md:6:6: raw file content/raw/nope.txt not found`}},
		{"raw outside", strings.Replace(goodArticle, "raw/a.txt", "../../etc/passwd", 1),
			[]string{`content/articles/x.md:6:6: raw "../../etc/passwd" must name a file under content/raw/`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// LoadLean keeps only the front matter until its checks are done.
			for _, load := range []func(fs.FS) (*Content, error){Load, LoadLean} {
				_, err := load(site(map[string]string{"content/articles/x.md": tt.src}))
				if err == nil {
					t.Fatal("no error")
				}
				for _, w := range tt.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error\n%s\ndoes not contain\n%s", err, w)
					}
				}
			}
		})
	}
}

// When the YAML library stops partway (goccy/go-yaml#735), the values it
// never read are not reported as empty.
func TestLibraryPanicReportsOnlyItself(t *testing.T) {
	src := strings.Replace(goodArticle, "authors: []", "authors: !x Jane Doe", 1)
	_, err := Load(site(map[string]string{"content/articles/x.md": src}))
	if err == nil {
		t.Fatal("no error")
	}
	if n := len(err.(List)); n != 1 || strings.Contains(err.Error(), "empty") {
		t.Errorf("%d errors, want the one about the tag:\n%s", n, err)
	}
}

func TestErrorsFromManyFilesTogether(t *testing.T) {
	_, err := Load(site(map[string]string{
		"content/articles/a.md":  strings.Replace(goodArticle, "title:", "titl:", 1),
		"content/articles/b.md":  strings.Replace(goodArticle, "event: e1", "event: e1\nfoo: 1\nbar: 2", 1),
		"content/pages/about.md": "---\n---\n",
	}))
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"content/articles/a.md:2:1", "content/articles/b.md:8:1", "content/articles/b.md:9:1", `content/pages/about.md:2:1: missing required field "title"`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error\n%s\nlacks %s", err, w)
		}
	}
	if n := len(err.(List)); n != 4 {
		t.Errorf("%d errors, want 4:\n%s", n, err)
	}
}

func TestSlugs(t *testing.T) {
	for name, want := range map[string]string{
		"content/articles/Bad Name.md": `file name "Bad Name.md" is not a valid slug: use lower-case letters, digits and hyphens, e.g. "bad-name.md"`,
		"content/articles/../x.md":     "",
		"content/articles/notes.txt":   "not a Markdown file",
		"content/pages/index.md":       `the page name "index" is taken by a generated page`,
		"content/pages/index-2.md":     `the page name "index-2" is taken by a generated page`,
	} {
		src := goodArticle
		if strings.HasPrefix(name, "content/pages/") {
			src = "---\ntitle: x\n---\n"
		}
		_, err := Load(site(map[string]string{name: src}))
		if want == "" {
			continue // fstest.MapFS cannot hold such a name; the slug rule covers it
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}

func TestSiteSettings(t *testing.T) {
	fsys := site(nil)
	fsys["content/site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nbase_url: https://owner.github.io/repo\n")}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if c.Site.BaseURL != "https://owner.github.io/repo/" || c.Site.BasePath != "/repo/" {
		t.Errorf("site = %+v", c.Site)
	}
	fsys["content/site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nbase_url: owner.github.io\ntheme: x\n")}
	_, err = Load(fsys)
	for _, w := range []string{`content/site.yaml:2:11: base_url "owner.github.io": must be an absolute http(s) URL`, `content/site.yaml:3:1: unknown field "theme"`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v lacks %q", err, w)
		}
	}
}

func TestDate(t *testing.T) {
	for in, want := range map[string]string{"2017": "2017|year|2017", "2017-07": "July 2017|month|2017-07", "2017-07-07": "7 July 2017|day|2017-07-07"} {
		d, err := ParseDate(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Human() + "|" + d.Precision() + "|" + d.String(); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "17", "2017-7", "2017-13", "July 2017", "2017-07-07T10:00", "0000", "0000-07", "0000-07-04"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
}

// LoadLean reads only the start of an article that holds its front
// matter (readFront); what it finds is what Load finds in the whole file,
// wherever the front matter ends, and its errors are the same.
func TestLoadLeanReadsFront(t *testing.T) {
	pad := func(n int) string { // a note making the front matter n bytes longer
		return "notes: [" + strings.Repeat("x", n-len("notes: []\n")) + "]\n"
	}
	front := strings.TrimSuffix(goodArticle, "---\n\nBody.\n") // up to the closing line
	var files []string
	// The closing line "---\n" from before to after the end of the first
	// read, with LF and CRLF line ends.
	for end := frontBuf - 20; end <= frontBuf+8; end++ {
		f := front + pad(end-len(front)) + "---\n\nBody.\n"
		files = append(files, f, strings.ReplaceAll(f, "\n", "\r\n"))
		// a line "----", which does not close it, cut to "---" by the end of the first read
		files = append(files, front+pad(end-len(front))+"----\n---\n\nBody.\n")
	}
	files = append(files,
		front+"---", // no newline at the end of the file
		front+pad(3*frontBuf)+"---\n\nBody.\n",  // a front matter longer than the first read
		front+pad(frontBuf)+"\nBody.\n",         // not closed
		front+pad(frontBuf)+"dtae: x\n---\nB\n", // an error past the first read
		front+"----\n"+strings.Repeat("B", 2*frontBuf)+"\n---\nBody.\n",
		strings.Repeat("x", 2*frontBuf),
	)
	for i, f := range files {
		fsys := site(map[string]string{"content/articles/x.md": f})
		whole, werr := Load(fsys)
		lean, lerr := LoadLean(fsys)
		if fmt.Sprint(werr) != fmt.Sprint(lerr) {
			t.Errorf("file %d: LoadLean error\n%v\nLoad error\n%v", i, lerr, werr)
			continue
		}
		if werr != nil {
			continue
		}
		w, l := whole.Articles[0], lean.Articles[0]
		if !reflect.DeepEqual(w.ArticleMeta, l.ArticleMeta) || w.BodyLine != l.BodyLine || w.Slug != l.Slug {
			t.Errorf("file %d: LoadLean read %+v (body line %d), Load %+v (body line %d)", i, l.ArticleMeta, l.BodyLine, w.ArticleMeta, w.BodyLine)
		}
		if body, err := l.ReadBody(fsys); err != nil || !bytes.Equal(body, w.Body) {
			t.Errorf("file %d: ReadBody = %q, %v; want %q", i, body, err, w.Body)
		}
	}
}

// FuzzValidSlug holds validSlug to the regexp it stands for.
func FuzzValidSlug(f *testing.F) {
	slugRE := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, s := range []string{"", "a", "-", "a-", "-a", "a--b", "a-b-c9", "A", "a_b", "é", "a-b\n", "trump-told-putin-not-to-meddle"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validSlug(s), slugRE.MatchString(s); got != want {
			t.Fatalf("validSlug(%q) = %v, want %v", s, got, want)
		}
	})
}

// A quoted key is the same key as a plain one in YAML: both the fast path
// and the positioned one must read it, and a quoted typo is reported by
// its name, not its quotes.
func TestQuotedKeys(t *testing.T) {
	src := strings.NewReplacer("title:", `"title":`, "publication:", `'publication':`).Replace(goodArticle)
	for _, load := range []func(fs.FS) (*Content, error){Load, LoadLean} {
		c, err := load(site(map[string]string{"content/articles/x.md": src, "content/raw/a.txt": "raw"}))
		if err != nil {
			t.Fatalf("quoted keys: %v", err)
		}
		if a := c.Articles[0]; a.Title != "A title" || a.Publication != "The Paper" {
			t.Errorf("quoted keys read as title %q, publication %q", a.Title, a.Publication)
		}
		_, err = load(site(map[string]string{"content/articles/x.md": strings.Replace(src, `"title":`, `"titel":`, 1), "content/raw/a.txt": "raw"}))
		if want := `content/articles/x.md:2:1: unknown field "titel"; did you mean "title"?`; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("quoted typo: got %v, want %s", err, want)
		}
	}
}

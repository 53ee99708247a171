package content

import (
	"io/fs"
	"strings"
	"testing"
)

// TestHostileSources feeds each kind of source (article, page, site.yaml)
// bytes that an editor or a copy from elsewhere can leave in a file, and
// checks the whole error: file, line, column and what to do.
func TestHostileSources(t *testing.T) {
	bodyLatin1 := strings.Replace(goodArticle, "Body.", "Body caf\xe9.", 1)
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"article not UTF-8 in the body", map[string]string{"content/articles/x.md": bodyLatin1},
			"content/articles/x.md:10:9: the text is not UTF-8 (byte 0xE9); convert the file to UTF-8"},
		{"article not UTF-8 in the front matter", map[string]string{"content/articles/x.md": strings.Replace(goodArticle, "The Paper", "Die Zeitung \xfc", 1)},
			"content/articles/x.md:3:26: the text is not UTF-8 (byte 0xFC); convert the file to UTF-8"},
		{"article with a byte-order mark", map[string]string{"content/articles/x.md": "\ufeff" + goodArticle},
			"content/articles/x.md:1:1: the file starts with a byte-order mark; remove the byte-order mark (save the file as UTF-8 without BOM)"},
		{"page not UTF-8", map[string]string{"content/pages/about.md": "---\ntitle: About\n---\n\n\x93quoted\x94\n"},
			"content/pages/about.md:5:1: the text is not UTF-8 (byte 0x93); convert the file to UTF-8"},
		{"page with a byte-order mark", map[string]string{"content/pages/about.md": "\ufeff---\ntitle: About\n---\nHi\n"},
			"content/pages/about.md:1:1: the file starts with a byte-order mark; remove the byte-order mark (save the file as UTF-8 without BOM)"},
		{"site.yaml not UTF-8", map[string]string{"content/site.yaml": "title: T\ndescription: \"na\xefve\"\n"},
			"content/site.yaml:2:17: the text is not UTF-8 (byte 0xEF); convert the file to UTF-8"},
		{"site.yaml with a byte-order mark", map[string]string{"content/site.yaml": "\ufefftitle: T\n"},
			"content/site.yaml:1:1: the file starts with a byte-order mark; remove the byte-order mark (save the file as UTF-8 without BOM)"},
		{"duplicate key in an article", map[string]string{"content/articles/x.md": strings.Replace(goodArticle, "event: e1", "event: e1\ntitle: Again", 1)},
			`content/articles/x.md:8:1: mapping key "title" already defined at line 2, column 1 (keep one of them)`},
		{"duplicate nested key in an article", map[string]string{"content/articles/x.md": strings.Replace(goodArticle, "event: e1", "event: e1\nphoto:\n  caption: a\n  caption: b", 1)},
			`content/articles/x.md:10:3: mapping key "caption" already defined at line 9, column 3 (keep one of them)`},
		{"duplicate key in a page", map[string]string{"content/pages/about.md": "---\ntitle: About\nweight: 1\ntitle: Again\n---\nHi\n"},
			`content/pages/about.md:4:1: mapping key "title" already defined at line 2, column 1 (keep one of them)`},
		{"duplicate key in site.yaml", map[string]string{"content/site.yaml": "title: T\n\ntitle: U\n"},
			`content/site.yaml:3:1: mapping key "title" already defined at line 1, column 1 (keep one of them)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, load := range []func(fs.FS) (*Content, error){Load, LoadLean} {
				_, err := load(site(tt.files))
				if err == nil || err.Error() != tt.want {
					t.Errorf("got error:\n%v\nwant:\n%s", err, tt.want)
				}
			}
		})
	}
}

// TestLeanBodyNotUTF8 checks the part of an article that LoadLean does not
// read: its body past the first few kilobytes, read again when rendered.
func TestLeanBodyNotUTF8(t *testing.T) {
	long := goodArticle + strings.Repeat("A line of text.\n", 400) + "caf\xe9\n"
	c, err := LoadLean(site(map[string]string{"content/articles/x.md": long}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Articles[0].ReadBody(c.FS)
	want := "content/articles/x.md:411:4: the text is not UTF-8 (byte 0xE9); convert the file to UTF-8"
	if err == nil || err.Error() != want {
		t.Errorf("ReadBody: got %v, want %s", err, want)
	}
}

// TestStringsAsWritten: a string field keeps the text of a plain scalar
// that YAML reads as a number or a boolean, and of one tagged !!str, in
// articles, pages and site.yaml, on both decoders' paths.
func TestStringsAsWritten(t *testing.T) {
	for _, text := range []string{"1.10", "007", "0x10", "0o17", "1_000", "+1", "-0", ".inf", "True", "1e3", "2019-06-28"} {
		for _, tagged := range []bool{false, true} {
			val := text
			if tagged {
				val = "!!str " + text
			}
			art := strings.Replace(goodArticle, "title: A title", "title: "+val+"\ndek: "+val+"\nnotes: ["+val+"]\nphoto: {caption: "+val+"}", 1)
			c, err := Load(site(map[string]string{
				"content/site.yaml":      "title: " + val + "\ndescription: " + val + "\n",
				"content/articles/a.md":  art,
				"content/pages/about.md": "---\ntitle: " + val + "\ndescription: " + val + "\n---\nHi\n",
			}))
			if err != nil {
				t.Fatalf("%s: %v", val, err)
			}
			a, p := c.Articles[0], c.Pages[0]
			got := []string{c.Site.Title, c.Site.Description, a.Title, a.Dek, a.Notes[0], a.Photo.Caption, p.Title, p.Description}
			for i, g := range got {
				if g != text {
					t.Errorf("%s: field %d is %q, want %q", val, i, g, text)
				}
			}
		}
	}
}

// TestIntroLine: the intro's Markdown starts on the line after a block
// scalar's header, or on the key's line for a plain or quoted value.
func TestIntroLine(t *testing.T) {
	for src, want := range map[string]int{
		"title: T\nintro: |\n  Hello.\n":            3,
		"title: T\n\nintro: >-\n  Hello.\n":         4,
		"title: T\nintro: \"Hello.\"\n":             2,
		"title: T\ndescription: D\nintro: Hello.\n": 3,
		"title: T\n": 1,
	} {
		c, err := Load(site(map[string]string{"content/site.yaml": src}))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Site.IntroLine(); got != want {
			t.Errorf("%q: IntroLine = %d, want %d", src, got, want)
		}
	}
}

// TestWithBaseNamesFlag: a bad override is named by its flag, and a good
// one is normalized.
func TestWithBaseNamesFlag(t *testing.T) {
	var s Site
	if _, err := s.WithBase("", "//evil.example/"); err == nil || err.Error() != `-base-path "//evil.example/": must be a path starting with one "/", such as /repo/` {
		t.Errorf("-base-path: %v", err)
	}
	if _, err := s.WithBase("https://x.example/?a", ""); err == nil || err.Error() != `-base-url "https://x.example/?a": must be an absolute http(s) URL with no query or fragment, such as https://owner.github.io/repo/` {
		t.Errorf("-base-url: %v", err)
	}
	got, err := s.WithBase("https://x.example/repo", "")
	if err != nil || got.BaseURL != "https://x.example/repo/" || got.BasePath != "/repo/" {
		t.Errorf("WithBase = %+v, %v", got, err)
	}
}

package content

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"dossier/internal/corpus"
)

// never is a decodeFast that always declines: parseArticle as it was
// before decodeFast, with DecodeYAML alone.
func never([]byte, any, ...string) bool { return false }

// agree checks that parseArticle returns what DecodeYAML alone gives for
// the article file src: the same Article, or the same errors, positions
// included. It reports whether decodeFast took src's front matter.
func agree(t testing.TB, file string, src []byte) (fast bool) {
	t.Helper()
	got, gotErrs := parseArticle(file, src)
	want, wantErrs := parseArticleWith(file, src, never)
	if g, w := errString(gotErrs), errString(wantErrs); g != w {
		t.Fatalf("%s:\n%s\nerrors with decodeFast:\n%s\nwith DecodeYAML alone:\n%s", file, src, g, w)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n%s\nwith decodeFast:     %+v\nwith DecodeYAML alone: %+v", file, src, got, want)
	}
	yml, _, _, err := SplitFrontMatter(file, src)
	if err != nil {
		return false
	}
	var m ArticleMeta
	return decodeFast(yml, &m, articleRequired...)
}

func errString(l List) string {
	if err := l.Err(); err != nil {
		return err.Error()
	}
	return ""
}

// fastInputs are front matters that both ways must read alike. Those
// starting with "fast:" must be decoded fast; the others are errors, or
// read otherwise by go.yaml.in/yaml/v3 than by goccy/go-yaml, so
// decodeFast must decline them.
var fastInputs = []string{
	"fast:" + frontOf(goodArticle),
	"fast:" + frontOf(goodArticle) + "photo:\n  caption: \"A caption\"\n  credit: AP\n",
	"fast:" + frontOf(goodArticle) + "notes:\n  - one\n  - \"two\"\n",
	"fast:" + frontOf(goodArticle) + "dek: 'it''s \"quoted\"'\n",
	"fast:" + frontOf(goodArticle) + "dek: \"esc\\u00e9 \\t \\\\ \\\"\"\n",
	"fast:" + frontOf(goodArticle) + "dek: plain # a comment\n# a line of comment\n",
	"fast:" + frontOf(goodArticle) + "dek: a plain\n  scalar on two lines\n",
	"fast:" + frontOf(goodArticle) + "published: \"2019-06-28\"\n",
	"fast:" + strings.Replace(frontOf(goodArticle), "authors: []", "authors: [Jane Doe, \"John Roe\"]", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "authors: []", "authors:\n  - Jane Doe\n", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "authors: []", "authors:\n- Jane Doe\n", 1),
	"fast:  " + strings.ReplaceAll(strings.TrimSuffix(frontOf(goodArticle), "\n"), "\n", "\n  ") + "\n", // indented
	// line breaks to libyaml but characters to goccy, and a lone CR
	frontOf(goodArticle) + "dek: a\u2029\n",
	frontOf(goodArticle) + "dek: \"a\u0085b\"\n",
	frontOf(goodArticle) + "dek: a \u2028 b\n",
	frontOf(goodArticle) + "notes: [a\rb]\n",
	// a plain scalar folded from two lines in a flow sequence, which
	// goccy rejects when the second is not indented
	strings.Replace(frontOf(goodArticle), "authors: []", "authors: [0\n0]", 1),
	frontOf(goodArticle) + "notes: [a, b\nc]\n",
	"fast:" + strings.Replace(frontOf(goodArticle), "authors: []", "authors: [\"Jane\nDoe\", J. é Roe, x,\n  y]", 1),
	// unknown, typo, nested and non-string keys
	frontOf(goodArticle) + "dtae: 2017\n",
	strings.Replace(frontOf(goodArticle), "title:", "titel:", 1),
	frontOf(goodArticle) + "photo:\n  captoin: x\n",
	frontOf(goodArticle) + "Title: x\n",
	frontOf(goodArticle) + "\"dek\": x\n",
	frontOf(goodArticle) + "'dek': x\n",
	frontOf(goodArticle) + "? dek\n: x\n",
	"? title\n: x\n" + strings.Replace(frontOf(goodArticle), "title: A title\n", "", 1),
	frontOf(goodArticle) + "1: x\n",
	frontOf(goodArticle) + "~: x\n",
	frontOf(goodArticle) + "<<: {dek: x}\n",
	frontOf(goodArticle) + "photo:\n  <<: {caption: x}\n",
	// wrong types
	strings.Replace(frontOf(goodArticle), "authors: []", "authors: {a: 1}", 1),
	strings.Replace(frontOf(goodArticle), "authors: []", "authors: Jane Doe", 1),
	strings.Replace(frontOf(goodArticle), "authors: []", "authors: [[a]]", 1),
	strings.Replace(frontOf(goodArticle), "authors: []", "authors: !x Jane Doe", 1), // goccy/go-yaml#735
	frontOf(goodArticle) + "photo: x\n",
	frontOf(goodArticle) + "photo: [x]\n",
	frontOf(goodArticle) + "dek: [x]\n",
	// scalars that are not strings to YAML: a string field keeps their
	// text as written, with both; a tagged one is declined, a null too
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "1.50", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "1.10", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "007", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "0x10", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "0o17", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "-0", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "+1", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "True", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", ".inf", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", ".NaN", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "1_000", 1),
	strings.Replace(frontOf(goodArticle), "A title", "!!str 2017", 1),
	strings.Replace(frontOf(goodArticle), "A title", "!!str 0x10", 1),
	strings.Replace(frontOf(goodArticle), "A title", "!!str", 1),
	strings.Replace(frontOf(goodArticle), "A title", "!!str ~", 1),
	strings.Replace(frontOf(goodArticle), "A title", "!!int 7", 1),
	strings.Replace(frontOf(goodArticle), "A title", "&t 1.10", 1) + "dek: *t\n",
	"fast:" + frontOf(goodArticle) + "published: 2019-06-28\n",
	"fast:" + frontOf(goodArticle) + "published: 2017\n",
	frontOf(goodArticle) + "notes: [1, true, null]\n",
	"fast:" + frontOf(goodArticle) + "notes: [1.10, true, 0x1F]\n",
	// null, empty and blank values
	strings.Replace(frontOf(goodArticle), "authors: []", "authors:", 1),
	strings.Replace(frontOf(goodArticle), "authors: []", "authors: ~", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "authors: []", "authors: [\" \"]", 1),
	strings.Replace(frontOf(goodArticle), "A title", "", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "\"  \"", 1),
	frontOf(goodArticle) + "photo:\n",
	frontOf(goodArticle) + "photo: {}\n",
	frontOf(goodArticle) + "photo: {caption: x}\n",
	"fast:" + frontOf(goodArticle) + "dek: \"\"\n",
	// missing required keys, empty front matter
	"title: T\n",
	strings.Replace(frontOf(goodArticle), "event: e1\n", "", 1),
	"",
	"# only a comment\n",
	"{}\n",
	"[]\n",
	"just a string\n",
	// duplicates, documents, anchors
	frontOf(goodArticle) + "title: again\n",
	frontOf(goodArticle) + "photo:\n  caption: a\n  caption: b\n",
	"fast:" + frontOf(goodArticle) + "...\n",
	frontOf(goodArticle) + "...\ntitle: b\n",
	"%YAML 1.2\n" + frontOf(goodArticle),
	strings.Replace(frontOf(goodArticle), "A title", "&t A title", 1) + "dek: *t\n",
	frontOf(goodArticle) + "photo: &p\n  caption: x\n",
	frontOf(goodArticle) + "&k dek: x\n",
	frontOf(goodArticle) + "photo:\n  &k caption: x\n",
	// block scalars, and a header libyaml takes but goccy does not
	frontOf(goodArticle) + "dek: |\n  two\n  lines\n",
	frontOf(goodArticle) + "dek: >-\n  folded\n  text\n\n  para\n",
	frontOf(goodArticle) + "dek: >#x\n",
	strings.Replace(frontOf(goodArticle), "event: e1", "event: >#000", 1),
	// syntax: errors, tabs, byte order mark
	strings.Replace(frontOf(goodArticle), "A title", "[unclosed", 1),
	strings.Replace(frontOf(goodArticle), "A title", "'unclosed", 1),
	strings.Replace(frontOf(goodArticle), "A title", "\"a\" b", 1),
	frontOf(goodArticle) + "dek: a\n  b: c\n",
	frontOf(goodArticle) + "\tdek: x\n",
	frontOf(goodArticle) + "dek:\tx\n",
	frontOf(goodArticle) + "dek: a\n\tb\n",
	frontOf(goodArticle) + "dek: a\tb\n",
	strings.Replace(frontOf(goodArticle), "The Paper", "0\t0", 1),
	frontOf(goodArticle) + "dek: \"a\tb\"\n",
	"\ufeff" + frontOf(goodArticle),
	frontOf(goodArticle) + "dek: a\ufeffb\n",
	// decoded fast, but a later check fails: its position is found then
	"fast:" + frontOf(goodArticle) + "published: July 2017\n",
	"fast:" + frontOf(goodArticle) + "published: \"2019-02-30\"\n",
	"fast:" + strings.Replace(frontOf(goodArticle), "https://example.org/a", "example.org/a", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "authors: []", "authors: [a, \"\"]", 1),
	"fast:" + strings.Replace(frontOf(goodArticle), "A title", "\"  \"", 1) + "published: July 2017\n",
}

// frontOf returns the front matter of an article file.
func frontOf(src string) string {
	yml, _, _, err := SplitFrontMatter("x.md", []byte(src))
	if err != nil {
		panic(err)
	}
	return string(yml)
}

// article makes an article file of a front matter, as SplitFrontMatter
// finds them: a front matter ends with a newline, or is empty.
func article(yml string) []byte {
	if yml != "" && !strings.HasSuffix(yml, "\n") {
		yml += "\n"
	}
	return []byte("---\n" + yml + "---\n\nBody.\n")
}

func TestDecodeFastAgrees(t *testing.T) {
	t.Run("inputs", func(t *testing.T) {
		for _, in := range fastInputs {
			yml, wantFast := strings.CutPrefix(in, "fast:")
			if fast := agree(t, "content/articles/x.md", article(yml)); fast != wantFast {
				t.Errorf("%q: decodeFast took it: %v, want %v", yml, fast, wantFast)
			}
		}
	})
	// Every article of the dossier, of the tests' sites and of the
	// generated corpus is decoded fast.
	t.Run("articles", func(t *testing.T) {
		files, _ := filepath.Glob("../../" + ArticlesDir + "/*.md")
		if len(files) == 0 {
			t.Fatal("no articles in ../../" + ArticlesDir)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !agree(t, ArticlesDir+"/"+filepath.Base(f), src) {
				t.Errorf("%s: not decoded fast", f)
			}
		}
	})
	t.Run("fixtures", func(t *testing.T) {
		archives, _ := filepath.Glob("../*/testdata/*.txt*")
		n := 0
		for _, name := range archives {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range ar.Files {
				if path := f.Name; strings.HasPrefix(path, ArticlesDir+"/") && strings.HasSuffix(path, ".md") {
					n++
					if !agree(t, path, f.Data) {
						t.Errorf("%s in %s: not decoded fast", path, name)
					}
				}
			}
		}
		if n == 0 {
			t.Fatal("no articles in ../*/testdata")
		}
	})
	t.Run("corpus", func(t *testing.T) {
		dir := t.TempDir()
		if err := corpus.Write(dir, 200, 1); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, ArticlesDir, "*.md"))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !agree(t, ArticlesDir+"/"+filepath.Base(f), src) {
				t.Errorf("%s: not decoded fast", f)
			}
		}
	})
}

// FuzzDecodeFast looks for a front matter that decodeFast reads otherwise
// than DecodeYAML does:
//
//	go test -run '^$' -fuzz FuzzDecodeFast -fuzztime 10m ./internal/content
func FuzzDecodeFast(f *testing.F) {
	for _, in := range fastInputs {
		f.Add(strings.TrimPrefix(in, "fast:"))
	}
	files, _ := filepath.Glob("../../" + ArticlesDir + "/*.md")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(frontOf(string(src)))
		}
	}
	f.Fuzz(func(t *testing.T, yml string) {
		src := article(yml)
		if _, _, _, err := SplitFrontMatter("x.md", src); err != nil {
			return // a "---" line in yml: not a front matter on its own
		}
		agree(t, "content/articles/x.md", src)
		if b := []byte(yml); unlike(b) != unlikeSpec(b) {
			t.Fatalf("unlike(%q) = %v", yml, unlike(b))
		}
	})
}

// unlikeSpec is unlike as it reads.
func unlikeSpec(src []byte) bool {
	return bytes.ContainsAny(src, "\t\ufeff\u0085\u2028\u2029") || bytes.Count(src, []byte("\r")) != bytes.Count(src, []byte("\r\n"))
}

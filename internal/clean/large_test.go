package clean

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// largePage generates a saved page of about size bytes as big pages are
// made: site navigation, JSON-LD metadata, an article of many paragraphs
// with subheadings, and, when heavy, inline scripts holding a framework's
// state and images inlined as data: URIs, which make up most of it.
func largePage(size int, heavy bool) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><meta charset=utf-8><title>A long report on the harbour works</title>")
	b.WriteString(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"A long report on the harbour works","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2024-03-05"}</script>`)
	b.WriteString("<style>body{margin:0} .nav a{color:red}</style></head><body><nav class=nav><ul>")
	for i := range 30 {
		fmt.Fprintf(&b, "<li><a href=/s%d>Section %d</a></li>", i, i)
	}
	b.WriteString("</ul></nav><article><h1>A long report on the harbour works</h1>")
	for i := 0; b.Len() < size; i++ {
		switch {
		case i%10 == 3:
			fmt.Fprintf(&b, "<h2>Part %d of the works</h2>", i)
		case heavy && i%10 == 6:
			b.WriteString(`<script>self.__state=self.__state||[];__state.push({"n":` + fmt.Sprint(i) + `,"html":"` + strings.Repeat(`<p class=\"x\">state</p>`, 1500) + `"});</script>`)
		case heavy && i%10 == 8:
			b.WriteString(`<figure><img alt="The harbour" src="data:image/png;base64,` + strings.Repeat("iVBORw0KGgoAAAANSUhEUgAA", 2000) + `"><figcaption>The harbour at dawn.</figcaption></figure>`)
		}
		fmt.Fprintf(&b, "<p>In paragraph %d the council said that the work on the harbour wall would go on through the winter, and that the people who live by the water had been told about the noise and the closed roads in a letter sent in the autumn.</p>", i)
	}
	b.WriteString("</article><footer><p>© 2024 The Harbour Gazette. All rights reserved.</p></footer></body></html>")
	return []byte(b.String())
}

// TestLargePageCap checks that a page whose markup is over the cap is
// refused with an error naming the file, the cap and what to do, and that a
// 20 MB page made mostly of scripts and inlined images, whose markup is
// under it, is imported with its JSON-LD byline.
func TestLargePageCap(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	over := filepath.Join(dir, "over.html")
	if err := os.WriteFile(over, largePage(maxMarkup+(512<<10), false), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := RunImport([]string{"-o", filepath.Join(dir, "articles"), over}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit status %d, want 1; stderr %s", code, stderr.String())
	}
	msg := stderr.String()
	for _, want := range []string{over + ":", "more than the importer's limit of 1 MiB", ".txt file"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	heavy := largePage(20<<20, true)
	a, _, err := Clean("heavy.html", heavy)
	if err != nil {
		var tl *TooLargeError
		if errors.As(err, &tl) {
			t.Fatalf("a 20 MB page of mostly scripts and images was refused: %v", err)
		}
		t.Fatal(err)
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Jane Doe" {
		t.Errorf("authors %q, want the JSON-LD author kept through slimming", a.Authors)
	}
	if len(a.Body) < 100 || strings.Contains(strings.Join(a.Body, "\n"), "state") {
		t.Errorf("body of %d paragraphs, want the article's paragraphs and none of the scripts", len(a.Body))
	}
}

// TestTextCap checks that copied text over its cap is refused by name.
func TestTextCap(t *testing.T) {
	t.Parallel()
	_, _, err := Clean("huge.txt", bytes.Repeat([]byte("A line of copied text that goes on.\n"), maxText/30))
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "the text is more than") {
		t.Fatalf("err = %v, want the text cap", err)
	}
}

// TestSlimHTML checks what slimming keeps: markup, text, JSON-LD, a short
// data: URI, the tags of scripts and styles, but not their contents.
func TestSlimHTML(t *testing.T) {
	t.Parallel()
	long := "data:image/png;base64," + strings.Repeat("A", 2*maxAttr)
	in := `<!doctype html><html><head><script type="application/ld+json">{"author":"J"}</script><style>p{x:y}</style></head>` +
		`<body><!-- a comment --><p class=a>Text &amp; more</p><script>var a = "<p>not text</p>";</script><img src="` + long + `"><img src="data:,x"><svg><path d="` + strings.Repeat("M1 1", maxAttr) + `" class=c></svg></body></html>`
	got, err := slimHTML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := `<!doctype html><html><head><script type="application/ld+json">{"author":"J"}</script><style></style></head>` +
		`<body><p class=a>Text &amp; more</p><script></script><img src="data:image/png;base64,"><img src="data:,x"><svg><path d="" class="c"></svg></body></html>`
	if string(got) != want {
		t.Errorf("slimHTML =\n%s\nwant\n%s", got, want)
	}
}

// BenchmarkHTMLLarge imports large generated pages under the cap; MB/s is
// the throughput (the target is at least 1 MB/s), B/op what one import
// allocates.
//
//	go test -run XXX -bench HTMLLarge -benchtime 3x ./internal/clean
func BenchmarkHTMLLarge(b *testing.B) {
	for _, c := range []struct {
		name  string
		size  int
		heavy bool
	}{{"markup-under-cap", maxMarkup - 64<<10, false}, {"scripts-and-images-20MiB", 20 << 20, true}} {
		raw := largePage(c.size, c.heavy)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := HTML(raw, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSmallPageKeepsScripts checks that a page under the cap is not
// slimmed: the date go-htmldate finds in a framework's state script stays.
func TestSmallPageKeepsScripts(t *testing.T) {
	t.Parallel()
	page := strings.Replace(string(largePage(8<<10, false)), "</head>",
		`<script>self.__NEXT={"post":{"slug":"harbour","date":"2024-04-08T06:59:34","status":"publish"}}</script></head>`, 1)
	page = strings.Replace(page, `,"datePublished":"2024-03-05"`, "", 1)
	a, _, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "2024-04-08" {
		t.Errorf("published %q, want the date from the script", a.Published)
	}
}

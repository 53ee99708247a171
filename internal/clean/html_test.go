package clean

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

const testPage = `<!doctype html>
<html lang="en"><head>
<title>Leaders meet in Osaka | The Example Times</title>
<meta property="og:title" content="Leaders meet in Osaka">
<meta property="og:site_name" content="The Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-06-28T10:00:00+09:00">
<link rel="canonical" href="https://example.com/2019/06/leaders-meet-in-osaka">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<article>
<h1>Leaders meet in Osaka</h1>
<p>The two leaders met on the sidelines of the summit in Osaka on Friday, their first meeting since the report was published in April, officials said.</p>
<p>They spoke for about an hour and a half about trade, arms control and the war in Syria, according to a statement released after the meeting by the foreign ministry.</p>
<p>Sign up for our free newsletter to get the news delivered to your inbox every morning.</p>
<p>Reporters in the room asked whether the election had come up. One of the leaders laughed and said that it had, in a way, before the cameras were led out of the room.</p>
<p>The two sides agreed to keep talking, and a further meeting is expected later in the year, when the ministers will meet again in Geneva to discuss the treaty.</p>
</article>
<footer><p>© 2019 The Example Times. All rights reserved.</p></footer>
</body></html>`

func TestHTMLPage(t *testing.T) {
	t.Parallel()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(testPage))
	zw.Close()
	for name, raw := range map[string][]byte{"page.html": []byte(testPage), "page.htm.gz": gz.Bytes(), "saved-page": []byte(testPage)} {
		a, rep, err := Clean(name, raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rep.Kind != "html" {
			t.Errorf("%s: read as %s, want html", name, rep.Kind)
		}
		if a.Title != "Leaders meet in Osaka" || a.Publication != "The Example Times" ||
			!slices.Equal(a.Authors, []string{"Jane Doe"}) || a.URL != "https://example.com/2019/06/leaders-meet-in-osaka" ||
			a.Published != "2019-06-28" {
			t.Errorf("%s: metadata %+v", name, a)
		}
		text := strings.Join(a.Body, "\n\n")
		for _, want := range []string{"The two leaders met", "They spoke for about", "Reporters in the room", "agreed to keep talking"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: body lacks %q:\n%s", name, want, text)
			}
		}
		for _, bad := range []string{"newsletter", "Home", "All rights reserved", "# Leaders"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: body has %q:\n%s", name, bad, text)
			}
		}
	}
}

func TestVisibleText(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>T</title><style>p{}</style></head><body>
<div>First   line
 of a <span>paragraph</span>.</div><script>var x;</script>
<ul><li>one</li><li>two<br>three</li></ul>
<div hidden>hidden</div><p style="display: none">gone</p><p aria-hidden="true">also gone</p>
<p>Last.</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := visibleText(doc)
	want := "First line of a paragraph.\none\ntwo\nthree\nLast.\n"
	if got != want {
		t.Errorf("visibleText = %q, want %q", got, want)
	}
}

func TestToMarkdownTable(t *testing.T) {
	t.Parallel()
	doc, err := html.Parse(strings.NewReader(`<table><tr><th>Server locations</th><td>130 countries</td></tr><tr><th>Average speed loss</th><td>6% download</td></tr></table>`))
	if err != nil {
		t.Fatal(err)
	}
	md, err := toMarkdown(doc)
	if err != nil {
		t.Fatal(err)
	}
	a := &Article{Body: []string{string(md)}}
	if got, want := a.PlainText(), "Server locations 130 countries\nAverage speed loss 6% download\n"; got != want {
		t.Errorf("table as Markdown %q renders as %q, want %q", md, got, want)
	}
}

// An ordinary news page with a photo and a related story: neither the
// caption nor the related headline becomes a paragraph of the body.
func TestHTMLPageCaptionAndRelatedStayOut(t *testing.T) {
	t.Parallel()
	page := strings.Replace(testPage, "<p>They spoke",
		`<figure><img src="a.jpg" alt=""><figcaption>The two leaders shake hands before their meeting in Osaka. (Photo: Jane Roe/AP)</figcaption></figure>
<p><a href="/related">Read more: What the last summit between the two leaders did for arms control talks</a></p>
<p>They spoke`, 1)
	a, _, err := Clean("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(a.Body, "\n\n")
	for _, bad := range []string{"shake hands", "Read more"} {
		if strings.Contains(text, bad) {
			t.Errorf("body has %q:\n%s", bad, text)
		}
	}
	for _, want := range []string{"The two leaders met", "They spoke for about"} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q:\n%s", want, text)
		}
	}
}

// A <br> in a saved page stays a line break (an address, a verse), not a
// space: html-to-markdown writes it as two trailing spaces, which the
// block splitter trims, so it becomes a trailing backslash.
func TestHTMLLineBreakKept(t *testing.T) {
	t.Parallel()
	page := strings.Replace(testPage, "<p>They spoke",
		`<p>The statement was signed by the two ministers in the presence of their delegations,<br>in the conference hall of the summit venue,<br>late on Friday evening after the talks.</p>
<p>They spoke`, 1)
	a, _, err := Clean("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "The statement was signed by the two ministers in the presence of their delegations,\\\nin the conference hall of the summit venue,\\\nlate on Friday evening after the talks."
	if !slices.Contains(a.Body, want) {
		t.Errorf("body lacks the paragraph with its line breaks:\n%q", a.Body)
	}
}

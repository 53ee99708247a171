package markdown

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func convert(t *testing.T, src string, opts Options) *Doc {
	t.Helper()
	d, err := New().Convert([]byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParagraphIDsAndText(t *testing.T) {
	d := convert(t, "First “quoted” para,\nwith a [link](https://e.org) and \\[Putin\\].\n\n> quoted\n\nThird &amp; `code` - \"straight\".\n", Options{ParagraphIDs: true})
	html := string(d.HTML)
	for _, want := range []string{`<p id="p1">First “quoted” para,`, `<p id="p2">quoted</p>`, `<p id="p3">Third &amp; <code>code</code> - &quot;straight&quot;.</p>`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
	want := []Paragraph{
		{"p1", "First “quoted” para, with a link and [Putin].", 1},
		{"p2", "quoted", 4},
		{"p3", "Third & code - \"straight\".", 6},
	}
	if len(d.Paragraphs) != len(want) {
		t.Fatalf("paragraphs = %+v", d.Paragraphs)
	}
	for i, p := range d.Paragraphs {
		if p != want[i] {
			t.Errorf("paragraph %d = %+v, want %+v", i, p, want[i])
		}
	}
	if d := convert(t, "a\n\nb\n", Options{}); strings.Contains(string(d.HTML), "id=") {
		t.Errorf("ids without ParagraphIDs: %s", d.HTML)
	}
}

// The sources' quote marks and dashes stay as written: no typographer.
func TestNoTypographer(t *testing.T) {
	d := convert(t, "He said \"yes\" -- it's 'fine'...\n", Options{})
	if got := d.Paragraphs[0].Text; got != "He said \"yes\" -- it's 'fine'..." {
		t.Errorf("text = %q", got)
	}
}

func TestUnsafeInputDropped(t *testing.T) {
	src := "Click [me](javascript:alert(1)) or [me too](JaVaScRiPt:alert(2)) or <javascript:alert(3)>.\n\n<script>alert(4)</script>\n\nInline <b onclick=\"x\">bold</b> and [ok](https://e.org).\n\n[data](data:text/html,hi)\n"
	d := convert(t, src, Options{})
	html := string(d.HTML)
	for _, bad := range []string{"href=\"javascript", "href=\"JaVaScRiPt", "<script", "onclick", "<b", "data:", "raw HTML omitted"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML contains %q:\n%s", bad, html)
		}
	}
	for _, keep := range []string{"Click me or me too or javascript:alert(3).", `<a href="https://e.org">ok</a>`, "bold"} {
		if !strings.Contains(html, keep) {
			t.Errorf("HTML lacks %q:\n%s", keep, html)
		}
	}
	lines := map[int]int{}
	for _, w := range d.Warnings {
		lines[w.Line]++
	}
	if lines[1] != 3 || lines[3] != 1 || lines[5] != 2 || lines[7] != 1 {
		t.Errorf("warnings by line = %v: %+v", lines, d.Warnings)
	}
}

func TestRemoteImageIsAnError(t *testing.T) {
	d := convert(t, "text\n\n![x](https://cdn.example/x.png)\n", Options{})
	if len(d.Errors) != 1 || d.Errors[0].Line != 3 || strings.Contains(string(d.HTML), "cdn.example") {
		t.Errorf("errors = %+v, html = %s", d.Errors, d.HTML)
	}
}

func TestResolve(t *testing.T) {
	opts := Options{Resolve: func(dest string) (string, error) {
		if strings.HasPrefix(dest, "a.md") {
			return "x/a.html" + strings.TrimPrefix(dest, "a.md"), nil
		}
		return "", errors.New("no such page")
	}}
	d := convert(t, "[a](a.md#p2) [b](b.md)\n\n[c](c.html)\n", opts)
	if !strings.Contains(string(d.HTML), `href="x/a.html#p2"`) || !strings.Contains(string(d.HTML), `href="c.html"`) {
		t.Errorf("html = %s", d.HTML)
	}
	if len(d.Errors) != 1 || d.Errors[0].Line != 1 || d.Errors[0].Msg != "no such page" {
		t.Errorf("errors = %+v", d.Errors)
	}
}

func TestHighlightingUsesClasses(t *testing.T) {
	d := convert(t, "```go\nfunc main() {} // hi\n```\n\n```sh\ngo test ./...\n```\n", Options{})
	html := string(d.HTML)
	if strings.Contains(html, "style=") {
		t.Errorf("inline styles in %s", html)
	}
	for _, want := range []string{`<span class="kd">func</span>`, `<span class="c1">// hi</span>`, `aria-label="Code: go"`, `tabindex="0"`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
}

// A fence with no language, or one chroma does not know, keeps its lines
// and spacing in a <pre>, escaped, inside the same labelled region.
// (goldmark-highlighting, used before, wrote such code with no <pre>, so
// the browser folded its indentation and line breaks into spaces.)
func TestPlainFenceKeepsSpacing(t *testing.T) {
	for src, label := range map[string]string{
		"```\nif a <b {\n    c()\n}\n```\n":           `aria-label="Code"`,
		"```nosuchlang\nif a <b {\n    c()\n}\n```\n": `aria-label="Code: nosuchlang"`,
	} {
		html := string(convert(t, src, Options{}).HTML)
		for _, want := range []string{label, `<pre class="chroma"><code>`, "if a &lt;b {\n", "    c()\n", "</code></pre></div>"} {
			if !strings.Contains(html, want) {
				t.Errorf("%q: HTML lacks %q:\n%s", src, want, html)
			}
		}
	}
}

func TestCSSIsReadable(t *testing.T) {
	css, err := CSS()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(css), "@media (prefers-color-scheme: dark)") || !strings.Contains(string(css), ".chroma .c1") {
		t.Fatalf("css lacks the dark block or comment class")
	}
	for name, bg := range map[string]string{lightStyle: lightBg, darkStyle: darkBg} {
		st, err := readable(styles.Get(name), bg)
		if err != nil {
			t.Fatal(err)
		}
		back := chroma.ParseColour(bg)
		for _, tt := range st.Types() {
			if c := st.Get(tt).Colour; c.IsSet() && contrast(c, back) < 4.5 {
				t.Errorf("%s: %v colour %v has contrast %.2f on %s", name, tt, c, contrast(c, back), bg)
			}
		}
	}
}

// FuzzLinkifySkip checks the two shortcuts around GFM's linkify (see
// linkify.go) against goldmark with its own linkify:
//
//   - lineLinkify gives the same HTML, byte for byte;
//
//   - without linkify the HTML differs only where mayLinkify sends the
//     source to linkify. That HTML is compared by its words: linkify,
//     tried at a space, keeps a space that ends a line before a tab
//     ("a \t\nb"), where CommonMark (and goldmark without linkify) drops
//     it; a browser shows both alike. Code, where spacing shows, is not
//     inline-parsed, so linkify never sees it.
//
//     go test -run '^$' -fuzz FuzzLinkifySkip ./internal/markdown
func FuzzLinkifySkip(f *testing.F) {
	for _, s := range []string{
		"See https://example.org/a?b=c, or www.example.org.",
		"Write to press@example.org (or ftp://files.example.org).",
		"*www.example.org* and _http://x.example.org_ and ~https://y.example.org~",
		"(www.example.org) [link](https://example.org) <https://example.org>",
		"No address here: just prose, with a colon: and a slash / and a dot.",
		"HTTP://EXAMPLE.ORG and WWW.EXAMPLE.ORG and Press@Example.Org",
		"| a | b |\n|---|---|\n| www.example.org | c@d.org |\n",
		"> quoted www.a.org\n> and b@c.org at the end\n\n- item http://x.org y\n  - nested z@w.org\n",
		"two marks: a@b.org then words then www.c.org then words",
		"0    \n0", // a hard break: linkify keeps a space before the <br>
	} {
		f.Add(s)
	}
	c := New()
	stock := newGoldmark(extension.Linkify) // Dossier's goldmark with goldmark's own linkify
	render := func(t *testing.T, md goldmark.Markdown, src string) string {
		var buf bytes.Buffer
		if err := md.Convert([]byte(src), &buf); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	f.Fuzz(func(t *testing.T, src string) {
		want := render(t, stock, src)
		if got := render(t, c.md, src); got != want {
			t.Errorf("lineLinkify changes %q:\nlinkify:     %s\nlineLinkify: %s", src, want, got)
		}
		// Linkify keeps a space or tab that CommonMark drops at a line's
		// end (before a soft break, or a hard one's <br>): invisible, so
		// the texts are compared by words, with <br> a word of its own.
		words := func(s string) string {
			return strings.Join(strings.Fields(strings.ReplaceAll(s, "<br>", " <br> ")), " ")
		}
		if got := render(t, c.plain, src); words(got) != words(want) && !mayLinkify([]byte(src)) {
			t.Errorf("linkify changes %q, but mayLinkify says it cannot:\nwith:    %s\nwithout: %s", src, want, got)
		}
	})
}

func TestLinkifyStillLinks(t *testing.T) {
	html := string(convert(t, "Mail press@example.org or see www.example.org and https://example.org/x.\n", Options{}).HTML)
	for _, want := range []string{`<a href="mailto:press@example.org">`, `<a href="http://www.example.org">`, `<a href="https://example.org/x">`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
}

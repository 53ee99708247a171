package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// go-trafilatura removes non-text elements (scripts, icons, form controls,
// asides and the like) with the text that follows them up to the next
// element, where lxml's strip_elements, which it ports, keeps that text. So
// "<li><svg>…</svg>Buy in bulk</li>" loses its words, and
// "<p>Text <script>…</script>more text.</p>" its second half.
// protectTails wraps such text in a <span> of its own, which the extractor
// keeps or drops on its merits.

// strippedElements are the elements go-trafilatura removes whole.
var strippedElements = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`aside embed footer form head iframe menu object script
		applet audio canvas figure map picture svg video
		area blink button datalist dialog frame frameset fieldset link input ins label legend
		marquee math menuitem nav noscript optgroup option output param progress rp rt rtc
		select source style track textarea time use`) {
		strippedElements[e] = true
	}
}

// protectTails wraps the text that follows an element of strippedElements.
func protectTails(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if strippedElements[c.Data] {
			wrapTail(c)
		} else {
			protectTails(c)
		}
	}
}

// wrapTail moves the text nodes that follow e, up to the next element, into
// a new <span> after e, when they hold more than white space.
func wrapTail(e *html.Node) {
	var tail []*html.Node
	text := false
	for s := e.NextSibling; s != nil && s.Type != html.ElementNode; s = s.NextSibling {
		tail = append(tail, s)
		text = text || s.Type == html.TextNode && strings.TrimSpace(s.Data) != ""
	}
	if !text {
		return
	}
	span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
	e.Parent.InsertBefore(span, tail[0])
	for _, s := range tail {
		e.Parent.RemoveChild(s)
		span.AppendChild(s)
	}
}

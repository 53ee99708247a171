package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// visibleText is a page's text roughly as a reader copies it (innerText with
// scripts off): one line per block element, white space collapsed, hidden
// and non-rendered elements left out.
func visibleText(doc *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	newline := func() {
		if s := b.String(); s != "" && s[len(s)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select", "button", "input", "textarea":
				return
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "hidden", a.Key == "aria-hidden" && a.Val == "true":
					return
				case a.Key == "style":
					st := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
					if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
						return
					}
				}
			}
		}
		if n.Type == html.TextNode {
			for _, c := range n.Data {
				if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
					if s := b.String(); s == "" || s[len(s)-1] == ' ' || s[len(s)-1] == '\n' {
						continue
					}
					c = ' '
				}
				b.WriteRune(c)
			}
			return
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			newline()
		}
		if n.Type == html.ElementNode && n.Data == "br" {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			newline()
		}
	}
	walk(doc)
	return b.String()
}

var blockElements = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`address article aside blockquote body dd details dialog div dl dt fieldset
		figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section
		summary table tbody thead tfoot tr td th ul caption legend option`) {
		blockElements[e] = true
	}
}

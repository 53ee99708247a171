package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// go-trafilatura joins the text of every <p> of the page, one string
// concatenation per paragraph, each time a content selector matches: the
// cost grows with the square of the paragraphs (1 MiB of dense paragraphs,
// some four thousand of them, copied two gigabytes). A page with more
// paragraphs than maxParagraphs is therefore fed to it with each run of
// sibling paragraphs joined into one <p>, the paragraphs separated by a
// private-use character, and each <p> of its result is split back there
// (splitJoined): the blocks the classifier sees are the same. Real article
// pages stay far below the cap (of 711, the most held some 600
// paragraphs), so their extraction is untouched.

// maxParagraphs is the number of <p> elements from which runs are joined
// (a variable so that a test can compare the extraction without joining).
var maxParagraphs = 1000

// paragraphGroup is the most paragraphs joined into one.
const paragraphGroup = 64

// paragraphMark separates joined paragraphs. A private-use character: no
// page writes it, and go-trafilatura keeps it as text.
const paragraphMark = "\uE000"

// joinParagraphs joins runs of sibling <p> elements with the same
// attributes, separated by nothing but white space, into one <p> each, when
// the page holds more than maxParagraphs of them. It reports whether it
// joined any.
func joinParagraphs(doc *html.Node) bool {
	n := 0
	var count func(*html.Node)
	count = func(x *html.Node) {
		if x.Type == html.ElementNode && x.DataAtom == atom.P {
			n++
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			count(c)
		}
	}
	count(doc)
	if n <= maxParagraphs {
		return false
	}
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom != atom.P {
				walk(c)
				continue
			}
			joined := 1
			for joined < paragraphGroup {
				next := c.NextSibling
				for next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
					next = next.NextSibling
				}
				if next == nil || next.Type != html.ElementNode || next.DataAtom != atom.P || !sameAttrs(c, next) {
					break
				}
				for s := c.NextSibling; s != next; {
					t := s.NextSibling
					x.RemoveChild(s)
					s = t
				}
				x.RemoveChild(next)
				c.AppendChild(&html.Node{Type: html.TextNode, Data: paragraphMark})
				for g := next.FirstChild; g != nil; {
					t := g.NextSibling
					next.RemoveChild(g)
					c.AppendChild(g)
					g = t
				}
				joined++
			}
		}
	}
	walk(doc)
	return true
}

// splitJoined splits each element of the extract at the paragraph marks
// among its children into as many copies of it, side by side.
func splitJoined(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			splitJoined(c)
		}
	}
	if n.Type != html.ElementNode || n.Parent == nil {
		return
	}
	cur := n
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if cur != n {
			n.RemoveChild(c)
			cur.AppendChild(c)
		}
		if c.Type == html.TextNode && strings.Contains(c.Data, paragraphMark) {
			parts := strings.Split(c.Data, paragraphMark)
			c.Data = parts[0]
			for _, part := range parts[1:] {
				p := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
				n.Parent.InsertBefore(p, cur.NextSibling)
				cur = p
				if part != "" {
					p.AppendChild(&html.Node{Type: html.TextNode, Data: part})
				}
			}
		}
		c = next
	}
}

func sameAttrs(a, b *html.Node) bool {
	if len(a.Attr) != len(b.Attr) {
		return false
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return false
		}
	}
	return true
}

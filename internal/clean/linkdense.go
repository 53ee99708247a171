package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// go-trafilatura drops link-dense blocks by its own measure, but a menu of
// teasers (a headline and its blurb, both inside the link), a list of
// links to other pages or a table of contents often survives it. Its output
// no longer holds the links, so the page's own markup decides: a block of
// the page whose text is almost all link text is navigation, whatever its
// wording, and so is a form's field label. linkTexts records, for each
// text the page shows in a block, a link or a label, whether it is ever
// shown as plain text; a block of the extract goes only when its text
// appears in the page as link-dense and never as anything else, so that a
// heading the page's table of contents repeats as a link stays. When the
// body is the page's visible text instead (fallbackRatio), the same runs
// go from it.

// linkDensity is the share of a block's text inside links from which the
// block counts as link-dense.
const linkDensity = 0.8

// linkBlockTags are the elements measured: those a teaser, a menu item or
// a paragraph is written in.
var linkBlockTags = map[string]bool{
	"p": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"dt": true, "dd": true, "td": true, "th": true, "figcaption": true, "blockquote": true,
}

// linkTexts maps the normalised text (snippetForm) of each measured block,
// link and label of the page to whether the page ever shows that text in a
// block that is not link-dense (false: only ever as links or labels).
func linkTexts(doc *html.Node) map[string]bool {
	out := map[string]bool{}
	var measure func(n *html.Node, inLink bool, all, link *strings.Builder)
	measure = func(n *html.Node, inLink bool, all, link *strings.Builder) {
		switch n.Type {
		case html.TextNode:
			all.WriteString(n.Data)
			if inLink {
				link.WriteString(n.Data)
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "svg":
				return
			case "a":
				inLink = inLink || hasAttr(n, "href")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			measure(c, inLink, all, link)
		}
	}
	// inLink: a teaser's headline and blurb are often both inside one
	// link that wraps the card.
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.ElementNode && n.Data == "a" && hasAttr(n, "href") {
			inLink = true
		}
		if n.Type == html.ElementNode && (linkBlockTags[n.Data] || n.Data == "label" || n.Data == "a" && hasAttr(n, "href")) {
			var all, link strings.Builder
			measure(n, inLink, &all, &link)
			text := snippetForm(all.String())
			if text != "" {
				a, l := len(wordsOf(text)), len(wordsOf(link.String()))
				// A form's field label ("First Name*") is furniture as
				// a link is.
				dense := n.Data == "label" || a > 0 && float64(l) >= linkDensity*float64(a)
				out[text] = out[text] || !dense
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(doc, false)
	return out
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// onlyLinked reports whether a line of the extract is a text the page
// shows only as links.
func onlyLinked(links map[string]bool, line string) bool {
	plain, seen := links[snippetForm(stripMarkdown(strings.TrimSpace(line)))]
	return seen && !plain
}

// markLinkDense removes what the page shows only as links when it comes
// in a run: a list of two items or more, every one a link, or two
// blocks in a row that are. A single linked line inside an article (a
// caption, "Learn about …") stays, and so does a heading, since a
// listicle's or a reading list's headings link to what they name. It
// returns the words removed, which still count as what the extractor kept
// when its body is weighed against the visible text's (fallbackRatio).
func (c *classifier) markLinkDense(links map[string]bool) (words int) {
	linked := make([]bool, len(c.blocks))
	for i := range c.blocks {
		lines := strings.Split(c.blocks[i].Text, "\n")
		all := true
		for _, l := range lines {
			if strings.TrimSpace(l) != "" && !onlyLinked(links, strings.TrimSuffix(l, `\`)) {
				all = false
				break
			}
		}
		linked[i] = all
		if all && len(lines) >= 2 && !c.settled(i) {
			c.remove(i, ReasonNavigation)
			words += len(wordsOf(c.blocks[i].Text))
		}
	}
	for i := 0; i < len(c.blocks); {
		j := i
		for j < len(c.blocks) && linked[j] {
			j++
		}
		if j-i >= 2 {
			for k := i; k < j; k++ {
				if !c.settled(k) && !strings.HasPrefix(c.blocks[k].Text, "#") {
					c.remove(k, ReasonNavigation)
					words += len(wordsOf(c.blocks[k].Text))
				}
			}
		}
		i = j + 1
	}
	return words
}

package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// go-trafilatura trims the text around the inline elements of a list item or
// a table cell, so "<li><b>Soil:</b> Peat-based mix</li>" comes out as
// "<b>Soil:</b>Peat-based mix": words run together, and the Markdown
// ("**Soil:**Peat") no longer renders as bold. restoreSpaces puts back the
// white space at such a join where the page's visible text has it.

// joinContext is how much text on each side of a join is matched against
// the visible text.
const joinContext = 24

// restoreSpaces inserts a space (or the no-break space the page had) at each
// join between two pieces of inline text of the extracted content where
// neither side has white space and the visible text shows the two pieces
// apart but never together.
func restoreSpaces(content *html.Node, visible string) {
	var prev *html.Node // the last text node of the current run of inline text
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			if prev != nil {
				if sep := lostSpace(prev.Data, n.Data, visible); sep != "" {
					n.Data = sep + n.Data
				}
			}
			if strings.TrimSpace(n.Data) != "" {
				prev = n
			}
			return
		case n.Type == html.ElementNode && (blockElements[n.Data] || n.Data == "br"):
			prev = nil
			defer func() { prev = nil }()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(content)
}

// lostSpace returns the white space the page shows between left and right,
// or "" when they already have some between them or the page shows them
// joined.
func lostSpace(left, right, visible string) string {
	l, _ := utf8.DecodeLastRuneInString(left)
	r, _ := utf8.DecodeRuneInString(right)
	if l == utf8.RuneError || r == utf8.RuneError || unicode.IsSpace(l) || unicode.IsSpace(r) {
		return ""
	}
	// The visible text has its white space collapsed; so must the pieces.
	left = tail(strings.Join(strings.Fields(left), " "), joinContext)
	right = head(strings.Join(strings.Fields(right), " "), joinContext)
	if strings.Contains(visible, left+right) {
		return ""
	}
	for _, sep := range []string{" ", "\u00a0"} {
		if strings.Contains(visible, left+sep+right) {
			return sep
		}
	}
	return ""
}

// tail is the last n bytes of s or a little fewer, cut at a rune boundary;
// head is the first.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

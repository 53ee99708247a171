package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// GFM's linkify links text that starts with "http://", "https://",
// "ftp://" or "www.", and email addresses. goldmark tries it at every
// space of every paragraph, and it is a large part of the parse. Two
// shortcuts spare that work where it cannot find anything, with the same
// result (FuzzLinkifySkip checks it):
//
//   - a source with no '@', "://" or "www." is parsed without linkify
//     (mayLinkify);
//   - elsewhere, linkify is tried at a space only if the rest of its line
//     holds one of them: an address starts at the space, and every kind
//     of address holds its mark at or after its start (lineLinkify).

// mayLinkify reports whether GFM's linkify could find an address in src.
func mayLinkify(src []byte) bool {
	return firstLinkMark(src) >= 0
}

// firstLinkMark is the offset in s of the first '@', "://" or "www.", or
// -1.
func firstLinkMark(s []byte) int {
	first := -1
	for _, i := range [...]int{bytes.IndexByte(s, '@'), bytes.Index(s, []byte("://")), bytes.Index(s, []byte("www."))} {
		if i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// lineLinkify is GFM's linkify, tried only where the rest of the line
// holds an address's mark.
type lineLinkify struct{ parser.InlineParser }

var linkMarkKey = parser.NewContextKey()

// lineMarks is, for the line being parsed (the one ending at stop, in
// source offsets), the offset of its next mark, or -1 for none.
type lineMarks struct{ stop, next int }

func (p lineLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m, _ := pc.Get(linkMarkKey).(*lineMarks)
	if m == nil {
		m = &lineMarks{stop: -1}
		pc.Set(linkMarkKey, m)
	}
	if m.stop != seg.Stop || (m.next >= 0 && m.next < seg.Start) {
		m.stop, m.next = seg.Stop, -1
		if i := firstLinkMark(line); i >= 0 {
			m.next = seg.Start + i
		}
	}
	if m.next < 0 {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// lineLinkifyExtension installs lineLinkify in place of GFM's linkify.
type lineLinkifyExtension struct{}

func (lineLinkifyExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(lineLinkify{extension.NewLinkifyParser()}, 999),
	))
}

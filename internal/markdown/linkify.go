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
// source offsets), where each kind of mark ('@', "://", "www.") was last
// found: at[k] is its offset, -1 when the rest of the line has none, -2
// when not yet looked for. Each kind is looked for again only once the
// parse has passed it, from there on, so a line is read about once per
// kind however many spaces and marks it holds (reading the whole rest of
// the line at every space was quadratic in a long line of addresses).
type lineMarks struct {
	stop int
	at   [3]int
}

var linkMarks = [...][]byte{[]byte("@"), []byte("://"), []byte("www.")}

func (p lineLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m, _ := pc.Get(linkMarkKey).(*lineMarks)
	if m == nil {
		m = &lineMarks{stop: -1}
		pc.Set(linkMarkKey, m)
	}
	if m.stop != seg.Stop {
		m.stop, m.at = seg.Stop, [3]int{-2, -2, -2}
	}
	found := false
	for k, mark := range linkMarks {
		if m.at[k] == -2 || (m.at[k] >= 0 && m.at[k] < seg.Start) {
			m.at[k] = -1
			if i := bytes.Index(line, mark); i >= 0 {
				m.at[k] = seg.Start + i
			}
		}
		found = found || m.at[k] >= 0
	}
	if !found {
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

package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// headingIDs is goldmark's heading id generator with ids reserved: the
// page's own (Options.ReservedIDs) are taken before the first heading, so
// that "## Source" on an article page becomes "source-1" instead of a
// second "source"; a heading that would get a paragraph's id ("## P1")
// gets the next free one too ("p1-1"). Headings that need no change keep
// goldmark's ids, so links to them stay as they were.
type headingIDs struct{ parser.IDs }

func newHeadingIDs(reserved map[string]bool) parser.IDs {
	ids := parser.NewContext().IDs() // goldmark's own generator
	for id := range reserved {
		ids.Put([]byte(id))
	}
	return headingIDs{ids}
}

func (h headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	id := h.IDs.Generate(value, kind)
	for isParagraphID(id) {
		id = h.IDs.Generate(value, kind) // the first is now taken: "p1-1"
	}
	return id
}

// isParagraphID reports whether id is one the transformer gives a
// paragraph: "p" and a number.
func isParagraphID(id []byte) bool {
	if len(id) < 2 || id[0] != 'p' {
		return false
	}
	for _, c := range id[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// prefixKey is the document's meta key for Options.IDPrefix, which the
// footnote renderer reads through footnotePrefix.
const prefixKey = "dossier.idprefix"

// footnotePrefix is the IDPrefix of the footnote's document, so that the
// footnotes of two articles in one page do not share "fn:1".
func footnotePrefix(n ast.Node) []byte {
	if doc := n.OwnerDocument(); doc != nil {
		if p, ok := doc.Meta()[prefixKey].(string); ok {
			return []byte(p)
		}
	}
	return nil
}

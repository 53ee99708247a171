package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Some shapes of Markdown take goldmark a time that grows with the square
// of their size: a few kilobytes of them stall a build for seconds. A
// source is refused, at the line where it first goes past a limit, rather
// than parsed slowly; the limits are far above what an article needs.
const (
	// MaxNesting is the deepest lists and block quotes may nest (a list
	// in a list item counts one, as does a quote in a quote). goldmark
	// looks at every open container for every line.
	MaxNesting = 32
	// MaxFootnotes is the most footnote marks ("[^1]", in the text and
	// at the definitions) a document may have: goldmark matches each
	// reference against every definition, and sorts them one by one.
	MaxFootnotes = 1000
	// MaxLinkScan bounds the bytes goldmark may read for the link
	// destinations ("](") of a document: it reads each one as far as it
	// could go (to the next space, or for "](<" to the next '>' or the
	// line's end) before it knows whether it is one, so a long run of
	// "[a](" without a space is read again from every one of them.
	// Ordinary links cost their own length.
	MaxLinkScan = 4 << 20
	// MaxLinkDefRun is the most lines holding "]:" (as every link
	// reference definition, "[label]: /url", does) a run of lines
	// without a blank one may have: goldmark takes the definitions off
	// the start of a paragraph one at a time, each time going over the
	// rest of it. Counting every such line, not only those that start
	// with "[", also bounds definitions in block quotes and those whose
	// URL or title is on the next line; a blank line (or one holding only
	// ">") ends the run.
	MaxLinkDefRun = 500
)

// checkShape returns the first problem of src's shape that would make its
// parse slow, as an Issue at its line, or nil. It reads src about once.
func checkShape(src []byte) *Issue {
	marks, scan, defs := 0, 0, 0
	for line, rest := 1, src; len(rest) > 0; line++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if n := bytes.Count(l, []byte("[^")); n > 0 {
			marks += n
			if marks > MaxFootnotes {
				return &Issue{line, fmt.Sprintf("more than %d footnote marks ([^…]) in the document: goldmark's time grows with the square of their number; keep fewer footnotes, or split the document", MaxFootnotes)}
			}
		}
		switch {
		case isBlankLine(l):
			defs = 0
		case bytes.Contains(l, []byte("]:")):
			defs++
			if defs > MaxLinkDefRun {
				return &Issue{line, fmt.Sprintf("more than %d lines that may be link definitions (\"[label]: /url\") in a row, here and before, without a blank line: goldmark's time grows with the square of their number; put a blank line between groups of link definitions, or write fewer", MaxLinkDefRun)}
			}
		}
		if bytes.Contains(l, []byte("](")) {
			scan += linkScan(l)
			if scan > MaxLinkScan {
				return &Issue{line, "too many link destinations (\"](\") without a space between them, here and before: goldmark reads each to the next space, so its time grows with the square of their number; put spaces between the links, or write fewer"}
			}
		}
	}
	return nil
}

// isBlankLine reports whether l ends a paragraph, in a block quote or
// out of one: it holds nothing but spaces, tabs and '>' (and a '\r').
func isBlankLine(l []byte) bool {
	for _, c := range l {
		if c != ' ' && c != '\t' && c != '>' && c != '\r' {
			return false
		}
	}
	return true
}

// linkScan is about how many bytes goldmark reads for the link
// destinations opened in line: from each "](" to the next space (or for
// "](<", to the next '>'). The ends are found by scans that only move
// forward, so a line is read about three times whatever it holds.
func linkScan(line []byte) int {
	total, space, gt := 0, 0, 0
	for from := 0; ; {
		i := bytes.Index(line[from:], []byte("]("))
		if i < 0 {
			return total
		}
		at := from + i + 2
		from = at
		if at < len(line) && line[at] == '<' {
			if gt < at {
				gt = at
				if j := bytes.IndexByte(line[at:], '>'); j >= 0 {
					gt = at + j
				} else {
					gt = len(line)
				}
			}
			total += gt - at
			continue
		}
		if space < at {
			space = at
			for space < len(line) && line[space] != ' ' && line[space] != '\t' {
				space++
			}
		}
		total += space - at
	}
}

// nestingLimit wraps the list and block quote parsers: past MaxNesting
// open containers it opens none, so goldmark's work per line stays
// bounded, and the conversion records an error at that line.
type nestingLimit struct{ parser.BlockParser }

func (p nestingLimit) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	depth := 0
	for n := parent; n != nil; n = n.Parent() {
		// A list nests in a list item; goldmark also tries to open one
		// with the list itself as parent, which nests nothing deeper.
		if k := n.Kind(); k == ast.KindListItem || k == ast.KindBlockquote {
			depth++
		}
	}
	if depth >= MaxNesting {
		if st, _ := pc.Get(stateKey).(*state); st != nil && !st.tooDeep {
			st.tooDeep = true
			_, seg := reader.PeekLine()
			st.doc.Errors = append(st.doc.Errors, Issue{st.lineOf(seg.Start), fmt.Sprintf("lists and block quotes nest more than %d deep here: goldmark's time grows with the depth on every line; nest them less", MaxNesting)})
		}
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// newParser is goldmark's default parser (parser.DefaultBlockParsers and
// the rest) with the list and block quote parsers bounded by nestingLimit.
func newParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(
			util.Prioritized(parser.NewSetextHeadingParser(), 100),
			util.Prioritized(parser.NewThematicBreakParser(), 200),
			util.Prioritized(nestingLimit{parser.NewListParser()}, 300),
			util.Prioritized(parser.NewListItemParser(), 400),
			util.Prioritized(parser.NewCodeBlockParser(), 500),
			util.Prioritized(parser.NewATXHeadingParser(), 600),
			util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
			util.Prioritized(nestingLimit{parser.NewBlockquoteParser()}, 800),
			util.Prioritized(parser.NewHTMLBlockParser(), 900),
			util.Prioritized(parser.NewParagraphParser(), 1000),
		),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}

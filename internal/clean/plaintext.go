package clean

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// PlainText is the body as a reader sees it once rendered: the text of the
// Markdown, without its markers or escapes, one block a line (a list item
// too, with no blank line between items), a table row a line with its cells
// separated by a space, white space collapsed as a browser shows it (a soft
// line break is a space). The benchmark scores this, since its reference is
// plain text.
func (a *Article) PlainText() string {
	src := []byte(strings.Join(a.Body, "\n\n"))
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			switch {
			case n.Kind() == east.KindTableCell:
				if n.NextSibling() != nil {
					b.WriteByte(' ')
				}
			case n.Type() == ast.TypeBlock:
				newline(&b)
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			writeCollapsed(&b, textOf(n, src))
			switch {
			case n.HardLineBreak():
				b.WriteByte('\n')
			case n.SoftLineBreak():
				writeCollapsed(&b, []byte{' '})
			}
		case *ast.String:
			writeCollapsed(&b, n.Value)
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// textOf is a text node as goldmark's HTML renderer shows it: backslash
// escapes and entity references resolved, except in code.
func textOf(n *ast.Text, src []byte) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if n.IsRaw() {
		html.DefaultWriter.RawWrite(w, n.Segment.Value(src))
	} else {
		html.DefaultWriter.Write(w, n.Segment.Value(src))
	}
	w.Flush()
	return []byte(stdhtml.UnescapeString(buf.String()))
}

// newline ends the current line, if there is one: nested blocks (a
// paragraph in a list item) end on the same line break.
func newline(b *strings.Builder) {
	if s := b.String(); s != "" && s[len(s)-1] != '\n' {
		b.WriteByte('\n')
	}
}

// writeCollapsed writes text as a browser lays it out outside <pre>: a run
// of spaces, tabs and line breaks shows as one space, and none at the start
// of a line.
func writeCollapsed(b *strings.Builder, s []byte) {
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if str := b.String(); str == "" || str[len(str)-1] == ' ' || str[len(str)-1] == '\n' {
				continue
			}
			c = ' '
		}
		b.WriteByte(c)
	}
}

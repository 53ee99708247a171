package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Refs are the ids and the URLs a converted document's HTML holds, read
// from its syntax tree instead of from the HTML: the build's link check
// needs them for every page, and scanning the HTML of every article body
// again was a tenth of a large build's time.
type Refs struct {
	IDs   []string // in document order
	Links []Link
}

// A Link is a URL the HTML holds in an element's attribute.
type Link struct {
	Tag, Attr, URL string // "a", "href", "../other.html#p3"
}

// refs reads the Refs of a document that is about to be rendered. It
// returns nil, so that the caller scans the HTML, when the tree holds a
// node whose rendering it does not account for exactly: footnotes (their
// ids and links are the extension's), autolinks, unknown extension nodes,
// or attributes set on anything but a paragraph or a heading.
func refs(root ast.Node) *Refs {
	r := &Refs{}
	ok := true
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.Heading:
			for _, a := range n.Attributes() {
				id, isID := a.Value.([]byte)
				if string(a.Name) != "id" || !isID {
					ok = false
					return ast.WalkStop, nil
				}
				r.IDs = append(r.IDs, string(id))
			}
			return ast.WalkContinue, nil
		case *ast.Link:
			r.Links = append(r.Links, Link{"a", "href", rendered(n.Destination)})
		case *ast.Image:
			r.Links = append(r.Links, Link{"img", "src", rendered(n.Destination)})
			if n.Attributes() != nil {
				ok = false
				return ast.WalkStop, nil
			}
			// Its children are the alt text, written as text, links and all.
			return ast.WalkSkipChildren, nil
		case *localImage:
			r.Links = append(r.Links, Link{"img", "src", n.src()})
			return ast.WalkSkipChildren, nil
		case *backLinks:
			for _, l := range n.links {
				r.Links = append(r.Links, Link{"a", "href", l.Href})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Document, *ast.TextBlock, *ast.Text, *ast.String, *ast.Emphasis,
			*ast.CodeSpan, *ast.Blockquote, *ast.List, *ast.ListItem, *ast.ThematicBreak,
			*ast.CodeBlock, *ast.FencedCodeBlock,
			*east.Table, *east.TableHeader, *east.TableRow, *east.TableCell,
			*east.Strikethrough, *east.TaskCheckBox:
			// Rendered with no id and no URL (a fenced block's wrapper
			// has a label, not an id).
		default:
			ok = false
			return ast.WalkStop, nil
		}
		if n.Attributes() != nil {
			ok = false
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if !ok {
		return nil
	}
	return r
}

// rendered is a link or image destination as goldmark's HTML renderer
// writes it (and an HTML parser reads it back).
func rendered(dest []byte) string {
	dest = util.URLEscape(dest, true)
	if html.IsDangerousURL(dest) {
		return ""
	}
	return string(dest)
}

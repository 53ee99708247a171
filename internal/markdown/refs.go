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
	// Line is the line of the source (1-based) on which the link or image
	// starts, for an error about it; 0 for a link the source does not
	// write (a back-link).
	Line int
}

// refs reads the links of a document that is about to be rendered, with
// their lines, and its Refs. The Refs are nil, so that the caller scans
// the HTML, when the tree holds a node whose rendering it does not account
// for exactly: footnotes (their ids and links are the extension's),
// autolinks, unknown extension nodes, or attributes set on anything but a
// paragraph or a heading. The links are the tree's links and images all
// the same, in document order, for naming a link's line.
func (st *state) refs(root ast.Node) (*Refs, []Link) {
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
					continue
				}
				r.IDs = append(r.IDs, string(id))
			}
			return ast.WalkContinue, nil
		case *ast.Link:
			r.Links = append(r.Links, Link{"a", "href", rendered(n.Destination), st.inlineLine(n)})
		case *ast.Image:
			r.Links = append(r.Links, Link{"img", "src", rendered(n.Destination), st.imageLine(n)})
			if n.Attributes() != nil {
				ok = false
			}
			// Its children are the alt text, written as text, links and all.
			return ast.WalkSkipChildren, nil
		case *localImage:
			r.Links = append(r.Links, Link{"img", "src", n.src(), n.line})
			return ast.WalkSkipChildren, nil
		case *backLinks:
			for _, l := range n.links {
				r.Links = append(r.Links, Link{"a", "href", l.Href, 0})
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
			// Its own ids and URLs are not known; those of the links
			// and images inside it are.
			ok = false
			return ast.WalkContinue, nil
		}
		if n.Attributes() != nil {
			ok = false
		}
		return ast.WalkContinue, nil
	})
	if !ok {
		return nil, r.Links
	}
	return r, r.Links
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

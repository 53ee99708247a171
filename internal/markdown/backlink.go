package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// A BackLink is a link from a paragraph to a page that cites it, such as a
// timeline entry quoting the paragraph.
type BackLink struct {
	Href string // relative to the converted page
	Text string // the link's text, after Options.BackLinksLabel (say, the entry's row)
}

// KindBackLinks is the kind of the node holding a paragraph's back-links.
var KindBackLinks = ast.NewNodeKind("BackLinks")

// backLinks is appended as the last inline of a cited paragraph, after its
// plain text has been taken, so provenance sees only the article's words.
type backLinks struct {
	ast.BaseInline
	links []BackLink
	label string
}

func (n *backLinks) Kind() ast.NodeKind { return KindBackLinks }

func (n *backLinks) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// backLinkRenderer renders the links after the paragraph's text.
type backLinkRenderer struct{}

func (backLinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBackLinks, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		// One line per paragraph, however many entries quote it.
		n := node.(*backLinks)
		w.WriteString(` <span class="backlinks"><span aria-hidden="true">↩ </span>`)
		if n.label != "" {
			w.Write(util.EscapeHTML([]byte(n.label)))
			w.WriteString(" ")
		}
		for i, l := range n.links {
			if i > 0 {
				w.WriteString(" · ")
			}
			w.WriteString(`<a class="backlink" href="`)
			w.Write(util.EscapeHTML([]byte(l.Href)))
			w.WriteString(`">`)
			w.Write(util.EscapeHTML([]byte(l.Text)))
			w.WriteString(`</a>`)
		}
		w.WriteString(`</span>`)
		return ast.WalkSkipChildren, nil
	})
}

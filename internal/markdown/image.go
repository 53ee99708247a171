package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindLocalImage is the kind of the node a checked local image becomes.
var KindLocalImage = ast.NewNodeKind("LocalImage")

// localImage is a local image, resolved and sized, in place of goldmark's
// image node: it is rendered with its size, so that the page keeps its
// place while it loads, and lazily, so that a long article does not load
// every image at once. Its alt text is taken as plain text.
type localImage struct {
	ast.BaseInline
	Image
	alt, title string
	of         *ast.Image // the node it replaces, until it has
}

func (n *localImage) Kind() ast.NodeKind { return KindLocalImage }

func (n *localImage) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// src is the image's URL as the page writes it (and a parser reads it back).
func (n *localImage) src() string { return string(util.URLEscape([]byte(n.URL), true)) }

type imageRenderer struct{}

func (imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLocalImage, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*localImage)
		w.WriteString(`<img src="`)
		w.Write(util.EscapeHTML([]byte(n.src())))
		w.WriteString(`" alt="`)
		w.Write(util.EscapeHTML([]byte(n.alt)))
		w.WriteByte('"')
		if n.title != "" {
			w.WriteString(` title="`)
			w.Write(util.EscapeHTML([]byte(n.title)))
			w.WriteByte('"')
		}
		if n.Width > 0 && n.Height > 0 {
			w.WriteString(` width="` + strconv.Itoa(n.Width) + `" height="` + strconv.Itoa(n.Height) + `"`)
		}
		w.WriteString(` loading="lazy" decoding="async">`)
		return ast.WalkSkipChildren, nil
	})
}

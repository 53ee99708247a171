package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// transformer numbers paragraphs and vets links, images and raw HTML.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	var unwrap, remove []ast.Node
	var images []*localImage // each replaces the image node it was made of
	n := 0
	if st.opts.IDPrefix != "" {
		doc.AddMeta(prefixKey, st.opts.IDPrefix)
	}
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *ast.Heading:
			if id, ok := node.AttributeString("id"); ok && st.opts.IDPrefix != "" {
				if b, ok := id.([]byte); ok {
					node.SetAttributeString("id", []byte(st.opts.IDPrefix+string(b)))
				}
			}
		case *ast.Paragraph:
			p := Paragraph{Text: plainText(node, st.src), Line: st.blockLine(node)}
			if st.opts.ParagraphIDs {
				n++
				p.ID = fmt.Sprintf("p%d", n)
				node.SetAttributeString("id", []byte(st.opts.IDPrefix+p.ID))
				if links := st.opts.BackLinks[p.ID]; len(links) > 0 {
					node.AppendChild(node, &backLinks{links: links, label: st.opts.BackLinksLabel})
				}
			}
			st.doc.Paragraphs = append(st.doc.Paragraphs, p)
		case *ast.Link:
			dest, ok := st.vet(node, string(node.Destination))
			if !ok {
				unwrap = append(unwrap, node)
			}
			node.Destination = []byte(dest)
		case *ast.AutoLink:
			if _, ok := st.vet(node, string(node.URL(st.src))); !ok {
				remove = append(remove, node)
			}
		case *ast.Image:
			dest := string(node.Destination)
			if u, err := url.Parse(dest); err == nil && (u.Scheme != "" || strings.HasPrefix(dest, "//")) {
				st.doc.Errors = append(st.doc.Errors, Issue{st.inlineLine(node), fmt.Sprintf("image %q is not on this site: a remote image is a request leaving the site; save it under content/static/ and link it from there instead", dest)})
				remove = append(remove, node)
				return ast.WalkSkipChildren, nil
			}
			if img := st.image(node, dest); img != nil {
				images = append(images, img)
			} else {
				remove = append(remove, node)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			st.doc.Warnings = append(st.doc.Warnings, Issue{st.inlineLine(node), "raw HTML dropped: write Markdown instead"})
			remove = append(remove, node)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		img.of.Parent().ReplaceChild(img.of.Parent(), img.of, img)
		img.of = nil
	}
	for _, node := range unwrap {
		parent := node.Parent()
		for c := node.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, node, c)
			c = next
		}
		if note := st.notes[node]; note != "" {
			parent.InsertBefore(parent, node, ast.NewString([]byte(note)))
		}
		parent.RemoveChild(parent, node)
	}
	for _, node := range remove {
		if node.Kind() == ast.KindAutoLink {
			// Keep the address as text, so the reader still sees it.
			str := ast.NewString(node.(*ast.AutoLink).Label(st.src))
			node.Parent().InsertBefore(node.Parent(), node, str)
		}
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

// vet checks a link destination: unsafe schemes are dropped, Markdown
// sources are resolved. It returns the destination to use.
func (st *state) vet(node ast.Node, dest string) (string, bool) {
	line := st.inlineLine(node)
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, dest)
	if i := strings.IndexAny(clean, ":/?#"); i > 0 && clean[i] == ':' {
		switch scheme := strings.ToLower(clean[:i]); scheme {
		case "http", "https", "mailto":
			return dest, true
		default:
			st.doc.Warnings = append(st.doc.Warnings, Issue{line, fmt.Sprintf("link %q dropped: the %s: scheme is not allowed (use http, https or mailto)", dest, scheme)})
			return "", false
		}
	}
	if st.opts.IDPrefix != "" && len(dest) > 1 && dest[0] == '#' {
		// A link to an id of this document, which has the prefix too.
		return "#" + st.opts.IDPrefix + dest[1:], true
	}
	p, _, _ := strings.Cut(dest, "#")
	if st.opts.Resolve != nil && strings.HasSuffix(p, ".md") {
		out, err := st.opts.Resolve(dest)
		if err != nil {
			st.doc.Errors = append(st.doc.Errors, Issue{line, err.Error()})
			return dest, true
		}
		return out, true
	}
	if st.opts.ResolveFile != nil && p != "" && !strings.HasPrefix(dest, "/") {
		if _, isLink := node.(*ast.Link); isLink {
			out, note, err := st.opts.ResolveFile(dest)
			switch {
			case err != nil:
				st.doc.Errors = append(st.doc.Errors, Issue{line, err.Error()})
			case out == "":
				if st.notes == nil {
					st.notes = map[ast.Node]string{}
				}
				st.notes[node] = note
				return "", false
			default:
				return out, true
			}
		}
	}
	return dest, true
}

// image checks a local image and resolves it; nil drops it, its problem
// reported. Its alt text is required: a reader who cannot see the image
// has only that.
func (st *state) image(node *ast.Image, dest string) *localImage {
	line := st.imageLine(node)
	alt := plainText(node, st.src)
	if alt == "" {
		st.doc.Errors = append(st.doc.Errors, Issue{line, fmt.Sprintf("image %q has no alt text: add alt text describing the image, ![what it shows](%s)", dest, dest)})
		return nil
	}
	img := &localImage{Image: Image{URL: dest}, alt: alt, title: string(node.Title), of: node, line: line}
	if st.opts.Image != nil {
		var err error
		img.Image, err = st.opts.Image(dest)
		if err != nil {
			st.doc.Errors = append(st.doc.Errors, Issue{line, err.Error()})
			return nil
		}
	}
	return img
}

// imageLine is the line an image starts on: its alt text's, or, when it
// has none, the line of the first "![" after the text before it.
func (st *state) imageLine(node *ast.Image) int {
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return st.lineOf(t.Segment.Start)
		}
	}
	from := -1
	for p := ast.Node(node); p != nil && from < 0; p = p.Parent() {
		for s := p.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if t, ok := s.(*ast.Text); ok {
				from = t.Segment.Stop
				break
			}
		}
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 && from < 0 {
			from = p.Lines().At(0).Start
		}
	}
	if from >= 0 && from <= len(st.src) {
		if i := bytes.Index(st.src[from:], []byte("![")); i >= 0 {
			return st.lineOf(from + i)
		}
	}
	return st.inlineLine(node)
}

// blockLine is the source line on which a block starts.
func (st *state) blockLine(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return st.lineOf(n.Lines().At(0).Start)
	}
	return 0
}

// inlineLine finds the line of an inline node through its first text
// segment, or through its enclosing block.
func (st *state) inlineLine(n ast.Node) int {
	if rh, ok := n.(*ast.RawHTML); ok && rh.Segments.Len() > 0 {
		return st.lineOf(rh.Segments.At(0).Start)
	}
	var line int
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			line = st.lineOf(t.Segment.Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if line > 0 {
		return line
	}
	for p := n; p != nil; p = p.Parent() {
		if l := st.blockLine(p); l > 0 {
			return l
		}
	}
	return 0
}

// plainText is the text a reader sees in an inline container, with
// backslash escapes and entities resolved and line breaks as spaces.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	if n.Type() == ast.TypeBlock { // an inline (an image's alt text) has no lines
		if lines := n.Lines(); lines != nil {
			size := 0
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				size += seg.Stop - seg.Start
			}
			b.Grow(size) // the source's length: the text is about as long
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			// Most text has neither escapes nor entities: two quick scans
			// spare it the three passes that resolve them.
			if !c.IsRaw() && (bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0) {
				v = util.UnescapePunctuations(v)
				v = util.ResolveNumericReferences(v)
				v = util.ResolveEntityNames(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// dropRawHTML renders nothing for raw HTML that slipped past the
// transformer (it removes such nodes; this is the belt to those braces).
type dropRawHTML struct{}

func (dropRawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	nothing := func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	}
	reg.Register(ast.KindRawHTML, nothing)
	reg.Register(ast.KindHTMLBlock, nothing)
}

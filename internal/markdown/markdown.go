// Package markdown is the one configured goldmark of Dossier: GitHub
// Flavored Markdown, footnotes, heading ids, chroma highlighting with CSS
// classes, and no typographer, so the sources' own quote marks stay as
// written.
//
// It is extended through goldmark's AST, never by rewriting HTML:
//   - every paragraph can get a stable id (p1, p2, ...) so other pages can
//     cite it, and its plain text is returned for provenance checks;
//   - raw HTML is dropped (with a warning naming the line), never passed through;
//   - links whose scheme is not http, https or mailto (javascript:, data:,
//     vbscript:, ...) are dropped, keeping their text;
//   - a cited paragraph can end with links back to the pages citing it;
//   - links to other Markdown sources ("../articles/x.md#p3") are rewritten
//     by the caller's Resolve function to the page they become;
//   - images must be local (a remote image would be a request leaving the
//     site) and described (alt text); they get their width and height from
//     the caller's Image function, and load lazily.
package markdown

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options are the per-document settings of a conversion.
type Options struct {
	// ParagraphIDs numbers the paragraphs p1, p2, ... in document order.
	ParagraphIDs bool
	// IDPrefix goes before every id of the document (paragraphs, headings,
	// footnotes) and into the links to them within it ("#x" becomes
	// "#"+IDPrefix+"x"), for pages that hold several documents (the
	// single-file edition): "slug." gives "slug.p1", "slug.fn:1".
	IDPrefix string
	// ReservedIDs are ids the page around the document has (the theme's
	// "main", "source", ...): a heading never takes one, but the next free
	// id goldmark gives ("source-1"), as it does for a repeated heading.
	// Paragraph ids (p1, p2, ...) are always reserved.
	ReservedIDs map[string]bool
	// Resolve rewrites a link destination that names a Markdown source
	// (a path ending in ".md", with an optional #fragment). It returns the
	// new destination, or an error saying what is wrong.
	Resolve func(dest string) (string, error)
	// BackLinks are, by paragraph id, links to the pages that cite the
	// paragraph; they are rendered at its end. Needs ParagraphIDs.
	BackLinks map[string][]BackLink
	// BackLinksLabel goes before a paragraph's back-links, in the page's
	// language: "In the timeline:".
	BackLinksLabel string
	// ResolveFile rewrites any other relative link destination (not a
	// Markdown source, not a #fragment alone). It returns the new
	// destination, or "" to drop the link keeping its text, followed by
	// note; or an error saying what is wrong.
	ResolveFile func(dest string) (out, note string, err error)
	// Image resolves a local image's destination to the URL to show and
	// the image's size. nil leaves local images as written, unsized.
	Image func(dest string) (Image, error)
}

// An Image is a local image as a page shows it.
type Image struct {
	URL           string // the src, relative to the page, or a data: URL
	Width, Height int    // in CSS pixels
}

// A Paragraph is one paragraph of a document, as plain text.
type Paragraph struct {
	ID   string // "p1", ... when Options.ParagraphIDs, else ""
	Text string
	Line int // 1-based line in the source
}

// An Issue is a problem at a line of the source.
type Issue struct {
	Line int
	Msg  string
}

// A Doc is a converted document.
type Doc struct {
	HTML       []byte
	Paragraphs []Paragraph
	// Refs are the ids and URLs in HTML, or nil when they must be read
	// from the HTML itself (see refs).
	Refs *Refs
	// Links are the links and images of the syntax tree with their lines,
	// in document order (Refs.Links when Refs is known): what names the
	// line of a link in an error even when Refs is nil.
	Links    []Link
	Warnings []Issue // dropped raw HTML and unsafe links
	Errors   []Issue // links that Resolve rejected, remote images
}

// A Converter converts Markdown to HTML. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	// plain is md without GFM's autolinks (linkify), for a source in
	// which linkify cannot find one: see mayLinkify.
	plain goldmark.Markdown
}

// New returns the configured converter.
func New() *Converter {
	return &Converter{md: newGoldmark(lineLinkifyExtension{}), plain: newGoldmark()}
}

// newGoldmark is Dossier's goldmark: GitHub Flavored Markdown (given its
// linkify extension, or none) and footnotes.
func newGoldmark(linkify ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(linkify...),
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 1000)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(
				util.Prioritized(dropRawHTML{}, 100),
				util.Prioritized(backLinkRenderer{}, 100),
				util.Prioritized(codeRenderer{}, 100),
				util.Prioritized(imageRenderer{}, 100),
			),
		),
	)
}

var stateKey = parser.NewContextKey()

// state is what one conversion collects while transforming its AST.
type state struct {
	opts  Options
	src   []byte
	lines []int // offsets of line starts
	doc   *Doc
	notes map[ast.Node]string // the text put in place of a link ResolveFile dropped
	// tooDeep is set once the nesting limit has been reported.
	tooDeep bool
}

func (s *state) lineOf(offset int) int {
	return sort.SearchInts(s.lines, offset+1)
}

// Convert renders src. A source whose shape would take goldmark a time
// growing with the square of its size (see MaxNesting and the limits
// beside it) gives a Doc with the problem in Errors, and no HTML.
func (c *Converter) Convert(src []byte, opts Options) (*Doc, error) {
	if is := checkShape(src); is != nil {
		return &Doc{Errors: []Issue{*is}, Refs: &Refs{}}, nil
	}
	st := &state{opts: opts, src: src, doc: &Doc{}}
	st.lines = make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i, b := range src {
		if b == '\n' {
			st.lines = append(st.lines, i+1)
		}
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs(opts.ReservedIDs)))
	pc.Set(stateKey, st)
	md := c.plain
	if mayLinkify(src) {
		md = c.md
	}
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	st.doc.Refs, st.doc.Links = st.refs(root)
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4 + 512) // the HTML is about as long as the Markdown
	if err := md.Renderer().Render(bufWriter{&buf}, src, root); err != nil {
		return nil, err
	}
	st.doc.HTML = buf.Bytes()
	return st.doc, nil
}

// bufWriter lets goldmark render straight into a bytes.Buffer; given a
// plain io.Writer it would put a bufio.Writer of its own in between.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

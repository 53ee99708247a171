package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unique"

	"golang.org/x/net/html"

	"dossier/internal/content"
	"dossier/internal/markdown"
)

// pageRefs is what the link check needs of one HTML page. A build keeps
// it for every page until the end, so it is kept small: the ids sorted in
// a slice (shared by the pages that have the same ids, see idSets), and
// only the links whose check needs other pages, each made unique.
type pageRefs struct {
	ids   []string // sorted
	dups  []string // ids given to more than one element
	links []link
}

// hasID reports whether the page has an element with the id.
func (r pageRefs) hasID(id string) bool { return hasID(r.ids, id) }

// hasID reports whether the sorted ids hold id.
func hasID(ids []string, id string) bool {
	_, ok := slices.BinarySearch(ids, id)
	return ok
}

// idSets shares the sorted ids of pages that have the same ones: most
// article pages have "main", "source" and "p1" to "pN", and then hold one
// slice between them. Each set is keyed by its ids joined with NULs, and
// its ids are substrings of that key, so a set costs little more than its
// text.
type idSets map[string][]string

// share returns ids, sorted, or an equal slice that another page has.
func (s idSets) share(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(0)
		}
		b.WriteString(id)
	}
	key := b.String()
	if have, ok := s[key]; ok {
		if slices.Equal(have, ids) {
			return have
		}
		return ids // ids holding NULs, joined like another page's: not shared
	}
	set := make([]string, len(ids))
	at := 0
	for i, id := range ids {
		set[i] = key[at : at+len(id)]
		at += len(id) + 1
	}
	s[key] = set
	return set
}

type ref struct {
	tag, attr, url string
	rel            string // of a <link>: canonical and alternate are not loaded
	// line is the line of the page's source that writes the link, when
	// it comes from the Markdown the page holds (see scanWithBody); 0
	// for the others (the theme's, a timeline's), which locate finds.
	line int32
}

// A link is a ref made unique (see package unique): a page keeps a handle
// of one word per link, and a link that many pages have (the stylesheet,
// the navigation, the index) is held once however many pages have it.
type link = unique.Handle[ref]

// scanned is a page's ids and URLs as a scan found them: the ids sorted,
// the duplicates among them, and the links that the page alone cannot
// settle. refs makes it the pageRefs a build keeps.
type scanned struct {
	ids, dups []string
	links     []ref
}

// refs is the compact form of the scanned refs. Their ids are shared with
// the pages in sets that have the same (a nil sets shares none).
func (s *scanned) refs(sets idSets) pageRefs {
	r := pageRefs{dups: s.dups}
	if sets != nil {
		r.ids = sets.share(s.ids)
	} else {
		r.ids = slices.Clone(s.ids)
	}
	if len(s.links) > 0 {
		r.links = make([]link, len(s.links))
		for i, l := range s.links {
			r.links[i] = unique.Make(l)
		}
	}
	return r
}

// scanHTML collects the ids and the URLs of one page. Links it can settle
// alone (a #fragment of the page itself that exists, a link to another
// site) are checked here and not kept.
func scanHTML(src []byte) *scanned {
	var s scanned
	s.scan(bytes.NewReader(src), -1, nil)
	s.done()
	return &s
}

// scanWithBody is scanHTML for a page that holds a converted Markdown
// body: the links of the body get the lines of the source that write
// them, from its syntax tree (see markdown.Doc.Links), and when its ids
// and URLs are known from the tree (see markdown.Refs) the body is not
// scanned at all. The body is found by its bytes: html/template writes a
// template.HTML body in element content as it is, so it is whole there,
// and the text before and after it tokenizes as one. A page that does not
// hold it that way is scanned whole, its links without lines.
func scanWithBody(page []byte, md *mdBody) *scanned {
	i := bytes.Index(page, md.html)
	if len(md.html) == 0 || i < 0 {
		return scanHTML(page)
	}
	var s scanned
	rest := io.MultiReader(bytes.NewReader(page[:i]), bytes.NewReader(page[i+len(md.html):]))
	s.scan(rest, i, func() {
		if md.refs != nil {
			s.ids = append(s.ids, md.refs.IDs...)
			for _, l := range md.refs.Links {
				s.links = append(s.links, ref{tag: l.Tag, attr: l.Attr, url: l.URL, line: md.lineOf(l)})
			}
			return
		}
		first := len(s.links)
		s.scan(bytes.NewReader(md.html), -1, nil)
		md.placeLinks(s.links[first:])
	})
	s.done()
	return &s
}

// lineOf is the line of the body's source that writes link l, or 0.
func (md *mdBody) lineOf(l markdown.Link) int32 {
	if l.Line <= 0 {
		return 0
	}
	return int32(md.line + l.Line - 1)
}

// placeLinks gives the links scanned from the body, in order, the lines
// of the tree's links: each takes the line of the next tree link with its
// tag and URL. A link the tree does not know (a footnote's, an autolink)
// matches none and keeps no line.
func (md *mdBody) placeLinks(links []ref) {
	next := 0
	for i := range links {
		for k := next; k < len(md.links); k++ {
			if l := md.links[k]; l.URL == links[i].url && l.Tag == links[i].tag {
				links[i].line = md.lineOf(l)
				next = k + 1
				break
			}
		}
	}
}

// scan adds the ids and URLs of src, a page or parts of one that start
// and end in element content. at > 0 is the offset in src where the body
// was cut out: body is called there, before the first tag at or after it
// (or at the end), so that the refs stay in the page's order.
func (s *scanned) scan(src io.Reader, at int, body func()) {
	z := html.NewTokenizer(src)
	offset := 0
	for {
		tt := z.Next()
		start := offset
		offset += len(z.Raw())
		if body != nil && (tt == html.ErrorToken || (start >= at && tt != html.TextToken)) {
			body()
			body = nil
		}
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		var rel []byte
		first := len(s.links)
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			// The keys are compared as bytes and stored as constants, so
			// that a tag without links costs no allocation.
			var key string
			switch string(k) {
			case "id":
				s.ids = append(s.ids, string(v))
				continue
			case "rel":
				rel = v
				continue
			case "href":
				if string(name) == "base" {
					continue
				}
				key = "href"
			case "src":
				key = "src"
			case "poster":
				key = "poster"
			case "data":
				if string(name) != "object" {
					continue
				}
				key = "data"
			default:
				continue
			}
			s.links = append(s.links, ref{attr: key, url: string(v)})
		}
		if len(s.links) > first {
			t, l := string(name), strings.ToLower(string(rel))
			for i := first; i < len(s.links); i++ {
				s.links[i].tag, s.links[i].rel = t, l
			}
		}
	}
}

// done sorts the ids, finds the ones given twice, and drops the links
// that need no other page.
func (s *scanned) done() {
	sort.Strings(s.ids)
	for i := 1; i < len(s.ids); i++ {
		if s.ids[i] == s.ids[i-1] && (len(s.dups) == 0 || s.dups[len(s.dups)-1] != s.ids[i]) {
			s.dups = append(s.dups, s.ids[i])
		}
	}
	s.links = slices.DeleteFunc(s.links, func(l ref) bool { return settled(l, s.ids) })
}

// settled reports whether a link needs no other page to be judged good:
// a link to another site from an <a> (a resource there is an error), or
// a #fragment of the page itself that exists.
func settled(l ref, ids []string) bool {
	if strings.HasPrefix(l.url, "#") && len(l.url) > 1 && !strings.ContainsAny(l.url, "?/") {
		return hasID(ids, l.url[1:])
	}
	if l.tag == "a" && (strings.HasPrefix(l.url, "https://") || strings.HasPrefix(l.url, "http://")) {
		_, err := url.Parse(l.url)
		return err == nil
	}
	return false
}

// resources are the elements whose URL the browser loads by itself: one
// of these pointing off the site would be a request leaving it.
var resources = map[string]bool{"link": true, "script": true, "img": true, "source": true, "video": true, "audio": true, "iframe": true, "embed": true, "object": true, "track": true, "use": true, "image": true}

// checkAll checks the links of every page in refs, in path order. fsys
// holds the pages' sources, read to name the line of a bad link.
func checkAll(fsys fs.FS, files map[string]bool, refs map[string]pageRefs, sources map[string]string) []error {
	var pages []string
	for p := range refs {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	var errs []error
	for _, p := range pages {
		errs = append(errs, checkPage(fsys, p, refs[p].links, files, refs, sources)...)
	}
	return errs
}

// checkPage checks the given links of page p, naming p's source in errors:
// the source file and the line of the link in it, as the Markdown's syntax
// tree gave it or else where the text is found there (see locate), or the
// page and its source when the link is the theme's.
func checkPage(fsys fs.FS, p string, links []link, files map[string]bool, refs map[string]pageRefs, sources map[string]string) []error {
	src := sources[p]
	from := p
	if src != "" {
		from = fmt.Sprintf("%s (from %s)", p, src)
	}
	var errs []error
	var text []byte // src's, read on the first error
	read := func() []byte {
		if src != "" && text == nil && fsys != nil {
			text, _ = fs.ReadFile(fsys, src)
		}
		return text
	}
	for _, id := range refs[p].dups {
		if line, col := locate(read(), "#"+id); line > 0 {
			errs = append(errs, content.Errorf(src, line, col, "link check: %s: id %q is given to more than one element, so links to it are ambiguous", p, id))
			continue
		}
		errs = append(errs, fmt.Errorf("link check: %s: id %q is given to more than one element, so links to it are ambiguous", from, id))
	}
	exists := func(t string) bool { return files[t] }
	for _, h := range links {
		l := h.Value()
		msg := checkLink(p, l, exists, refs)
		if msg == "" {
			continue
		}
		line, col := int(l.line), 0
		if line > 0 && src != "" {
			col = columnOn(read(), line, l.url)
		} else {
			line, col = locate(read(), l.url)
		}
		if line > 0 {
			errs = append(errs, content.Errorf(src, line, col, "link check: %s: <%s %s=%q>: %s", p, l.tag, l.attr, l.url, msg))
			continue
		}
		errs = append(errs, fmt.Errorf("link check: %s: <%s %s=%q>: %s", from, l.tag, l.attr, l.url, msg))
	}
	return errs
}

// locate returns the line and column (in characters, 1-based) where the
// source text holds the URL u of a page made from it, or 0, 0. A page
// names its links' URLs as the source wrote them, but for a link to
// another source, which becomes the other page's URL: its #fragment is
// looked for then, and as an id a Markdown attribute ({#id}) or a YAML
// file ("id: x", a timeline's) gives. The first place found is taken; a
// URL that the source does not hold comes from the theme.
func locate(text []byte, u string) (line, col int) {
	i := -1
	if u != "" {
		i = bytes.Index(text, []byte(u))
	}
	if _, frag, ok := strings.Cut(u, "#"); ok && frag != "" {
		for _, s := range []string{"#" + frag, "id: " + frag + "\n", "id: \"" + frag + "\""} {
			if i >= 0 {
				break
			}
			i = bytes.Index(text, []byte(s))
		}
	}
	if i < 0 {
		return 0, 0
	}
	before := text[:i]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = 1 + utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	return line, col
}

// columnOn returns the column (in characters, 1-based) at which line of
// the source text holds the URL u as locate finds it from that line's
// start, or 0 when that line does not hold it (the link's text runs over
// lines, or the text is not at hand).
func columnOn(text []byte, line int, u string) int {
	at := 0
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(text[at:], '\n')
		if i < 0 {
			return 0
		}
		at += i + 1
	}
	if l, c := locate(text[at:], u); l == 1 {
		return c
	}
	return 0
}

// checkLink checks link l of page, given which files the site has and
// the refs of its pages; it returns what is wrong, or "".
func checkLink(page string, l ref, exists func(path string) bool, refs map[string]pageRefs) string {
	u, err := url.Parse(l.url)
	if err != nil {
		return "not a valid URL"
	}
	if u.Scheme == "data" && resources[l.tag] {
		return "" // inline: the browser requests nothing
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(l.url, "//") {
		if resources[l.tag] && !(l.tag == "link" && (l.rel == "canonical" || l.rel == "alternate")) {
			return "loads a resource from outside the site; keep it in the site instead"
		}
		if u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto" {
			return ""
		}
		return fmt.Sprintf("the %s: scheme is not allowed", u.Scheme)
	}
	if strings.HasPrefix(u.Path, "/") {
		return "absolute path: write the URL relative to the page so the site works from disk and under any path"
	}
	target := page
	if u.Path != "" {
		target = path.Join(path.Dir(page), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return "leaves the site"
		}
		if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
			return "names a directory: name the file (e.g. index.html) so the link works from disk"
		}
		if !exists(target) {
			if strings.HasSuffix(target, ".html") {
				return fmt.Sprintf("no such file %s in the site", target)
			}
			// Most likely a file of content/ outside static/ (raw/x.txt):
			// the build publishes none of those.
			return fmt.Sprintf("no such file %s in the site: only the pages and the files under %s/ are published; put a copy under %s/ and link %sstatic/%s", target, content.StaticDir, content.StaticDir, rootOf(page), path.Base(target))
		}
	}
	if u.Fragment != "" || strings.HasSuffix(l.url, "#") {
		r, ok := refs[target]
		if !ok && !strings.HasSuffix(target, ".html") {
			// A published file's own fragment (a PDF's #page=2): the
			// browser's to read, not the build's.
			return ""
		}
		if !ok {
			return fmt.Sprintf("a #fragment on %s, which is not an HTML page", target)
		}
		if !r.hasID(u.Fragment) {
			return fmt.Sprintf("no element with id %q in %s", u.Fragment, target)
		}
	}
	return ""
}

// sourceFS is where the link check reads the pages' sources (nil for a
// renderer made without content, as in a test of the check alone).
func (r *renderer) sourceFS() fs.FS {
	if r.c == nil {
		return nil
	}
	return r.c.FS
}

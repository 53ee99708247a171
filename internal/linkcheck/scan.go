// Package linkcheck checks the links of a built site: every URL of every
// page names a file of the site (or another site, from an <a> only), and
// every #fragment an element of the page it names, given once.
//
// A page is scanned once, as it is made (Scan, or ScanWithBody for a page
// holding converted Markdown, whose refs come from its syntax tree), and
// only what the check needs is kept: its ids and the links it cannot
// settle alone (see Refs). A Checker collects the pages of one build and
// checks them at the end; a build that plans its pages (Checker.Plan)
// passes most links as soon as their page is added, so that what it keeps
// does not grow with the site. A Graph keeps a whole check for the next,
// incremental one: which pages link to a #fragment of which (Graph.Recheck).
//
// Errors name the page's source file and the line (and column) of the
// link in it, where it is known.
package linkcheck

import (
	"bytes"
	"io"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unique"

	"golang.org/x/net/html"

	"dossier/internal/markdown"
)

// Refs is what the link check needs of one HTML page. A build keeps
// it for every page until the end, so it is kept small: the ids sorted in
// a slice (shared by the pages that have the same ids, see idSets), and
// only the links whose check needs other pages, each made unique.
type Refs struct {
	ids   []string // sorted
	dups  []string // ids given to more than one element
	links []Link
}

// IDs are the page's ids, sorted.
func (r Refs) IDs() []string { return r.ids }

// Links are the links the page keeps for the check.
func (r Refs) Links() []Link { return r.links }

// hasID reports whether the page has an element with the id.
func (r Refs) hasID(id string) bool { return hasID(r.ids, id) }

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

// A Ref is one URL of a page: the element and attribute that hold it.
type Ref struct {
	Tag, Attr, URL string
	Rel            string // of a <link>: canonical and alternate are not loaded
	// Line is the line of the page's source that writes the link, when
	// it comes from the Markdown the page holds (see ScanWithBody); 0
	// for the others (the theme's, a timeline's), which locate finds.
	Line int32
}

// A link is a ref made unique (see package unique): a page keeps a handle
// of one word per link, and a link that many pages have (the stylesheet,
// the navigation, the index) is held once however many pages have it.
type Link = unique.Handle[Ref]

// Scanned is a page's ids and URLs as a scan found them: the ids sorted,
// the duplicates among them, and the links that the page alone cannot
// settle. refs makes it the Refs a build keeps.
type Scanned struct {
	ids, dups []string
	links     []Ref
}

// refs is the compact form of the scanned refs. Their ids are shared with
// the pages in sets that have the same (a nil sets shares none).
func (s *Scanned) refs(sets idSets) Refs {
	r := Refs{dups: s.dups}
	if sets != nil {
		r.ids = sets.share(s.ids)
	} else {
		r.ids = slices.Clone(s.ids)
	}
	if len(s.links) > 0 {
		r.links = make([]Link, len(s.links))
		for i, l := range s.links {
			r.links[i] = unique.Make(l)
		}
	}
	return r
}

// scanHTML collects the ids and the URLs of one page. Links it can settle
// alone (a #fragment of the page itself that exists, a link to another
// site) are checked here and not kept.
func Scan(src []byte) *Scanned {
	var s Scanned
	s.scan(bytes.NewReader(src), -1, nil)
	s.done()
	return &s
}

// A Body is a page's converted Markdown: the bytes the page holds, and
// what the syntax tree says of them, so that the body need not be
// scanned again and an error names the line of the link in the source.
type Body struct {
	HTML  []byte
	Refs  *markdown.Refs  // the ids and URLs in HTML, if known
	Links []markdown.Link // the links in HTML with their lines (in the Markdown converted)
	Line  int             // the source's line on which the Markdown starts
}

// ScanWithBody is Scan for a page that holds a converted Markdown
// body: the links of the body get the lines of the source that write
// them, from its syntax tree (see markdown.Doc.Links), and when its ids
// and URLs are known from the tree (see markdown.Refs) the body is not
// scanned at all. The body is found by its bytes: html/template writes a
// template.HTML body in element content as it is, so it is whole there,
// and the text before and after it tokenizes as one. A page that does not
// hold it that way is scanned whole, its links without lines.
func ScanWithBody(page []byte, md *Body) *Scanned {
	i := bytes.Index(page, md.HTML)
	if len(md.HTML) == 0 || i < 0 {
		return Scan(page)
	}
	var s Scanned
	rest := io.MultiReader(bytes.NewReader(page[:i]), bytes.NewReader(page[i+len(md.HTML):]))
	s.scan(rest, i, func() {
		if md.Refs != nil {
			s.ids = append(s.ids, md.Refs.IDs...)
			for _, l := range md.Refs.Links {
				s.links = append(s.links, Ref{Tag: l.Tag, Attr: l.Attr, URL: l.URL, Line: md.lineOf(l)})
			}
			return
		}
		first := len(s.links)
		s.scan(bytes.NewReader(md.HTML), -1, nil)
		md.placeLinks(s.links[first:])
	})
	s.done()
	return &s
}

// lineOf is the line of the body's source that writes link l, or 0.
func (md *Body) lineOf(l markdown.Link) int32 {
	if l.Line <= 0 {
		return 0
	}
	return int32(md.Line + l.Line - 1)
}

// placeLinks gives the links scanned from the body, in order, the lines
// of the tree's links: each takes the line of the next tree link with its
// tag and URL. A link the tree does not know (a footnote's, an autolink)
// matches none and keeps no line.
func (md *Body) placeLinks(links []Ref) {
	next := 0
	for i := range links {
		for k := next; k < len(md.Links); k++ {
			if l := md.Links[k]; l.URL == links[i].URL && l.Tag == links[i].Tag {
				links[i].Line = md.lineOf(l)
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
func (s *Scanned) scan(src io.Reader, at int, body func()) {
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
			s.links = append(s.links, Ref{Attr: key, URL: string(v)})
		}
		if len(s.links) > first {
			t, l := string(name), strings.ToLower(string(rel))
			for i := first; i < len(s.links); i++ {
				s.links[i].Tag, s.links[i].Rel = t, l
			}
		}
	}
}

// done sorts the ids, finds the ones given twice, and drops the links
// that need no other page.
func (s *Scanned) done() {
	sort.Strings(s.ids)
	for i := 1; i < len(s.ids); i++ {
		if s.ids[i] == s.ids[i-1] && (len(s.dups) == 0 || s.dups[len(s.dups)-1] != s.ids[i]) {
			s.dups = append(s.dups, s.ids[i])
		}
	}
	s.links = slices.DeleteFunc(s.links, func(l Ref) bool { return settled(l, s.ids) })
}

// settled reports whether a link needs no other page to be judged good:
// a link to another site from an <a> (a resource there is an error), or
// a #fragment of the page itself that exists.
func settled(l Ref, ids []string) bool {
	if strings.HasPrefix(l.URL, "#") && len(l.URL) > 1 && !strings.ContainsAny(l.URL, "?/") {
		return hasID(ids, l.URL[1:])
	}
	if l.Tag == "a" && (strings.HasPrefix(l.URL, "https://") || strings.HasPrefix(l.URL, "http://")) {
		_, err := url.Parse(l.URL)
		return err == nil
	}
	return false
}

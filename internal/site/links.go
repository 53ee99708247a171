package site

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"dossier/internal/markdown"
)

// pageRefs is what the link check needs of one HTML page. A build keeps
// it for every page until the end, so it is kept small: the ids sorted in
// a slice, and only the links whose check needs other pages.
type pageRefs struct {
	ids   []string // sorted
	dups  []string // ids given to more than one element
	links []ref
}

// hasID reports whether the page has an element with the id.
func (r pageRefs) hasID(id string) bool {
	i := sort.SearchStrings(r.ids, id)
	return i < len(r.ids) && r.ids[i] == id
}

type ref struct {
	tag, attr, url string
	rel            string // of a <link>: canonical and alternate are not loaded
}

// scanHTML collects the ids and the URLs of one page. Links it can settle
// alone (a #fragment of the page itself that exists, a link to another
// site) are checked here and not kept.
func scanHTML(src []byte) pageRefs {
	var r pageRefs
	r.scan(bytes.NewReader(src), -1, nil)
	return r.done()
}

// scanWithBody is scanHTML for a page that holds a converted Markdown body
// whose ids and URLs are known from its syntax tree (see markdown.Refs):
// the rest of the page is scanned, the body is not. The body is found by
// its bytes: html/template writes a template.HTML body in element content
// as it is, so it is whole there, and the text before and after it
// tokenizes as one. A page that does not hold it that way is scanned
// whole.
func scanWithBody(page, body []byte, known *markdown.Refs) pageRefs {
	i := bytes.Index(page, body)
	if known == nil || len(body) == 0 || i < 0 {
		return scanHTML(page)
	}
	var r pageRefs
	rest := io.MultiReader(bytes.NewReader(page[:i]), bytes.NewReader(page[i+len(body):]))
	r.scan(rest, i, func() {
		r.ids = append(r.ids, known.IDs...)
		for _, l := range known.Links {
			r.links = append(r.links, ref{tag: l.Tag, attr: l.Attr, url: l.URL})
		}
	})
	return r.done()
}

// scan adds the ids and URLs of src, a page or parts of one that start
// and end in element content. at > 0 is the offset in src where the body
// was cut out: body is called there, before the first tag at or after it
// (or at the end), so that the refs stay in the page's order.
func (r *pageRefs) scan(src io.Reader, at int, body func()) {
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
		first := len(r.links)
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			// The keys are compared as bytes and stored as constants, so
			// that a tag without links costs no allocation.
			var key string
			switch string(k) {
			case "id":
				r.ids = append(r.ids, string(v))
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
			r.links = append(r.links, ref{attr: key, url: string(v)})
		}
		if len(r.links) > first {
			t, l := string(name), strings.ToLower(string(rel))
			for i := first; i < len(r.links); i++ {
				r.links[i].tag, r.links[i].rel = t, l
			}
		}
	}
}

// done sorts the ids, finds the ones given twice, and drops the links
// that need no other page.
func (r pageRefs) done() pageRefs {
	sort.Strings(r.ids)
	for i := 1; i < len(r.ids); i++ {
		if r.ids[i] == r.ids[i-1] && (len(r.dups) == 0 || r.dups[len(r.dups)-1] != r.ids[i]) {
			r.dups = append(r.dups, r.ids[i])
		}
	}
	r.links = slices.DeleteFunc(r.links, func(l ref) bool { return settled(l, r) })
	return r
}

// settled reports whether a link needs no other page to be judged good:
// a link to another site from an <a> (a resource there is an error), or
// a #fragment of the page itself that exists.
func settled(l ref, r pageRefs) bool {
	if strings.HasPrefix(l.url, "#") && len(l.url) > 1 && !strings.ContainsAny(l.url, "?/") {
		return r.hasID(l.url[1:])
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

// checkAll checks the links of every page in refs, in path order.
func checkAll(files map[string][]byte, refs map[string]pageRefs, sources map[string]string) []error {
	var pages []string
	for p := range refs {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	var errs []error
	for _, p := range pages {
		errs = append(errs, checkPage(p, refs[p].links, files, refs, sources)...)
	}
	return errs
}

// checkPage checks the given links of page p, naming p's source in errors.
func checkPage(p string, links []ref, files map[string][]byte, refs map[string]pageRefs, sources map[string]string) []error {
	from := p
	if src := sources[p]; src != "" {
		from = fmt.Sprintf("%s (from %s)", p, src)
	}
	var errs []error
	for _, id := range refs[p].dups {
		errs = append(errs, fmt.Errorf("link check: %s: id %q is given to more than one element, so links to it are ambiguous", from, id))
	}
	for _, l := range links {
		if msg := checkLink(p, l, files, refs); msg != "" {
			errs = append(errs, fmt.Errorf("link check: %s: <%s %s=%q>: %s", from, l.tag, l.attr, l.url, msg))
		}
	}
	return errs
}

func checkLink(page string, l ref, files map[string][]byte, refs map[string]pageRefs) string {
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
		if _, ok := files[target]; !ok {
			return fmt.Sprintf("no such file %s in the site", target)
		}
	}
	if u.Fragment != "" || strings.HasSuffix(l.url, "#") {
		r, ok := refs[target]
		if !ok {
			return fmt.Sprintf("a #fragment on %s, which is not an HTML page", target)
		}
		if !r.hasID(u.Fragment) {
			return fmt.Sprintf("no element with id %q in %s", u.Fragment, target)
		}
	}
	return ""
}

package linkcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"dossier/internal/content"
)

// A Checker collects the pages of one build, as they are made, and checks
// their links at the end. It is not safe for concurrent use: the build
// adds its pages under its own lock.
type Checker struct {
	fsys    fs.FS             // the pages' sources, read to place an error (nil: not at hand)
	exists  func(string) bool // whether the site has a file, as made so far
	refs    map[string]Refs   // each page's ids and the links it keeps
	ids     idSets            // the refs' ids, one slice for the pages that have the same
	sources map[string]string // output path → source file, for errors
	planned map[string]bool   // the pages made for certain (see Plan); nil: links are kept until Check
}

// New is a Checker of the site whose sources are in fsys (nil when they
// are not at hand) and whose files are those exists reports. exists is
// called from Add and Check only.
func New(fsys fs.FS, exists func(path string) bool) *Checker {
	return &Checker{fsys: fsys, exists: exists, refs: map[string]Refs{}, ids: idSets{}, sources: map[string]string{}}
}

// Plan names the pages the build makes for certain (or fails): from now
// on, Add passes a page's links that Check would pass already, so that
// only the others are kept until then. A link passed then passes at the
// end: a build replaces no file and no page's ids, and Check makes sure
// that every planned page was made.
func (c *Checker) Plan(pages []string) {
	c.planned = make(map[string]bool, len(pages))
	for _, p := range pages {
		c.planned[p] = true
	}
}

// Add records the file p made from source ("" for none), and s, the
// scanned refs of p when it is an HTML page (nil otherwise).
func (c *Checker) Add(p, source string, s *Scanned) {
	if s != nil {
		if c.planned != nil {
			c.settle(p, s)
		}
		c.refs[p] = s.refs(c.ids)
	}
	if source != "" {
		c.sources[p] = source
	}
}

// settle drops the links of page p that Check would pass already. What is
// left are links to pages not yet made with a #fragment, and links that
// are wrong, kept so that Check reports them as it always does.
func (c *Checker) settle(p string, s *Scanned) {
	exists := func(t string) bool { return c.exists(t) || c.planned[t] }
	s.links = slices.DeleteFunc(s.links, func(l Ref) bool { return checkLink(p, l, exists, c.refs) == "" })
}

// Refs returns the refs kept of page p.
func (c *Checker) Refs(p string) (Refs, bool) {
	r, ok := c.refs[p]
	return r, ok
}

// Pages are the HTML pages added, in no order.
func (c *Checker) Pages() map[string]Refs { return c.refs }

// Check checks the links every page kept, in path order, and that every
// planned page was made; the error lists every problem (a content.List).
func (c *Checker) Check() error {
	var missing []string
	for p := range c.planned {
		if !c.exists(p) {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return fmt.Errorf("link check: internal error: planned pages not made, though links to them were passed: %s", strings.Join(missing, ", "))
	}
	var errs []error
	for _, p := range slices.Sorted(maps.Keys(c.refs)) {
		errs = append(errs, c.checkPage(p, c.refs[p].links, c.refs)...)
	}
	return listOf(errs)
}

// Next is a Checker for an incremental rebuild after c's build, into the
// files exists reports: it knows the sources of c's pages, and none of
// their refs (the rebuild adds the pages it makes again; see Graph).
func (c *Checker) Next(exists func(path string) bool) *Checker {
	n := New(c.fsys, exists)
	for p, s := range c.sources {
		n.sources[p] = s
	}
	return n
}

// listOf turns the check's errors into one sorted content.List, or nil.
func listOf(errs []error) error {
	var l content.List
	for _, e := range errs {
		l.Add(e)
	}
	return l.Err()
}

// resources are the elements whose URL the browser loads by itself: one
// of these pointing off the site would be a request leaving it.
var resources = map[string]bool{"link": true, "script": true, "img": true, "source": true, "video": true, "audio": true, "iframe": true, "embed": true, "object": true, "track": true, "use": true, "image": true}

// checkPage checks the given links of page p, naming p's source in errors:
// the source file and the line of the link in it, as the Markdown's syntax
// tree gave it or else where the text is found there (see locate), or the
// page and its source when the link is the theme's.
func (c *Checker) checkPage(p string, links []Link, refs map[string]Refs) []error {
	src := c.sources[p]
	from := p
	if src != "" {
		from = fmt.Sprintf("%s (from %s)", p, src)
	}
	var errs []error
	var text []byte // src's, read on the first error
	read := func() []byte {
		if src != "" && text == nil && c.fsys != nil {
			text, _ = fs.ReadFile(c.fsys, src)
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
	for _, h := range links {
		l := h.Value()
		msg := checkLink(p, l, c.exists, refs)
		if msg == "" {
			continue
		}
		line, col := int(l.Line), 0
		if line > 0 && src != "" {
			col = columnOn(read(), line, l.URL)
		} else {
			line, col = locate(read(), l.URL)
		}
		if line > 0 {
			errs = append(errs, content.Errorf(src, line, col, "link check: %s: <%s %s=%q>: %s", p, l.Tag, l.Attr, l.URL, msg))
			continue
		}
		errs = append(errs, fmt.Errorf("link check: %s: <%s %s=%q>: %s", from, l.Tag, l.Attr, l.URL, msg))
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
func checkLink(page string, l Ref, exists func(path string) bool, refs map[string]Refs) string {
	u, err := url.Parse(l.URL)
	if err != nil {
		return "not a valid URL"
	}
	if u.Scheme == "data" && resources[l.Tag] {
		return "" // inline: the browser requests nothing
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(l.URL, "//") {
		if resources[l.Tag] && !(l.Tag == "link" && (l.Rel == "canonical" || l.Rel == "alternate")) {
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
			return fmt.Sprintf("no such file %s in the site: only the pages and the files under %s/ are published; put a copy under %s/ and link %sstatic/%s", target, content.StaticDir, content.StaticDir, strings.Repeat("../", strings.Count(page, "/")), path.Base(target))
		}
	}
	if u.Fragment != "" || strings.HasSuffix(l.URL, "#") {
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

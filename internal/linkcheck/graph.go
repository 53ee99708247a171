package linkcheck

import (
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
)

// A Graph is the last good check of a whole site, kept so that after some
// pages are made again only their links, and the links of other pages
// into them, are checked: the refs of every page, and which pages link to
// a #fragment of which. Only those links can break when another page is
// made again: an incremental rebuild adds or removes no page, but it may
// drop an id.
type Graph struct {
	refs    map[string]Refs
	targets map[string][]string        // page → the page each of its links points to, if it has a #fragment ("" for none)
	linkers map[string]map[string]bool // page → the other pages linking to a #fragment in it
}

// Graph is the graph of c's pages, once c's Check has passed.
func (c *Checker) Graph() *Graph {
	g := &Graph{refs: c.refs, targets: map[string][]string{}, linkers: map[string]map[string]bool{}}
	for p, pr := range c.refs {
		g.setTargets(p, linkTargets(p, pr.links))
	}
	return g
}

// Recheck checks the pages made again, which next has (or, for one it
// has not, the refs of scan(p)), and the #fragment links of every other
// page into them. On success the graph takes the new pages' refs; on
// failure it stays as it was.
func (g *Graph) Recheck(next *Checker, pages []string, scan func(p string) *Scanned) error {
	refs := maps.Clone(g.refs)
	targets := map[string][]string{}
	dirty := map[string]bool{}
	for _, p := range pages {
		pr, ok := next.refs[p]
		if !ok {
			pr = scan(p).refs(nil)
		}
		refs[p] = pr
		targets[p] = linkTargets(p, pr.links)
		dirty[p] = true
	}
	var errs []error
	for _, p := range pages {
		errs = append(errs, next.checkPage(p, refs[p].links, refs)...)
	}
	for _, q := range g.linkersOf(pages, dirty) {
		var into []Link
		for k, t := range g.targets[q] {
			if dirty[t] {
				into = append(into, refs[q].links[k])
			}
		}
		errs = append(errs, next.checkPage(q, into, refs)...)
	}
	if err := listOf(errs); err != nil {
		return err
	}
	g.refs = refs
	for p, t := range targets {
		g.setTargets(p, t)
	}
	return nil
}

// linkersOf returns, sorted, the pages not in dirty that link to any of pages.
func (g *Graph) linkersOf(pages []string, dirty map[string]bool) []string {
	set := map[string]bool{}
	for _, p := range pages {
		for q := range g.linkers[p] {
			if !dirty[q] {
				set[q] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// setTargets records where page p's links point, keeping linkers in step.
func (g *Graph) setTargets(p string, ts []string) {
	for _, t := range g.targets[p] {
		if m := g.linkers[t]; m != nil {
			delete(m, p)
		}
	}
	g.targets[p] = ts
	for _, t := range ts {
		if t == "" || t == p {
			continue
		}
		m := g.linkers[t]
		if m == nil {
			m = map[string]bool{}
			g.linkers[t] = m
		}
		m[p] = true
	}
}

// linkTargets resolves each link of page p that has a #fragment to the
// site path it points to, as checkLink does; it gives "" for the others.
func linkTargets(p string, links []Link) []string {
	ts := make([]string, len(links))
	for i, h := range links {
		l := h.Value()
		if !strings.Contains(l.URL, "#") {
			continue
		}
		u, err := url.Parse(l.URL)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			continue
		}
		ts[i] = p
		if u.Path != "" {
			ts[i] = path.Join(path.Dir(p), u.Path)
		}
	}
	return ts
}

package linkcheck

import (
	"strings"
	"testing"
)

// A checker of a site whose files are those added (as a build's are).
func newTestChecker() (*Checker, func(p string, page string)) {
	made := map[string]bool{}
	c := New(nil, func(p string) bool { return made[p] })
	return c, func(p, page string) {
		made[p] = true
		c.Add(p, "", Scan([]byte(page)))
	}
}

// A lean build passes the links to the pages it plans before they are
// made; the link check fails if one was not made after all.
func TestCheckPlanned(t *testing.T) {
	c, add := newTestChecker()
	c.Plan([]string{"a.html", "b.html"})
	add("a.html", `<a href="b.html">b</a>`)
	if err := c.Check(); err == nil || !strings.HasSuffix(err.Error(), "planned pages not made, though links to them were passed: b.html") {
		t.Errorf("got %v, want b.html named as not made", err)
	}
}

// A planned build settles a link when its page is added if it can; the
// end result is the same whichever of two linked pages is added first.
func TestSettleOrder(t *testing.T) {
	page := func(ids, link string) string {
		return `<main id="main">` + ids + `<a href="` + link + `">x</a></main>`
	}
	for _, tt := range []struct {
		name string
		bIDs string // the ids page b has
		want string // "" for no error
	}{
		{"fragment exists", `<p id="p1">`, ""},
		{"fragment missing", `<p id="p2">`, `no element with id "p1" in b.html`},
	} {
		for _, order := range [][]string{{"a.html", "b.html"}, {"b.html", "a.html"}} {
			t.Run(tt.name+"/"+strings.Join(order, ","), func(t *testing.T) {
				c, add := newTestChecker()
				c.Plan([]string{"a.html", "b.html"})
				pages := map[string]string{"a.html": page("", "b.html#p1"), "b.html": page(tt.bIDs, "a.html")}
				for _, p := range order {
					add(p, pages[p])
				}
				a, _ := c.Refs("a.html")
				if settled := len(a.Links()) == 0; settled != (order[0] == "b.html" && tt.want == "") {
					t.Errorf("a.html's link kept until the end: %v", !settled)
				}
				err := c.Check()
				if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
					t.Errorf("error %v, want one with %q", err, tt.want)
				}
			})
		}
	}
}

// An incremental check finds a #fragment link of a page not made again
// broken by a page that was (its id gone), and on failure keeps the last
// good graph, so that the same pages fail again; once fixed, it passes.
func TestGraphRecheck(t *testing.T) {
	c, add := newTestChecker()
	add("a.html", `<a href="b.html#p2">b</a>`)
	add("b.html", `<p id="p1"></p><p id="p2"></p>`)
	add("c.html", `<a href="b.html">b</a>`)
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	g := c.Graph()
	rebuild := func(b string) error {
		next := c.Next(func(p string) bool { return p == "a.html" || p == "b.html" || p == "c.html" })
		next.Add("b.html", "", Scan([]byte(b)))
		return g.Recheck(next, []string{"b.html"}, nil)
	}
	for range 2 {
		if err := rebuild(`<p id="p1"></p>`); err == nil || !strings.Contains(err.Error(), `a.html: <a href="b.html#p2">: no element with id "p2" in b.html`) {
			t.Errorf("rebuild dropping b.html#p2: %v, want a.html's link named", err)
		}
	}
	if err := rebuild(`<p id="p2"></p>`); err != nil {
		t.Errorf("rebuild keeping b.html#p2: %v", err)
	}
	if err := rebuild(`<p id="p1"></p><a href="#p3">`); err == nil || !strings.Contains(err.Error(), `b.html: <a href="#p3">: no element with id "p3" in b.html`) {
		t.Errorf("rebuild with a broken link of its own: %v", err)
	}
}

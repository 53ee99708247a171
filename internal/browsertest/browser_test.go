package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A variant is one way of reading the site.
type variant struct {
	name  string
	dir   string // the built site on disk
	base  string // URL of the site's root; every request must stay under it
	serve bool   // served over HTTP with GitHub Pages' rules, so 404.html is live
}

func (v variant) inside(u string) bool { return strings.HasPrefix(u, v.base) }

// rel names a URL of the site relative to its root, for messages.
func (v variant) rel(u string) string {
	if r, ok := strings.CutPrefix(u, v.base); ok {
		if r == "" {
			return "./"
		}
		return r
	}
	return u
}

// The two widths every page is checked at.
var (
	desktop = size{"1280", 1280, 800, false}
	phone   = size{"375", 375, 740, true}
)

type size struct {
	name          string
	width, height int64
	mobile        bool
}

func (s size) emulate() chromedp.Action[chromedp.Void] {
	if s.mobile {
		return chromedp.EmulateViewport(s.width, s.height, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(s.width, s.height)
}

// TestBrowser crawls the built site in Chromium from file://, at a server's
// root and under a GitHub Pages project path, checking every page.
func TestBrowser(t *testing.T) {
	tools := require(t, "chromium", "axe")
	axeSrc, err := os.ReadFile(tools["axe"])
	if err != nil {
		t.Fatal(err)
	}
	rootDir := buildSite(t, "/")
	pagesDir := buildSite(t, pagesPrefix)
	rootSrv := httptest.NewServer(pagesServer(rootDir, "/"))
	t.Cleanup(rootSrv.Close)
	pagesSrv := httptest.NewServer(pagesServer(pagesDir, pagesPrefix))
	t.Cleanup(pagesSrv.Close)

	browser := sharedBrowser(t, tools["chromium"])
	shots := newShots(t)
	variants := []variant{
		{name: "file", dir: rootDir, base: (&url.URL{Scheme: "file", Path: filepath.ToSlash(rootDir) + "/"}).String()},
		{name: "root", dir: rootDir, base: rootSrv.URL + "/", serve: true},
		{name: "pages", dir: pagesDir, base: pagesSrv.URL + pagesPrefix, serve: true},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			b := newTab(t, browser, v, string(axeSrc), shots)
			pages := b.crawl()
			if v.name == "file" {
				b.checkReachable(pages)
			}
			if v.serve {
				b.checkServed(pages)
			}
		})
	}
}

// The one headless Chromium all tests share; TestMain stops it.
var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	stopBrowser = func() {}
)

func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser()
	os.Exit(code)
}

// sharedBrowser starts Chromium on first use, with the flags this machine
// needs: no background networking (the network is closed, and a reader's
// copy must not need it) and a fresh profile.
func sharedBrowser(t *testing.T, bin string) context.Context {
	t.Helper()
	browserOnce.Do(func() {
		profile, err := os.MkdirTemp("", "dossier-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(bin),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-extensions", true),
			chromedp.Flag("disable-default-apps", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.UserDataDir(profile),
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		stopBrowser = func() { cancel(); cancelAlloc(); os.RemoveAll(profile) }
		browserCtx, browserErr = ctx, chromedp.Do(ctx)
	})
	if browserErr != nil {
		t.Fatalf("starting %s: %v", bin, browserErr)
	}
	return browserCtx
}

// A tab is one browser tab reading one variant of the site. It records
// what goes wrong on the current page from the browser's events.
type tab struct {
	t     *testing.T
	ctx   context.Context
	v     variant
	axe   string
	shots *shots

	mu       sync.Mutex
	problems []string
	reqURL   map[network.RequestID]string
	docURL   string // the page being checked
	want404  bool   // the page is expected to answer 404
	ids      map[string][]string
	files    map[string]bool // linked files that are not pages, found to exist
	needs    []fragmentNeed
	article  bool // an article's screenshots were taken
	timeline int  // timeline pages checked
}

// A fragmentNeed is a link to a #fragment, which must exist on its page.
type fragmentNeed struct{ from, page, frag, href string }

func newTab(t *testing.T, browser context.Context, v variant, axe string, sh *shots) *tab {
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	b := &tab{t: t, ctx: ctx, v: v, axe: axe, shots: sh, reqURL: map[network.RequestID]string{}, ids: map[string][]string{}, files: map[string]bool{}}
	if err := chromedp.Listen(ctx, b.event); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return b
}

// event records the browser events that mean a reader met a problem.
// It runs on chromedp's reading goroutine, so it only records.
func (b *tab) event(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			b.problemf("console.%s: %s", e.Type, remoteText(e.Args))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		b.problemf("uncaught exception at %s:%d: %s", b.v.rel(d.URL), d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		en := e.Entry
		if en.Level != log.EntryLevelError {
			return
		}
		if b.want404 && en.Source == log.EntrySourceNetwork && en.URL == b.docURL && strings.Contains(en.Text, "404") {
			return // the expected status of a 404 page, which Chromium logs
		}
		b.problemf("console error (%s): %s %s", en.Source, en.Text, b.v.rel(en.URL))
	case *network.EventRequestWillBeSent:
		u := e.Request.URL
		b.reqURL[e.RequestID] = u
		if !b.v.inside(u) && u != b.docURL && !strings.HasPrefix(u, "data:") {
			b.problemf("request leaves the site: %s (%s)", u, e.Type)
		}
	case *network.EventLoadingFailed:
		b.problemf("request failed: %s: %s", b.v.rel(b.reqURL[e.RequestID]), e.ErrorText)
	case *network.EventResponseReceived:
		r := e.Response
		if r.Status >= 400 && !(b.want404 && e.Type == network.ResourceTypeDocument && r.Status == 404) {
			b.problemf("HTTP %d for %s", r.Status, b.v.rel(r.URL))
		}
	}
}

// problemf records a problem on the current page; b.mu is held.
func (b *tab) problemf(format string, args ...any) {
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
}

func (b *tab) addProblem(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problemf(format, args...)
}

func remoteText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Description != "":
			parts = append(parts, a.Description)
		case a.Value != nil:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// run runs one browser action with a time limit.
func run[T any](b *tab, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	return chromedp.Run(ctx, a)
}

func (b *tab) must(err error, what string) bool {
	if err != nil {
		b.addProblem("%s: %v", what, err)
		return false
	}
	return true
}

// pageKey is the URL that names a page: without its fragment, and with a
// directory's index.html spelled out, as the server serves it.
func pageKey(u string) string {
	u, _, _ = strings.Cut(u, "#")
	u, _, _ = strings.Cut(u, "?")
	if strings.HasSuffix(u, "/") {
		u += "index.html"
	}
	return u
}

// crawl visits every page reachable from index.html by following links,
// checks each, and returns the pages it visited, in order.
func (b *tab) crawl() []string {
	start := b.v.base + "index.html"
	queue := []string{start}
	seen := map[string]bool{start: true}
	var visited []string
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		info, ok := b.check(u, 200, true)
		if !ok {
			continue
		}
		visited = append(visited, u)
		for _, l := range info.Links {
			k := pageKey(l.Href)
			if !b.v.inside(k) || seen[k] {
				continue
			}
			seen[k] = true
			if strings.HasSuffix(k, ".html") {
				queue = append(queue, k)
			} else if err := b.exists(k); err != nil {
				b.t.Errorf("%s: link to %s: %v", b.v.rel(u), b.v.rel(k), err)
			} else {
				b.files[k] = true
			}
		}
	}
	b.checkFragments()
	var names []string
	for _, u := range visited {
		names = append(names, b.v.rel(u))
	}
	b.t.Logf("crawled %d pages: %s", len(visited), strings.Join(names, " "))
	if b.timeline == 0 {
		b.t.Logf("no timeline page found under timelines/: the timeline layout checks did not run")
	} else {
		b.t.Logf("checked the layout of %d timeline page(s)", b.timeline)
	}
	if len(visited) < 2 {
		b.t.Errorf("crawl reached %d page(s) from index.html; the index should link to the articles", len(visited))
	}
	return visited
}

// exists checks that a linked file that is not a page (a download, a
// feed) is there, without opening it in the browser.
func (b *tab) exists(u string) error {
	if !b.v.serve {
		p, err := url.Parse(u)
		if err != nil {
			return err
		}
		_, err = os.Stat(filepath.FromSlash(p.Path))
		return err
	}
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return nil
}

// pageInfo is what a page tells the crawler.
type pageInfo struct {
	URL        string `json:"url"`
	Stylesheet bool   `json:"stylesheet"`
	BodyMargin string `json:"bodyMargin"`
	Background string `json:"background"`
	IDs        []string
	Links      []struct {
		Href, Attr, Text string
	}
}

const pageJS = `(() => {
	const links = [...document.querySelectorAll('link[rel~="stylesheet"]')];
	const body = getComputedStyle(document.body);
	return {
		url: location.href,
		stylesheet: document.styleSheets.length > 0 && links.every(l => l.sheet),
		bodyMargin: body.marginTop,
		background: body.backgroundColor,
		ids: [...document.querySelectorAll('[id]')].map(e => e.id)
			.concat([...document.querySelectorAll('a[name]')].map(e => e.name)),
		links: [...document.querySelectorAll('a[href], area[href]')].map(a => ({
			href: a.href, attr: a.getAttribute('href'),
			text: a.textContent.trim().replace(/\s+/g, ' ').slice(0, 50)})),
	};
})()`

// check loads the page at u and checks it; full adds axe-core and the
// screenshots. It reports the page's problems as errors of the test.
func (b *tab) check(u string, status int, full bool) (info pageInfo, ok bool) {
	b.mu.Lock()
	b.problems, b.docURL, b.want404 = nil, u, status == 404
	b.mu.Unlock()
	defer b.report(u)

	if !b.must(b.setScheme("light"), "emulating the light color scheme") ||
		!b.must(chromedp.Do(b.ctx, desktop.emulate()), "emulating 1280×800") {
		return info, false
	}
	resp, err := run(b, chromedp.NavigateResponse(u))
	if !b.must(err, "loading the page") {
		return info, false
	}
	if b.v.serve && (resp == nil || int(resp.Status) != status) {
		got := 0
		if resp != nil {
			got = int(resp.Status)
		}
		b.addProblem("HTTP status %d, want %d", got, status)
	}
	info, err = run(b, chromedp.Evaluate[pageInfo](pageJS))
	if !b.must(err, "reading the page") {
		return info, false
	}
	b.checkStyle(info)
	b.checkLinks(info)

	timeline := strings.HasPrefix(b.v.rel(pageKey(info.URL)), "timelines/")
	if timeline {
		b.mu.Lock()
		b.timeline++
		b.mu.Unlock()
	}
	shot := ""
	if full {
		shot = b.wantShot(info.URL)
	}
	for _, sz := range []size{desktop, phone} {
		if sz == phone && !b.must(chromedp.Do(b.ctx, sz.emulate()), "emulating 375×740") {
			break
		}
		b.checkWidth(sz)
		if timeline {
			b.checkTimeline(sz)
		}
		if shot != "" {
			img, err := run(b, chromedp.FullScreenshot(100))
			if b.must(err, "taking a screenshot") {
				b.shots.add(b.v.name+"-"+shot+"-"+sz.name+".png", img)
			}
		}
		if full && sz == desktop {
			b.checkAxe("light")
			b.checkDark(info)
		}
	}
	return info, true
}

// report turns the problems recorded on the page at u into test errors.
func (b *tab) report(u string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("%s: %s", b.v.rel(u), p)
	}
	if len(b.problems) > 0 {
		b.shots.failed = true
	}
	b.problems = nil
}

// wantShot names the screenshots of the page, or returns "" when the page
// is not one of those a person looks at: the index, the first article, the
// timelines.
func (b *tab) wantShot(u string) string {
	r := b.v.rel(pageKey(u))
	switch {
	case r == "index.html":
		return "index"
	case strings.HasPrefix(r, "articles/") && !b.article:
		b.article = true
		return "article"
	case strings.HasPrefix(r, "timelines/"):
		return "timeline-" + strings.TrimSuffix(strings.ReplaceAll(strings.TrimPrefix(r, "timelines/"), "/", "-"), ".html")
	}
	return ""
}

func (b *tab) setScheme(scheme string) error {
	_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}

// checkStyle asserts the stylesheet loaded (every <link> of one, or an
// inline <style> as in a single-file edition) and applies: the theme sets
// the body's margin to 0, where the browser's own default is 8px.
func (b *tab) checkStyle(info pageInfo) {
	if !info.Stylesheet {
		b.addProblem("no stylesheet, or a <link rel=stylesheet> that did not load")
	}
	if info.BodyMargin != "0px" {
		b.addProblem("stylesheet not applied: body margin is %s, want the theme's 0px", info.BodyMargin)
	}
}

// checkLinks asserts that no link names a bare directory (it would show a
// file listing offline), that a link to #x on the page stays on the page,
// and records the fragments that other links need.
func (b *tab) checkLinks(info pageInfo) {
	here := pageKey(info.URL)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.ids[here] = info.IDs
	for _, l := range info.Links {
		if !b.v.inside(l.Href) {
			continue
		}
		page, frag, hasFrag := strings.Cut(l.Href, "#")
		if strings.HasSuffix(page, "/") && !strings.HasPrefix(l.Attr, "#") {
			b.problemf("link %q (%q) names a directory, not a file: it breaks offline", l.Attr, l.Text)
		}
		if strings.HasPrefix(l.Attr, "#") && pageKey(page) != here {
			b.problemf("link %q (%q) should stay on this page but leads to %s", l.Attr, l.Text, b.v.rel(l.Href))
		}
		if hasFrag && frag != "" {
			if f, err := url.PathUnescape(frag); err == nil {
				frag = f
			}
			b.needs = append(b.needs, fragmentNeed{from: here, page: pageKey(page), frag: frag, href: l.Attr})
		}
	}
}

// checkFragments asserts every #fragment linked to exists on its page.
func (b *tab) checkFragments() {
	for _, n := range b.needs {
		ids, ok := b.ids[n.page]
		switch {
		case !ok:
			b.t.Errorf("%s: link %q: page %s was not crawled, so its #%s is unchecked", b.v.rel(n.from), n.href, b.v.rel(n.page), n.frag)
		case !slices.Contains(ids, n.frag):
			b.t.Errorf("%s: link %q: no element with id %q on %s", b.v.rel(n.from), n.href, n.frag, b.v.rel(n.page))
		}
	}
	b.needs = nil
}

// widthJS measures horizontal overflow and names the elements that stick
// out to the right of the viewport from a parent that does not.
const widthJS = `(() => {
	const de = document.documentElement, w = de.clientWidth;
	const out = [];
	if (de.scrollWidth > w) {
		for (const el of [document.body, ...document.body.querySelectorAll('*')]) {
			const r = el.getBoundingClientRect(), p = el.parentElement.getBoundingClientRect();
			if (r.right > w + 0.5 && p.right <= w + 0.5 && out.length < 8) {
				out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
					(el.classList.length ? '.' + [...el.classList].join('.') : '') +
					' (right edge ' + Math.round(r.right) + 'px)');
			}
		}
	}
	return {viewport: innerWidth, client: w, scroll: de.scrollWidth, over: out};
})()`

func (b *tab) checkWidth(sz size) {
	m, err := run(b, chromedp.Evaluate[struct {
		Viewport, Client, Scroll int
		Over                     []string
	}](widthJS))
	if !b.must(err, "measuring the width at "+sz.name) {
		return
	}
	if m.Viewport != int(sz.width) {
		b.addProblem("at %dpx the layout viewport is %dpx wide: content too wide, or <meta name=viewport> missing", sz.width, m.Viewport)
	}
	if m.Scroll > m.Client {
		b.addProblem("scrolls horizontally at %dpx: content is %dpx wide; sticking out: %s", sz.width, m.Scroll, strings.Join(m.Over, ", "))
	}
}

// timelineJS returns the boxes of the last two data cells, the two events'
// columns, of every body row of the page's table.
const timelineJS = `(() => {
	const t = document.querySelector('table');
	if (!t) return null;
	const rows = [];
	for (const body of t.tBodies) for (const row of body.rows) {
		const tds = [...row.cells].filter(c => c.tagName === 'TD');
		if (tds.length < 2) continue;
		const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
		rows.push({id: row.id || String(rows.length + 1), a: box(tds[tds.length - 2]), b: box(tds[tds.length - 1])});
	}
	return rows;
})()`

// checkTimeline asserts a timeline's two event columns sit side by side on
// a wide screen and stack on a phone.
func (b *tab) checkTimeline(sz size) {
	rows, err := run(b, chromedp.Evaluate[*[]struct {
		ID   string
		A, B [4]float64
	}](timelineJS))
	if !b.must(err, "reading the timeline table") {
		return
	}
	if rows == nil {
		b.addProblem("timeline page has no <table>")
		return
	}
	if len(*rows) == 0 {
		b.addProblem("timeline table has no body row with two event cells")
	}
	bad := 0
	for _, r := range *rows {
		a, c := r.A, r.B // left, top, right, bottom
		sideBySide := c[0] >= a[2]-1 && c[1] < a[3] && a[1] < c[3]
		stacked := c[1] >= a[3]-1
		switch {
		case sz == desktop && !sideBySide:
			b.addProblem("at 1280px, row %s: the two event cells are not side by side (%v, %v)", r.ID, a, c)
			bad++
		case sz == phone && !stacked:
			b.addProblem("at 375px, row %s: the two event cells are not stacked (%v, %v)", r.ID, a, c)
			bad++
		}
		if bad >= 3 {
			break
		}
	}
	b.checkScale(sz)
}

// scaleJS measures the scale strip's drawing shown at this width: its
// width against its section's, and the boxes of its labels.
const scaleJS = `(() => {
	const sec = document.querySelector('section.scale');
	if (!sec) return null;
	const svg = [...sec.querySelectorAll('.scale-drawing > svg')].find(s => getComputedStyle(s).display !== 'none');
	if (!svg) return {shown: false};
	const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
	const cs = getComputedStyle(sec);
	const inner = sec.getBoundingClientRect().width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
	return {shown: true, cls: svg.getAttribute('class'), width: svg.getBoundingClientRect().width, container: inner,
		svg: box(svg), labels: [...svg.querySelectorAll('text')].map(t => ({text: t.textContent, box: box(t)}))};
})()`

// checkScale asserts the scale strip uses its width and that its labels
// neither overlap nor leave the drawing.
func (b *tab) checkScale(sz size) {
	m, err := run(b, chromedp.Evaluate[*struct {
		Shown            bool
		Cls              string
		Width, Container float64
		SVG              [4]float64
		Labels           []struct {
			Text string
			Box  [4]float64
		}
	}](scaleJS))
	if !b.must(err, "measuring the scale strip at "+sz.name) || m == nil {
		return
	}
	if !m.Shown {
		b.addProblem("at %dpx no scale drawing is shown", sz.width)
		return
	}
	if m.Width < 0.9*m.Container {
		b.addProblem("at %dpx the scale strip (%s) is %.0fpx wide, less than 90%% of its %.0fpx", sz.width, m.Cls, m.Width, m.Container)
	}
	for i, l := range m.Labels {
		a := l.Box
		if a[0] < m.SVG[0]-1 || a[2] > m.SVG[2]+1 {
			b.addProblem("at %dpx the scale label %q (%v) leaves the drawing (%v)", sz.width, l.Text, a, m.SVG)
		}
		for _, o := range m.Labels[i+1:] {
			c := o.Box
			if a[0] < c[2]-0.5 && c[0] < a[2]-0.5 && a[1] < c[3]-0.5 && c[1] < a[3]-0.5 {
				b.addProblem("at %dpx the scale labels %q %v and %q %v overlap", sz.width, l.Text, a, o.Text, c)
			}
		}
	}
}

// axeRun runs axe-core's rules for the WCAG 2.2 A and AA success criteria.
// From file:// it does not preload the stylesheets: axe fetches them with
// XMLHttpRequest, which file:// forbids, and the failed fetch would be
// axe's error, not the site's (the page's own <link> loads fine).
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
	resultTypes: ['violations'],
	preload: location.protocol !== 'file:',
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help,
	nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
})))`

// checkAxe runs axe-core on the page in the color scheme now emulated.
func (b *tab) checkAxe(scheme string) {
	if _, err := run(b, chromedp.Evaluate[chromedp.Void](`if (typeof axe === 'undefined') {`+b.axe+"\n}")); !b.must(err, "injecting axe-core") {
		return
	}
	vs, err := run(b, chromedp.Evaluate[[]struct {
		ID, Impact, Help string
		Nodes            []string
	}](axeRun, chromedp.EvalAwaitPromise))
	if !b.must(err, "running axe-core") {
		return
	}
	for _, v := range vs {
		b.addProblem("axe (%s scheme): %s [%s] %s:\n\t%s", scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// checkDark switches to the dark color scheme, asserts the theme follows
// it, runs axe-core there too (contrast differs), and switches back.
func (b *tab) checkDark(light pageInfo) {
	if !b.must(b.setScheme("dark"), "emulating the dark color scheme") {
		return
	}
	defer func() { b.must(b.setScheme("light"), "emulating the light color scheme") }()
	bg, err := run(b, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if b.must(err, "reading the dark background") && bg == light.Background {
		b.addProblem("the dark color scheme changes nothing: the body background is %s in both", bg)
	}
	b.checkAxe("dark")
}

// checkReachable asserts every built page but 404.html was reached by
// following links: a page no link leads to is one no reader finds.
func (b *tab) checkReachable(visited []string) {
	got := map[string]bool{}
	for _, u := range visited {
		got[b.v.rel(pageKey(u))] = true
	}
	for _, f := range htmlFiles(b.t, b.v.dir) {
		if f != "404.html" && !got[f] {
			b.t.Errorf("%s is built but no link from index.html leads to it", f)
		}
	}
}

// checkServed checks what only a server shows: the 404 page at a shallow
// and a deep missing path (styled, its links leading to real pages), every
// page at its address without .html, and the site's root without its slash.
func (b *tab) checkServed(visited []string) {
	pages := map[string]bool{}
	for _, u := range visited {
		pages[pageKey(u)] = true
	}
	for _, missing := range []string{"no-such-page", "deep/er/no-such-page.html"} {
		info, ok := b.check(b.v.base+missing, 404, true)
		if !ok {
			continue
		}
		internal := 0
		for _, l := range info.Links {
			if !b.v.inside(l.Href) {
				continue
			}
			internal++
			if k := pageKey(l.Href); !pages[k] && !b.files[k] {
				b.t.Errorf("%s: link %q (%q) leads to %s, which is not a page or file of the site", missing, l.Attr, l.Text, k)
			}
		}
		if internal == 0 {
			b.t.Errorf("%s: the 404 page links to no page of the site", missing)
		}
		b.checkFragments()
	}
	for _, u := range visited {
		if strings.HasSuffix(u, "/index.html") {
			continue
		}
		b.check(strings.TrimSuffix(u, ".html"), 200, false)
	}
	if info, ok := b.check(strings.TrimSuffix(b.v.base, "/"), 200, false); ok && pageKey(info.URL) != b.v.base+"index.html" {
		b.t.Errorf("%s without its slash ended at %s, not at the index", b.v.base, info.URL)
	}
}

// shots holds screenshots until the test ends, then writes them when asked
// to or when a check failed.
type shots struct {
	mu     sync.Mutex
	imgs   map[string][]byte
	failed bool
}

func newShots(t *testing.T) *shots {
	s := &shots{imgs: map[string][]byte{}}
	t.Cleanup(func() {
		dir := os.Getenv(envScreenshots)
		if dir == "" && !(s.failed || t.Failed()) {
			return
		}
		if dir == "" {
			dir = "screenshots"
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Errorf("screenshots: %v", err)
			return
		}
		for name, img := range s.imgs {
			if err := os.WriteFile(filepath.Join(dir, name), img, 0o644); err != nil {
				t.Errorf("screenshots: %v", err)
				return
			}
		}
		abs, _ := filepath.Abs(dir)
		t.Logf("wrote %d screenshots to %s", len(s.imgs), abs)
	})
	return s
}

func (s *shots) add(name string, img []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.imgs[name] = img
}

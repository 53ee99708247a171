package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// TestTimelineLayoutCheck proves the timeline check itself on small
// fixture tables, since the site may have no timeline page yet: it must
// pass a table that stacks on a phone, and catch one that never stacks
// and one that never sits side by side.
func TestTimelineLayoutCheck(t *testing.T) {
	tools := require(t, "chromium")
	const table = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title>
<link rel="icon" href="data:,">
<style>%s</style></head><body><table><caption>c</caption>
<thead><tr><th scope="col">Phase</th><th scope="col">Hamburg</th><th scope="col">Osaka</th></tr></thead>
<tbody><tr id="r1"><th scope="row">Meeting</th><td>one</td><td>two</td></tr>
<tr id="r2"><th scope="row">Tone</th><td>three</td><td>four</td></tr></tbody></table></body></html>`
	cases := []struct {
		name, css          string
		desktopOK, phoneOK bool
	}{
		{"responsive", `@media (max-width: 40em) { table, tbody, tr, th, td { display: block } }`, true, true},
		{"never stacks", ``, true, false},
		{"always stacks", `table, tbody, tr, th, td { display: block }`, false, true},
	}
	files := fstest.MapFS{}
	for _, c := range cases {
		files["timelines/"+strings.ReplaceAll(c.name, " ", "-")+".html"] = &fstest.MapFile{Data: []byte(strings.Replace(table, "%s", c.css, 1))}
	}
	// A page without an icon link makes Chromium ask for /favicon.ico
	// after its load event, once per origin: the 404 arrived before or
	// after the check below cleared the tab's problems, so the check of
	// a good layout failed on some runs. The fixture declares its icon,
	// and any request for a file it does not have fails the test on
	// every run, wherever it lands.
	fileServer := http.FileServerFS(files)
	var mu sync.Mutex
	var strays []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := files[strings.TrimPrefix(r.URL.Path, "/")]; !ok {
			mu.Lock()
			strays = append(strays, r.URL.Path)
			mu.Unlock()
		}
		fileServer.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	b := newTab(t, sharedBrowser(t, tools["chromium"]), variant{name: "fixture", base: srv.URL + "/", serve: true}, "", nil)

	for _, c := range cases {
		u := srv.URL + "/timelines/" + strings.ReplaceAll(c.name, " ", "-") + ".html"
		for _, sz := range []size{desktop, phone} {
			if err := chromedp.Do(b.ctx, sz.emulate(), chromedp.Navigate(u)); err != nil {
				t.Fatal(err)
			}
			b.mu.Lock()
			b.problems = nil
			b.mu.Unlock()
			b.checkTimeline(sz)
			b.mu.Lock()
			got := b.problems
			b.mu.Unlock()
			wantOK := map[size]bool{desktop: c.desktopOK, phone: c.phoneOK}[sz]
			if wantOK && len(got) > 0 {
				t.Errorf("%s at %s: the check failed a good layout: %s", c.name, sz.name, strings.Join(got, "; "))
			}
			if !wantOK && len(got) == 0 {
				t.Errorf("%s at %s: the check passed a broken layout", c.name, sz.name)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(strays) > 0 {
		t.Errorf("the browser asked for files the fixture does not have: %s", strings.Join(strays, ", "))
	}
}

// TestScaleCheck proves the scale strip's check on fixture drawings: it
// passes labels apart on a full-width strip, and catches labels that
// overlap and a strip that leaves most of its width empty.
func TestScaleCheck(t *testing.T) {
	tools := require(t, "chromium")
	const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title><link rel="icon" href="data:,">
<style>svg { display: block; width: 100%%; font: 14px sans-serif } %s</style></head><body>
<section class="scale"><div class="scale-drawing"><svg width="100%%" height="60" xmlns="http://www.w3.org/2000/svg">
<text x="0" y="20">First label</text><text x="%s" y="20" text-anchor="end">Second label</text></svg></div></section></body></html>`
	cases := []struct {
		name, css, x string
		ok           bool
	}{
		{"apart", "", "100%", true},
		{"overlapping", "", "120", false},
		{"narrow", ".scale-drawing { max-width: 200px }", "100%", false},
	}
	files := fstest.MapFS{}
	for _, c := range cases {
		files["timelines/"+c.name+".html"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(page, c.css, c.x))}
	}
	srv := httptest.NewServer(http.FileServerFS(files))
	t.Cleanup(srv.Close)
	b := newTab(t, sharedBrowser(t, tools["chromium"]), variant{name: "fixture", base: srv.URL + "/", serve: true}, "", nil)
	for _, c := range cases {
		for _, sz := range []size{desktop, phone} {
			if err := chromedp.Do(b.ctx, sz.emulate(), chromedp.Navigate(srv.URL+"/timelines/"+c.name+".html")); err != nil {
				t.Fatal(err)
			}
			b.mu.Lock()
			b.problems = nil
			b.mu.Unlock()
			b.checkScale(sz)
			b.mu.Lock()
			got := b.problems
			b.mu.Unlock()
			if c.ok && len(got) > 0 {
				t.Errorf("%s at %s: the check failed a good strip: %s", c.name, sz.name, strings.Join(got, "; "))
			}
			if !c.ok && len(got) == 0 {
				t.Errorf("%s at %s: the check passed a bad strip", c.name, sz.name)
			}
		}
	}
}

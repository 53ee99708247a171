package browsertest

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSearchFromDisk types into search.html opened from file:// (where
// fetch() is blocked) and checks that a word from each article and one
// from the timeline find their paragraph and entry, and that a result is
// reached with the keyboard.
func TestSearchFromDisk(t *testing.T) {
	tools := require(t, "chromium")
	dir := buildSite(t, "/")
	browser := sharedBrowser(t, tools["chromium"])
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/search.html"}).String()

	cases := []struct{ query, want string }{
		{"Tillerson connected", "articles/trump-raises-russian-interference-with-putin.html#p7"},
		{"Cuomo", "articles/trump-told-putin-not-to-meddle.html#p3"},
		{"inside joke", "articles/trump-told-putin-not-to-meddle.html"},
		{"tone between the leaders chemistry", "timelines/hamburg-to-osaka.html#"},
	}
	for _, c := range cases {
		err := chromedp.Do(ctx,
			chromedp.Navigate(page),
			chromedp.WaitVisible("#search-q"),
			chromedp.SendKeys("#search-q", c.query),
			chromedp.Poll[chromedp.Void](`document.querySelectorAll("#search-results a").length > 0`, chromedp.WithPollingTimeout(10*time.Second)),
		)
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-results a")).map(a => a.getAttribute("href"))`))
		if err != nil {
			t.Fatal(err)
		}
		status, err := chromedp.Run(ctx, chromedp.Text("#search-status"))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range hrefs {
			found = found || strings.HasPrefix(h, c.want)
		}
		if !found {
			t.Errorf("%q: results %q lack %s", c.query, hrefs, c.want)
		}
		if !strings.Contains(status, "result") {
			t.Errorf("%q: the live status says %q", c.query, status)
		}
	}

	// Keyboard: Enter submits the form without leaving the page, Tab past
	// the button reaches the first result, Enter follows it to its paragraph.
	err := chromedp.Do(ctx,
		chromedp.Navigate(page),
		chromedp.WaitVisible("#search-q"),
		chromedp.Focus("#search-q"),
		chromedp.KeyEvent("Cuomo"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll("#search-results a").length > 0`, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.KeyEvent(kb.Tab), // the Search button
		chromedp.KeyEvent(kb.Tab), // the first result
		chromedp.Poll[chromedp.Void](`document.activeElement === document.querySelector("#search-results a")`, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.KeyEvent(kb.Enter),
	)
	if err != nil {
		t.Fatalf("keyboard: %v", err)
	}
	// Enter loads another document; ask for its address until it is there.
	var loc string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if loc, err = chromedp.Run(ctx, chromedp.Location()); err == nil && strings.Contains(loc, "#") {
			break
		}
	}
	if !strings.HasSuffix(loc, "articles/trump-told-putin-not-to-meddle.html#p3") {
		t.Errorf("the first result led to %s", loc)
	}
}

package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"dossier/internal/site"
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

// germanSearchWords is a templates/strings.yaml giving search.js's words
// in German, the count after the query (%[n] verbs) and a singular
// without any count, so that every kind of verb is filled in.
const germanSearchWords = `de:
  search-none: "Keine Treffer für „%s“."
  search-results: "„%[2]s“: %[1]d Treffer."
  search-results.one: "„%[2]s“: ein Treffer."
  search-result-paragraph: "%[1]s, Absatz %[2]s"
  search-result-entry: "%[1]s – %[2]s"
  search-timeline: "Zeitleiste"
`

// TestSearchLanguage builds this repository's dossier with language: de
// and German search words in its templates/strings.yaml, opens search.html
// from file:// and checks that what the script writes (the live status
// for no, one and several results, a paragraph's and a timeline entry's
// link, the timeline's note) is in German, and none of it in English.
func TestSearchLanguage(t *testing.T) {
	tools := require(t, "chromium")
	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS(filepath.Join(repoRoot, "content"))); err != nil {
		t.Fatal(err)
	}
	siteYAML := filepath.Join(src, "content", "site.yaml")
	b, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	de := strings.Replace(string(b), "\nlanguage: en\n", "\nlanguage: de\n", 1)
	if de == string(b) {
		t.Fatal("content/site.yaml has no line language: en to change")
	}
	if err := os.WriteFile(siteYAML, []byte(de), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(src, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "templates", "strings.yaml"), []byte(germanSearchWords), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(src, out, site.Options{}); err != nil {
		t.Fatal(err)
	}
	browser := sharedBrowser(t, tools["chromium"])
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/search.html"}).String()

	type result struct {
		Status string
		Links  []string
		Metas  []string
	}
	search := func(query string) result {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(page),
			chromedp.WaitVisible("#search-q"),
			chromedp.SendKeys("#search-q", query),
			chromedp.Poll[chromedp.Void](`document.getElementById("search-status").textContent !== ""`, chromedp.WithPollingTimeout(10*time.Second)),
		)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[result](`({
			Status: document.getElementById("search-status").textContent,
			Links: Array.from(document.querySelectorAll("#search-results a"), a => a.textContent),
			Metas: Array.from(document.querySelectorAll("#search-results .meta"), m => m.textContent),
		})`))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	if r := search("xyzzy"); r.Status != "Keine Treffer für „xyzzy“." || len(r.Links) != 0 {
		t.Errorf("xyzzy: status %q, links %q; want Keine Treffer für „xyzzy“. and none", r.Status, r.Links)
	}
	counts := map[bool]bool{} // whether one result, seen
	for _, q := range []string{"Cuomo", "Tillerson connected", "Putin", "tone between the leaders chemistry"} {
		r := search(q)
		want := fmt.Sprintf("„%s“: %d Treffer.", q, len(r.Links))
		if len(r.Links) == 1 {
			want = fmt.Sprintf("„%s“: ein Treffer.", q)
		}
		counts[len(r.Links) == 1] = true
		if r.Status != want {
			t.Errorf("%q: the live status says %q, want %q", q, r.Status, want)
		}
		all := strings.Join(append(append([]string{r.Status}, r.Links...), r.Metas...), "\n")
		for _, english := range []string{"result", "paragraph", "Timeline"} {
			if strings.Contains(all, english) {
				t.Errorf("%q: the results say %q in English:\n%s", q, english, all)
			}
		}
		if q == "Cuomo" && !slices.ContainsFunc(r.Links, func(l string) bool { return strings.HasSuffix(l, ", Absatz 3") }) {
			t.Errorf("Cuomo: no link to a paragraph 3 in German: %q", r.Links)
		}
		if q == "tone between the leaders chemistry" {
			if !slices.Contains(r.Metas, " Zeitleiste") || !slices.ContainsFunc(r.Links, func(l string) bool { return strings.Contains(l, " – ") }) {
				t.Errorf("%s: the timeline's entry is not in German: links %q, notes %q", q, r.Links, r.Metas)
			}
		}
	}
	if !counts[true] || !counts[false] {
		t.Errorf("the queries did not give both one result and several (one: %v, several: %v); pick others", counts[true], counts[false])
	}
}

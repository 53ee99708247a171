package browsertest

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"dossier/internal/site"
)

// TestImagesInBrowser builds this repository's dossier with a page that
// shows an image wider than any screen, from content/static/, and checks
// every page as TestBrowser does from file:// (axe, no horizontal
// scrolling on a phone, no failed request), and that the image is shown
// within the column, keeping its proportions, and loaded from disk.
func TestImagesInBrowser(t *testing.T) {
	tools := require(t, "chromium", "axe")
	axeSrc, err := os.ReadFile(tools["axe"])
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS(filepath.Join(repoRoot, "content"))); err != nil {
		t.Fatal(err)
	}
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 2000, 500))); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"content/static/img/wide.png": img.Bytes(),
		"content/pages/pictures.md":   []byte("---\ntitle: Pictures\n---\n\nA wide grey test image:\n\n![A plain grey rectangle, four times as wide as it is high](../static/img/wide.png)\n"),
	}
	for name, b := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(src, out, site.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(os.DirFS(out), "static/img/wide.png"); err != nil {
		t.Fatal(err)
	}
	v := variant{name: "file", dir: out, base: (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}).String()}
	// Its screenshots are not kept: TestBrowser's are of the same pages.
	b := newTab(t, sharedBrowser(t, tools["chromium"]), v, string(axeSrc), &shots{imgs: map[string][]byte{}})
	b.checkReachable(b.crawl())

	type shown struct {
		Natural, Width, Height, Column float64
	}
	for _, sz := range []size{desktop, phone} {
		if err := chromedp.Do(b.ctx, sz.emulate(), chromedp.Navigate(v.base+"pictures.html")); err != nil {
			t.Fatalf("%s: %v", sz.name, err)
		}
		got, err := run(b, chromedp.Evaluate[shown](`(async () => {
				const i = document.querySelector("main img");
				i.scrollIntoView();
				await i.decode();
				const r = i.getBoundingClientRect();
				return {Natural: i.naturalWidth, Width: r.width, Height: r.height, Column: i.parentElement.getBoundingClientRect().width};
			})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", sz.name, err)
		}
		if got.Natural != 2000 || got.Width > got.Column+0.5 || got.Width < 100 || got.Height < got.Width/4-1 || got.Height > got.Width/4+1 {
			t.Errorf("%s: the image is shown %gx%g in a column %g wide (natural width %g); want it loaded, within the column, 4:1", sz.name, got.Width, got.Height, got.Column, got.Natural)
		}
	}
}

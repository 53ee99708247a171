package site

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// pngOf is a w×h PNG.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 0, 0, 255})
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gifOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, image.NewPaletted(image.Rect(0, 0, w, h), []color.Color{color.White, color.Black}), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// staticSite is the fixture with files under content/static/, an article
// and a page showing an image and linking to a file there.
func staticSite(t *testing.T) fstest.MapFS {
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/static/img/map.png"] = &fstest.MapFile{Data: pngOf(t, 64, 48)}
	fsys["content/static/img/anim.gif"] = &fstest.MapFile{Data: gifOf(t, 3, 2)}
	fsys["content/static/img/plan.svg"] = &fstest.MapFile{Data: []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150" width="600px"><rect width="10" height="10"/></svg>`)}
	fsys["content/static/docs/report.pdf"] = &fstest.MapFile{Data: []byte("%PDF-1.4 not really")}
	fsys["content/static/.DS_Store"] = &fstest.MapFile{Data: []byte("junk")}
	fsys["content/articles/beta.md"] = &fstest.MapFile{Data: []byte(betaWith("Beta one.\n\nBeta two ![The map of the summit](../static/img/map.png) and ![A plan](../static/img/plan.svg).\n\nSee [the report](../static/docs/report.pdf#page=2).\n"))}
	fsys["content/pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\n\n![An animation](../static/img/anim.gif)\n\n[The report](../static/docs/report.pdf).\n")}
	return fsys
}

// content/static/ is published under static/ byte for byte, dot files
// left out; an article's and a page's images get their src relative to
// their page, their size from the file, lazy loading, and links to
// static files work from every page.
func TestStaticFilesAndImages(t *testing.T) {
	t.Parallel()
	fsys := staticSite(t)
	res := render(t, fsys)
	for src, out := range map[string]string{
		"content/static/img/map.png":     "static/img/map.png",
		"content/static/img/anim.gif":    "static/img/anim.gif",
		"content/static/img/plan.svg":    "static/img/plan.svg",
		"content/static/docs/report.pdf": "static/docs/report.pdf",
	} {
		if !bytes.Equal(res.Files[out], fsys[src].Data) {
			t.Errorf("%s is not %s as it is", out, src)
		}
	}
	if _, ok := res.Files["static/.DS_Store"]; ok {
		t.Error("a dot file was published")
	}
	checks := []struct{ file, want string }{
		{"articles/beta.html", `<img src="../static/img/map.png" alt="The map of the summit" width="64" height="48" loading="lazy" decoding="async">`},
		{"articles/beta.html", `<img src="../static/img/plan.svg" alt="A plan" width="600" height="300" loading="lazy" decoding="async">`},
		{"articles/beta.html", `<a href="../static/docs/report.pdf#page=2">the report</a>`},
		{"about.html", `<img src="static/img/anim.gif" alt="An animation" width="3" height="2" loading="lazy" decoding="async">`},
		{"about.html", `<a href="static/docs/report.pdf">The report</a>`},
	}
	for _, c := range checks {
		if !strings.Contains(string(res.Files[c.file]), c.want) {
			t.Errorf("%s lacks %s", c.file, c.want)
		}
	}

	// The offline zip holds them.
	zb := res.Files[OfflineZip]
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, f := range zr.File {
		if f.Name == "dossier/static/img/map.png" || f.Name == "dossier/static/docs/report.pdf" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Equal(b, res.Files[strings.TrimPrefix(f.Name, "dossier/")]) {
				t.Errorf("%s differs in the zip", f.Name)
			}
			found++
		}
	}
	if found != 2 {
		t.Errorf("the zip holds %d of the 2 static files looked for", found)
	}

	// The single-file edition inlines the images and references no file:
	// the link to the PDF becomes its text and a note.
	single := res.Files[SingleFile]
	doc, err := html.Parse(bytes.NewReader(single))
	if err != nil {
		t.Fatal(err)
	}
	imgs := 0
	for el := range doc.Descendants() {
		for _, a := range el.Attr {
			if (a.Key == "src" || a.Key == "href") && strings.Contains(a.Val, "static/") {
				t.Errorf("the single file references %s", a.Val)
			}
			if el.Data == "img" && a.Key == "src" {
				imgs++
				if !strings.HasPrefix(a.Val, "data:image/") {
					t.Errorf("the single file's image is %.40s…, not inline", a.Val)
				}
			}
		}
	}
	if imgs != 3 {
		t.Errorf("the single file shows %d images, want 3", imgs)
	}
	if !strings.Contains(string(single), "data:image/png;base64,") || !strings.Contains(string(single), "data:image/svg+xml;base64,") ||
		!strings.Contains(string(single), "the report (static/docs/report.pdf, not included in this single-page edition)") {
		t.Errorf("the single file lacks an inline image or the note for the PDF")
	}
	if err := buildLean(t, fsys); err != nil {
		t.Errorf("lean build: %v", err)
	}
}

// Each problem with a static file or an image names the file and line,
// and what to do.
func TestStaticBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]*fstest.MapFile
		want  []string
	}{
		{"image without alt text", map[string]*fstest.MapFile{
			"content/articles/beta.md": {Data: []byte(betaWith("Beta one.\n\nTwo\nthree ![](../static/img/map.png).\n"))},
		}, []string{`content/articles/beta.md:14: image "../static/img/map.png" has no alt text: add alt text describing the image`}},
		{"missing image", map[string]*fstest.MapFile{
			"content/pages/about.md": {Data: []byte("---\ntitle: About\n---\n\n![A map](../static/img/nope.png)\n")},
		}, []string{`content/pages/about.md:5: image "../static/img/nope.png": no file content/static/img/nope.png; add it under content/static/`}},
		{"image outside content/static", map[string]*fstest.MapFile{
			"content/pages/about.md": {Data: []byte("---\ntitle: About\n---\n\n![A map](map.png)\n")},
		}, []string{`content/pages/about.md:5: image "map.png": keep images under content/static/`}},
		{"missing static file", map[string]*fstest.MapFile{
			"content/articles/beta.md": {Data: []byte(betaWith("See [it](../static/gone.pdf).\n"))},
		}, []string{`content/articles/beta.md:11: link "../static/gone.pdf": no file content/static/gone.pdf`}},
		{"link to a folder", map[string]*fstest.MapFile{
			"content/articles/beta.md": {Data: []byte(betaWith("See [d](../static/img/).\n"))},
		}, []string{`content/articles/beta.md:11: link "../static/img/" names the folder content/static/img/, not a file: name a file in it (e.g. ../static/img/map.png)`}},
		{"link to a folder without its slash", map[string]*fstest.MapFile{
			"content/pages/about.md": {Data: []byte("---\ntitle: About\n---\n\n[d](../static/img)\n")},
		}, []string{`content/pages/about.md:5: link "../static/img" names the folder content/static/img/, not a file: name a file in it (e.g. ../static/img/map.png)`}},
		{"image of a folder", map[string]*fstest.MapFile{
			"content/pages/about.md": {Data: []byte("---\ntitle: About\n---\n\n![A map](../static/img/)\n")},
		}, []string{`content/pages/about.md:5: image "../static/img/" names the folder content/static/img/, not a file`}},
		{"link to a raw file", map[string]*fstest.MapFile{
			"content/articles/beta.md": {Data: []byte(betaWith("See [d](../raw/x.txt).\n"))},
		}, []string{`content/articles/beta.md:11:`, `<a href="../raw/x.txt">: no such file raw/x.txt in the site: only the pages and the files under content/static/ are published; put a copy under content/static/ and link ../static/x.txt`}},
		{"remote image", map[string]*fstest.MapFile{
			"content/articles/beta.md": {Data: []byte(betaWith("![x](https://cdn.example/x.png)\n"))},
		}, []string{`content/articles/beta.md:11: image "https://cdn.example/x.png" is not on this site`}},
		{"webp", map[string]*fstest.MapFile{
			"content/static/a.webp":    {Data: []byte("RIFF\x00\x00\x00\x00WEBPVP8 ")},
			"content/articles/beta.md": {Data: []byte(betaWith("![A photo](../static/a.webp)\n"))},
		}, []string{`content/articles/beta.md:11: image "../static/a.webp": content/static/a.webp: WebP images cannot be sized`, "convert it to PNG or JPEG"}},
		{"not really a png", map[string]*fstest.MapFile{
			"content/static/a.png":     {Data: []byte("hello")},
			"content/articles/beta.md": {Data: []byte(betaWith("![A photo](../static/a.png)\n"))},
		}, []string{`content/articles/beta.md:11: image "../static/a.png": content/static/a.png: cannot read the image's size`}},
		{"svg without a size", map[string]*fstest.MapFile{
			"content/static/a.svg":     {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="50%"></svg>`)},
			"content/articles/beta.md": {Data: []byte(betaWith("![A plan](../static/a.svg)\n"))},
		}, []string{`content/static/a.svg: the <svg> has width="50%": give its width and height in px, or a viewBox`}},
		{"symbolic link", map[string]*fstest.MapFile{
			"content/static/link.png": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
		}, []string{`content/static/link.png: not a regular file (a symbolic link?)`}},
		{"name needing escapes", map[string]*fstest.MapFile{
			"content/static/my photo.png": {Data: pngOf(t, 1, 1)},
		}, []string{`content/static/my photo.png: file name "my photo.png" needs escaping in a URL: rename it`, `"my-photo.png"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := loadTxtar(t, "testdata/site.txtar")
			fsys["content/static/img/map.png"] = &fstest.MapFile{Data: pngOf(t, 4, 4)}
			for k, v := range tt.files {
				fsys[k] = v
			}
			_, err := Render(fsys, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%s\nlacks\n%s", err, w)
				}
			}
		})
	}
}

package content

import (
	"bytes"
	"image"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestImageSize(t *testing.T) {
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 7, 5)), nil); err != nil {
		t.Fatal(err)
	}
	svg := func(attrs string) []byte {
		return []byte(`<?xml version="1.0"?><!-- c --><svg xmlns="http://www.w3.org/2000/svg" ` + attrs + `></svg>`)
	}
	for _, tt := range []struct {
		name string
		data []byte
		w, h int
		err  string
	}{
		{"a.jpg", jpg.Bytes(), 7, 5, ""},
		{"a.JPEG", jpg.Bytes(), 7, 5, ""},
		{"a.png", jpg.Bytes(), 0, 0, "the file is a JPEG image, not PNG: give it the extension .jpeg"},
		{"a.svg", svg(`width="120" height="80px"`), 120, 80, ""},
		{"a.svg", svg(`viewBox="0 0 300.4 150"`), 300, 150, ""},
		{"a.svg", svg(`height="75" viewBox="0,0,300,150"`), 150, 75, ""},
		{"a.svg", svg(`width="10em"`), 0, 0, `the <svg> has width="10em": give its width and height in px, or a viewBox`},
		{"a.svg", svg(``), 0, 0, "has no width and height and no viewBox"},
		{"a.svg", []byte(`<html></html>`), 0, 0, "the root element is <html>, not <svg>"},
		{"a.webp", []byte("RIFF"), 0, 0, "WebP images cannot be sized"},
		{"a.bmp", []byte("BM"), 0, 0, `".bmp" is not an image type the build can size; use PNG, JPEG, GIF or SVG`},
	} {
		w, h, err := ImageSize(tt.name, tt.data)
		if w != tt.w || h != tt.h || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ImageSize(%s, %.40q) = %d, %d, %v; want %d, %d, %q", tt.name, tt.data, w, h, err, tt.w, tt.h, tt.err)
		}
	}
}

func TestListStatic(t *testing.T) {
	fsys := fstest.MapFS{
		"content/static/b.txt":           {Data: []byte("b")},
		"content/static/img/a.png":       {Data: []byte("a")},
		"content/static/.DS_Store":       {Data: []byte("x")},
		"content/static/.git/config":     {Data: []byte("x")},
		"content/static/link":            {Data: []byte("b.txt"), Mode: fs.ModeSymlink},
		"content/static/with space.txt":  {Data: []byte("x")},
		"content/static/ok_name-1.2.pdf": {Data: []byte("x")},
	}
	files, errs := ListStatic(fsys)
	if want := []string{"content/static/b.txt", "content/static/img/a.png", "content/static/ok_name-1.2.pdf"}; !slices.Equal(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
	got := errs.Error()
	for _, want := range []string{"content/static/link: not a regular file", `content/static/with space.txt: file name "with space.txt" needs escaping in a URL: rename it using only letters, digits, '-', '_' and '.' (e.g. "with-space.txt")`} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\nlack %s", got, want)
		}
	}
	if f, err := OpenStatic(fsys, "content/static/link"); err == nil {
		f.Close()
		t.Error("OpenStatic opened a symbolic link")
	}
	if files, errs := ListStatic(fstest.MapFS{}); files != nil || errs != nil {
		t.Errorf("no content/static/: %q, %v", files, errs)
	}
}

// A content/static that is itself a symbolic link is refused, not
// followed: it could publish a folder from anywhere on the disk.
func TestListStaticRootSymlink(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(site, "content", "static")); err != nil {
		t.Fatal(err)
	}
	files, errs := ListStatic(os.DirFS(site))
	if len(files) != 0 {
		t.Errorf("published %q from the folder the link points to", files)
	}
	if want := "content/static: is a symbolic link, not a folder: keep the files themselves under content/static/"; errs.Error() != want {
		t.Errorf("errors %q, want %q", errs.Error(), want)
	}
	// MapFS too, where Lstat of the root reports the link.
	mfs := fstest.MapFS{"content/static": {Data: []byte("../raw"), Mode: fs.ModeSymlink}, "content/raw/a.txt": {Data: []byte("a")}}
	if files, errs := ListStatic(mfs); len(files) != 0 || errs == nil {
		t.Errorf("MapFS: files %q, errors %v", files, errs)
	}
}

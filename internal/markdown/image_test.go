package markdown

import (
	"errors"
	"strings"
	"testing"
)

// A local image gets the URL and size the caller's Image gives, loads
// lazily, and keeps its alt text; its refs name the URL it was given.
func TestLocalImage(t *testing.T) {
	opts := Options{Image: func(dest string) (Image, error) {
		if dest == "../static/missing.png" {
			return Image{}, errors.New("no such image")
		}
		return Image{URL: "static/" + strings.TrimPrefix(dest, "../static/"), Width: 640, Height: 480}, nil
	}}
	d := convert(t, "Text ![A *map* & more](../static/img/map.png \"The map\") after.\n", opts)
	want := `<img src="static/img/map.png" alt="A map &amp; more" title="The map" width="640" height="480" loading="lazy" decoding="async">`
	if !strings.Contains(string(d.HTML), want) || len(d.Errors) != 0 {
		t.Errorf("html = %s, errors = %+v; want %s", d.HTML, d.Errors, want)
	}
	if d.Refs == nil || len(d.Refs.Links) != 1 || d.Refs.Links[0] != (Link{"img", "src", "static/img/map.png"}) {
		t.Errorf("refs = %+v", d.Refs)
	}
	d = convert(t, "one\ntwo ![](../static/a.png)\n\nthree\n\n![x](../static/missing.png)\n", opts)
	if len(d.Errors) != 2 || d.Errors[0].Line != 2 || !strings.Contains(d.Errors[0].Msg, "add alt text describing the image") ||
		d.Errors[1].Line != 6 || d.Errors[1].Msg != "no such image" {
		t.Errorf("errors = %+v", d.Errors)
	}
	if strings.Contains(string(d.HTML), "<img") {
		t.Errorf("a rejected image is still shown: %s", d.HTML)
	}
}

// ResolveFile rewrites relative links other than to Markdown sources, or
// drops them keeping their text and a note.
func TestResolveFile(t *testing.T) {
	opts := Options{ResolveFile: func(dest string) (string, string, error) {
		switch dest {
		case "../static/a.pdf":
			return "static/a.pdf", "", nil
		case "../static/gone.pdf":
			return "", "", errors.New("no such file")
		}
		return "", " (not here)", nil
	}}
	d := convert(t, "[a](../static/a.pdf) [b](../static/b.pdf) [c](https://e.org/c) [d](#p1)\n\n[e](../static/gone.pdf)\n", opts)
	for _, want := range []string{`<a href="static/a.pdf">a</a>`, `b (not here)`, `<a href="https://e.org/c">c</a>`, `<a href="#p1">d</a>`} {
		if !strings.Contains(string(d.HTML), want) {
			t.Errorf("html lacks %s: %s", want, d.HTML)
		}
	}
	if len(d.Errors) != 1 || d.Errors[0].Line != 3 {
		t.Errorf("errors = %+v", d.Errors)
	}
}

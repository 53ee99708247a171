package content

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig reads GIF, JPEG and PNG headers
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
)

// StaticDir holds the files a site publishes as they are: images, PDFs,
// anything an article or page links to. content/static/x is published as
// static/x: under a folder of its own, so that no file a site keeps there
// can take the name of a page the build makes (the build's own pages are
// never under static/), and so that an article's link written relative to
// its source file (../static/img/x.jpg from content/articles/a.md) is the
// same URL from its page (articles/a.html).
const StaticDir = "content/static"

// ListStatic returns the files under content/static/, sorted, as paths
// from the site root. A dot file or dot folder (.DS_Store, .git) is left
// out, as loading the articles leaves them out; anything that is not a
// regular file (a symbolic link, a device), content/static itself being a
// symbolic link, and any name a URL would have to escape is an error
// naming the file. A missing folder is empty.
func ListStatic(fsys fs.FS) ([]string, List) {
	// Lstat: WalkDir follows the root when it is a symbolic link, and would
	// publish whatever folder it points to, outside content/ or not.
	st, err := fs.Lstat(fsys, StaticDir)
	if err != nil {
		return nil, nil
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return nil, List{Errorf(StaticDir, 0, 0, "is a symbolic link, not a folder: keep the files themselves under %s/", StaticDir)}
	}
	var files []string
	var errs List
	err = fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(Errorf(p, 0, 0, "cannot read: %v", err))
			return nil
		}
		if p == StaticDir {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !staticName(name) {
			errs.Add(Errorf(p, 0, 0, "file name %q needs escaping in a URL: rename it using only letters, digits, '-', '_' and '.' (e.g. %q)", name, suggestStatic(name)))
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case !d.Type().IsRegular():
			errs.Add(Errorf(p, 0, 0, "not a regular file (a symbolic link?): keep the file itself under %s/", StaticDir))
		default:
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs.Add(Errorf(StaticDir, 0, 0, "cannot read: %v", err))
	}
	return files, errs
}

// staticName reports whether a file name can stand in a URL as it is:
// ASCII letters, digits, '-', '_' and '.'.
func staticName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return name != ""
}

func suggestStatic(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		if c := name[i]; staticName(string(c)) {
			b.WriteByte(c)
		} else if !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// OpenStatic opens a file of content/static/. It is the one function that
// opens those files, so that what the build accepts of them (a regular
// file, not a link to one elsewhere) is decided in one place. A build
// into a directory copies the file from it as it reads (a static file has
// no size limit, so it is never held whole).
func OpenStatic(fsys fs.FS, name string) (fs.File, error) {
	// Lstat: Open follows a symbolic link, and the file it gives is the
	// link's target, which may be anywhere.
	if st, err := fs.Lstat(fsys, name); err != nil {
		return nil, Errorf(name, 0, 0, "cannot read: %v", err)
	} else if !st.Mode().IsRegular() {
		return nil, Errorf(name, 0, 0, "not a regular file (a symbolic link?): keep the file itself under %s/", StaticDir)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, Errorf(name, 0, 0, "cannot read: %v", err)
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = Errorf(name, 0, 0, "not a regular file: keep the file itself under %s/", StaticDir)
	} else if err != nil {
		err = Errorf(name, 0, 0, "cannot read: %v", err)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ImageTypes are the images an article can show, by extension, with
// their media types: those whose size the build can read, to give every
// <img> its width and height (the page then does not jump as it loads).
var ImageTypes = map[string]string{
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".svg":  "image/svg+xml",
}

// ImageSize returns the width and height in CSS pixels of the image file
// name, whose content is data: from the header of a PNG, JPEG or GIF, and
// from the width, height and viewBox of an SVG's root element. The error
// says what to do.
func ImageSize(name string, data []byte) (int, int, error) {
	return ImageSizeFrom(name, bytes.NewReader(data))
}

// ImageSizeFrom is ImageSize for the content read from r, of which it
// reads only what it needs: the header, or an SVG up to its root element,
// and nothing of a file whose extension is no image's.
func ImageSizeFrom(name string, r io.Reader) (int, int, error) {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".svg":
		return svgSize(r)
	case ".webp":
		return 0, 0, fmt.Errorf("WebP images cannot be sized by this build (the Go standard library reads PNG, JPEG and GIF); convert it to PNG or JPEG")
	}
	if _, ok := ImageTypes[ext]; !ok {
		return 0, 0, fmt.Errorf("%q is not an image type the build can size; use PNG, JPEG, GIF or SVG", ext)
	}
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return 0, 0, fmt.Errorf("cannot read the image's size: %v; is it really a %s file?", err, strings.TrimPrefix(ext, "."))
	}
	if want := strings.TrimPrefix(ImageTypes[ext], "image/"); format != want {
		return 0, 0, fmt.Errorf("the file is a %s image, not %s: give it the extension .%s", strings.ToUpper(format), strings.ToUpper(want), format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("the image is %dx%d pixels: it shows nothing", cfg.Width, cfg.Height)
	}
	return cfg.Width, cfg.Height, nil
}

// svgSize reads an SVG's size from its root element: width and height (in
// px or without a unit), or the viewBox's, or one of them and the
// viewBox's proportions.
func svgSize(r io.Reader) (int, int, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("no <svg> element found: %v", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("the root element is <%s>, not <svg>", el.Name.Local)
		}
		var w, h, vw, vh float64
		var bad string
		for _, a := range el.Attr {
			if a.Name.Space != "" {
				continue
			}
			switch a.Name.Local {
			case "width", "height":
				v, ok := svgLength(a.Value)
				if !ok {
					bad = fmt.Sprintf("%s=%q", a.Name.Local, a.Value)
					continue
				}
				if a.Name.Local == "width" {
					w = v
				} else {
					h = v
				}
			case "viewBox":
				f := strings.FieldsFunc(a.Value, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
				if len(f) == 4 {
					vw, _ = strconv.ParseFloat(f[2], 64)
					vh, _ = strconv.ParseFloat(f[3], 64)
				}
			}
		}
		switch {
		case w > 0 && h > 0:
		case vw > 0 && vh > 0 && w > 0:
			h = w * vh / vw
		case vw > 0 && vh > 0 && h > 0:
			w = h * vw / vh
		case vw > 0 && vh > 0:
			w, h = vw, vh
		default:
			if bad != "" {
				return 0, 0, fmt.Errorf("the <svg> has %s: give its width and height in px, or a viewBox", bad)
			}
			return 0, 0, fmt.Errorf("the <svg> has no width and height and no viewBox: give it a viewBox (e.g. viewBox=\"0 0 640 480\")")
		}
		iw, ih := int(math.Round(w)), int(math.Round(h))
		if iw <= 0 || ih <= 0 {
			return 0, 0, fmt.Errorf("the <svg> is %gx%g: it shows nothing", w, h)
		}
		return iw, ih, nil
	}
}

// svgLength parses an SVG length in CSS pixels: a number, or one in px.
func svgLength(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && v > 0 && !math.IsInf(v, 0)
}

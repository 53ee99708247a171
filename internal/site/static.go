package site

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"dossier/internal/content"
	"dossier/internal/markdown"
)

// StaticOut is where the files of content/static/ are published: each
// content/static/x becomes static/x, as it is.
const StaticOut = "static/"

// A staticFile is a file of content/static/ as the build found it.
type staticFile struct {
	out           string // its output path, static/...
	width, height int    // for an image, its size
	sizeErr       error  // for a file shown as an image, why it cannot be
}

// copyStatic publishes the files of content/static/ and reads the size of
// each image among them, for the pages that show it. Each file is
// streamed from its source into the output (see streamStatic), whatever
// the Output: a build into a directory never holds one whole, and the
// preview, which keeps its files in memory, makes the same site.
func (r *renderer) copyStatic() content.List {
	files, errs := content.ListStatic(r.c.FS)
	r.static = make(map[string]*staticFile, len(files))
	for _, f := range files {
		sf := &staticFile{out: StaticOut + strings.TrimPrefix(f, content.StaticDir+"/")}
		if err := r.streamStatic(f, sf); err != nil {
			errs.Add(err)
			continue
		}
		r.static[f] = sf
	}
	return errs
}

// streamStatic publishes the file f of content/static/ by copying it into
// a file the output creates, so that a file of any size (a video, a
// scanned archive) costs a build into a directory no memory. Of an image
// it first reads the header, for its size.
func (r *renderer) streamStatic(f string, sf *staticFile) error {
	if _, ok := content.ImageTypes[strings.ToLower(path.Ext(f))]; ok {
		src, err := content.OpenStatic(r.c.FS, f)
		if err != nil {
			return err
		}
		sf.width, sf.height, sf.sizeErr = content.ImageSizeFrom(f, src)
		src.Close()
	} else {
		_, _, sf.sizeErr = content.ImageSizeFrom(f, strings.NewReader(""))
	}
	src, err := content.OpenStatic(r.c.FS, f)
	if err != nil {
		return err
	}
	defer src.Close()
	if err := r.claim(sf.out, f); err != nil {
		return err
	}
	w, err := r.out.Create(sf.out)
	if err == nil {
		_, err = io.Copy(w, src)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return content.Errorf(f, 0, 0, "cannot copy to %s: %v", sf.out, err)
	}
	return nil
}

// claim records the output path p, made from source (if any), for a file
// written into the output without add (streamed, so never held, and not
// an HTML page the link check scans). A second file for p is refused, as
// add refuses it.
func (r *renderer) claim(p, source string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	taken := r.files[p]
	if taken && !r.rewrite {
		return fmt.Errorf("two pages would be written to %s; rename one of their sources", p)
	}
	r.files[p] = true
	r.links.Add(p, source, nil)
	return nil
}

// staticTarget resolves a relative destination written in the source file
// to the file of content/static/ it names, if it names one: it returns
// that path, the destination's ?query and #fragment, and whether it is
// under content/static/.
func staticTarget(file, dest string) (string, string, bool) {
	p, rest := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		p, rest = dest[:i], dest[i:]
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if p == "" || strings.HasPrefix(p, "/") {
		return "", "", false
	}
	target := path.Join(path.Dir(file), p)
	return target, rest, strings.HasPrefix(target, content.StaticDir+"/")
}

// resolveFile rewrites a link from the source file into content/static/
// to the published file, relative to the page at fromPath. Other links are
// left to the link check.
func (r *renderer) resolveFile(file, fromPath, dest string) (string, string, error) {
	target, rest, ok := staticTarget(file, dest)
	if !ok {
		return dest, "", nil
	}
	sf := r.static[target]
	if sf == nil {
		return "", "", r.noStatic("link", dest, target)
	}
	return rootOf(fromPath) + sf.out + rest, "", nil
}

// noStatic is the error for a link or image (what) whose destination
// dest names target under content/static/, which is no file there. A
// folder (written with its trailing slash or not) cannot be linked: a
// published folder has no page, and GitHub Pages shows none for it; the
// message suggests the first of its files.
func (r *renderer) noStatic(what, dest, target string) error {
	p, _, _ := strings.Cut(dest, "?")
	p, _, _ = strings.Cut(p, "#")
	folder := strings.HasSuffix(p, "/") || target == content.StaticDir
	example := ""
	for f := range r.static {
		if rel, ok := strings.CutPrefix(f, target+"/"); ok {
			folder = true
			if example == "" || rel < example {
				example = rel
			}
		}
	}
	if folder {
		if example == "" {
			example = "photo.jpg"
		}
		return fmt.Errorf("%s %q names the folder %s/, not a file: name a file in it (e.g. %s)", what, dest, target, strings.TrimSuffix(p, "/")+"/"+example)
	}
	fix := "link"
	if what == "image" {
		fix = "path"
	}
	return fmt.Errorf("%s %q: no file %s; add it under %s/ or fix the %s", what, dest, target, content.StaticDir, fix)
}

// image resolves a local image of the source file, shown on the page at
// fromPath, to its published file and its size.
func (r *renderer) image(file, fromPath, dest string) (markdown.Image, error) {
	sf, err := r.staticImage(file, dest)
	if err != nil {
		return markdown.Image{}, err
	}
	return markdown.Image{URL: rootOf(fromPath) + sf.out, Width: sf.width, Height: sf.height}, nil
}

func (r *renderer) staticImage(file, dest string) (*staticFile, error) {
	target, rest, ok := staticTarget(file, dest)
	if !ok {
		return nil, fmt.Errorf("image %q: keep images under %s/ and write their path relative to this file (e.g. ../static/img/photo.jpg from an article)", dest, content.StaticDir)
	}
	if rest != "" {
		return nil, fmt.Errorf("image %q: an image's path takes no ?query or #fragment", dest)
	}
	sf := r.static[target]
	if sf == nil {
		return nil, r.noStatic("image", dest, target)
	}
	if sf.sizeErr != nil {
		return nil, fmt.Errorf("image %q: %s: %v", dest, target, sf.sizeErr)
	}
	return sf, nil
}

// singleFile is resolveFile for the single-file edition, which holds no
// other file: a link into content/static/ is dropped, its text kept, with
// a note saying so.
func (r *renderer) singleFile(file, dest string) (string, string, error) {
	target, _, ok := staticTarget(file, dest)
	if !ok {
		return dest, "", nil
	}
	sf := r.static[target]
	if sf == nil {
		return "", "", r.noStatic("link", dest, target)
	}
	return "", " " + r.theme.lang.text("single-file-left-out", sf.out), nil
}

// singleImage is image for the single-file edition: the image is inlined
// as a data: URL, since the edition is one file that must show everything
// it holds.
func (r *renderer) singleImage(file, dest string) (markdown.Image, error) {
	sf, err := r.staticImage(file, dest)
	if err != nil {
		return markdown.Image{}, err
	}
	b, err := r.file(sf.out)
	if err != nil {
		return markdown.Image{}, err
	}
	mime := content.ImageTypes[strings.ToLower(path.Ext(sf.out))]
	return markdown.Image{URL: "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(b), Width: sf.width, Height: sf.height}, nil
}

// singleFileOf and singleImageOf are the single-file edition's resolvers
// for the source file.
func (r *renderer) singleFileOf(file string) func(string) (string, string, error) {
	return func(dest string) (string, string, error) { return r.singleFile(file, dest) }
}

func (r *renderer) singleImageOf(file string) func(string) (markdown.Image, error) {
	return func(dest string) (markdown.Image, error) { return r.singleImage(file, dest) }
}

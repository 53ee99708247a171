package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// newSibling makes the empty directory a build writes into: a new
// sibling of out, so that swapping it in is a rename on one file system.
func newSibling(src, out string) (string, error) {
	out = filepath.Clean(out)
	if err := checkOut(src, out); err != nil {
		return "", err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("write: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+"-new-")
	if err != nil {
		return "", fmt.Errorf("write: %w", err)
	}
	// MkdirTemp makes the directory 0700; a published site is world-readable.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("write: %w", err)
	}
	return tmp, nil
}

// swapIn replaces out with the finished directory tmp. Until the swap the
// previous out is untouched; if the swap fails, it is put back.
func swapIn(tmp, out string) error {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = filepath.Join(parent, "."+base+"-old-"+strings.TrimPrefix(filepath.Base(tmp), "."+base+"-new-"))
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("write: moving the previous %s aside: %w", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			err = errors.Join(err, os.Rename(old, out))
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("write: swapping in the new %s: %w", out, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("write: removing the previous site at %s: %w", old, err)
		}
	}
	return nil
}

// checkOut refuses an output directory that a wholesale replace would
// damage: the site's sources (the site root or a directory holding it,
// content/ or templates/, inside or around them), one holding another
// site's content/, or a non-empty directory that is not a site. Paths are
// compared with symbolic links resolved, so that no spelling of a source
// directory gets past.
func checkOut(src, out string) error {
	const fix = "choose another -out (the build replaces the whole output directory; the default is public/ under -src)"
	o, s := realPath(out), realPath(src)
	switch {
	case o == s:
		return fmt.Errorf("output directory %s is the site root: %s", out, fix)
	case within(s, o):
		return fmt.Errorf("output directory %s holds the site root %s: %s", out, src, fix)
	}
	for _, dir := range []string{"content", ThemeDir} {
		d := realPath(filepath.Join(src, dir))
		switch {
		case o == d:
			return fmt.Errorf("output directory %s is the site's %s/ directory: %s", out, dir, fix)
		case within(o, d):
			return fmt.Errorf("output directory %s is inside the site's %s/ directory: %s", out, dir, fix)
		case within(d, o):
			return fmt.Errorf("output directory %s holds the site's %s/ directory: %s", out, dir, fix)
		}
	}
	abs := o
	if fi, err := os.Lstat(abs); err == nil && !fi.IsDir() {
		return fmt.Errorf("output %s is a file, not a directory: choose another -out (the build replaces the whole output directory)", out)
	}
	if _, err := os.Stat(filepath.Join(abs, "content")); err == nil {
		return fmt.Errorf("output directory %s holds a content/ directory: choose another -out (the build replaces the whole output directory)", out)
	}
	entries, err := os.ReadDir(abs)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output directory %s: %w", out, err)
	}
	if _, err := os.Stat(filepath.Join(abs, "index.html")); err != nil {
		return fmt.Errorf("output directory %s is not empty and holds no index.html, so it is not a built site: choose another -out or remove it (the build replaces the whole output directory)", out)
	}
	return nil
}

// realPath is p absolute, with the symbolic links of the part of it that
// exists resolved (the rest is a directory the build would create).
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		up := filepath.Dir(cur)
		if up == cur {
			return abs
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = up
	}
}

// within reports whether path p lies strictly inside directory dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

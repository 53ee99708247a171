package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// How a build swaps its output in, as variables so that tests can make a
// step fail.
var (
	rename    = os.Rename
	removeAll = os.RemoveAll
	exchange  = exchangeDirs
)

// errNoExchange says that the platform or the file system cannot swap two
// directories in one step; swapIn then uses two renames.
var errNoExchange = errors.New("exchanging two directories is not supported here")

// The siblings a build makes beside the output directory out: the new
// site it writes (.out-new-N), and, where directories cannot be swapped
// in one step, the previous site while the new one is moved in
// (.out-old-N). N is os.MkdirTemp's random number.
func newPrefix(out string) string { return "." + filepath.Base(out) + "-new-" }
func oldPrefix(out string) string { return "." + filepath.Base(out) + "-old-" }

// newSibling makes the empty directory a build writes into: a new
// sibling of out, so that swapping it in is a rename on one file system.
// First it removes the siblings of builds that were killed (see
// cleanStale). The directory is locked until release is called, so that
// another build does not take it for one of those.
func newSibling(src, out string) (tmp string, release func(), err error) {
	target, err := resolveOut(out)
	if err != nil {
		return "", nil, err
	}
	if err := checkOut(src, filepath.Clean(out)); err != nil {
		return "", nil, err
	}
	out = target
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", nil, fmt.Errorf("write: %w", err)
	}
	unlock, _ := lockDir(parent, true)
	defer unlock()
	cleanStale(out)
	tmp, err = os.MkdirTemp(parent, newPrefix(out))
	if err != nil {
		return "", nil, fmt.Errorf("write: %w", err)
	}
	// MkdirTemp makes the directory 0700; a published site is world-readable.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("write: %w", err)
	}
	release, _ = lockDir(tmp, true)
	return tmp, release, nil
}

// cleanStale removes what killed builds left beside out: directories
// named as a build names its siblings (and only those) that no running
// build holds. A previous site moved aside by a build killed before it
// moved the new one in is put back when out is missing, so that there is
// always a site at out. The caller holds the lock on out's parent, which
// a build also holds while it swaps, so no live swap is seen half done.
// It does its best: what it cannot remove, the next build tries again.
func cleanStale(out string) {
	parent := filepath.Dir(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	_, err = os.Lstat(out)
	missing := errors.Is(err, fs.ErrNotExist)
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(parent, name)
		switch {
		case !e.IsDir():
		case ours(name, oldPrefix(out)):
			if missing && rename(p, out) == nil {
				missing = false
				continue
			}
			removeAll(p)
		case ours(name, newPrefix(out)):
			if unlock, ok := lockDir(p, false); ok {
				removeAll(p)
				unlock()
			}
		}
	}
}

// ours reports whether name is prefix followed by MkdirTemp's number.
func ours(name, prefix string) bool {
	n, ok := strings.CutPrefix(name, prefix)
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// An OutputError is a build failure that left the output directory not as
// it was: its message says where the previous site and the new one are.
type OutputError struct{ msg string }

func (e *OutputError) Error() string { return e.msg }

// swapIn replaces out with the finished directory tmp, and then removes
// the previous site. Where the platform can (Linux), the two directories
// are exchanged in one step, so that at every instant a whole site is at
// out; elsewhere the previous site is renamed aside and the new one
// renamed in, and put back if that fails. A failure to remove the
// previous site once the new one is in place is not the build's failure:
// it is returned as a warning, which names where the previous site is.
func swapIn(tmp, out string) (warning string, err error) {
	if out, err = resolveOut(out); err != nil {
		removeAll(tmp)
		return "", err
	}
	unlock, _ := lockDir(filepath.Dir(out), true)
	defer unlock()
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := rename(tmp, out); err != nil {
			removeAll(tmp)
			if merr := mountError(out, err); merr != nil {
				return "", merr
			}
			return "", fmt.Errorf("write: moving the new site to %s: %w", out, err)
		}
		return "", nil
	}
	old := filepath.Join(filepath.Dir(out), oldPrefix(out)+strings.TrimPrefix(filepath.Base(tmp), newPrefix(out)))
	err = exchange(tmp, out)
	switch {
	case err == nil:
		// The previous site is where the new one was: named as what it
		// is, should it outlive this build.
		if rename(tmp, old) != nil {
			old = tmp
		}
	case errors.Is(err, errNoExchange):
		err = swapByRenames(tmp, old, out)
	}
	var oerr *OutputError
	if errors.As(err, &oerr) {
		return "", err
	}
	if err != nil {
		removeAll(tmp)
		if merr := mountError(out, err); merr != nil {
			return "", merr
		}
		return "", fmt.Errorf("write: swapping in the new %s: %w", out, err)
	}
	if err := removeAll(old); err != nil {
		return fmt.Sprintf("the new site is in %s, but the previous one could not be removed from %s: %v; remove it (the next build tries again)", out, old, err), nil
	}
	return "", nil
}

// resolveOut is the directory a build replaces for the output out: out
// itself, or, when out is a symbolic link, the directory it leads to, so
// that the new site is made beside that directory and replaces it, and the
// link is kept (as the user made it, to publish elsewhere). A link to
// nothing is refused: the build would replace the link with a directory.
func resolveOut(out string) (string, error) {
	out = filepath.Clean(out)
	fi, err := os.Lstat(out)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return out, nil
	}
	target, err := filepath.EvalSymlinks(out)
	if err != nil {
		link, _ := os.Readlink(out)
		return "", fmt.Errorf("output %s is a symbolic link to %s, which cannot be followed (%v): create the directory it names, fix the link, or choose another -out", out, link, err)
	}
	return target, nil
}

// mountError is the error for a failed swap of the new site in for out
// when err says why (nil otherwise): out is a mount point (EBUSY), or on
// another file system than its parent (EXDEV), and so cannot be replaced
// by a rename.
func mountError(out string, err error) error {
	const fix = "build into a directory beside it (another -out) and copy the files in, or mount its parent directory instead and build into a folder in it (the build replaces the whole output directory by a rename)"
	switch {
	case errors.Is(err, syscall.EBUSY):
		return fmt.Errorf("write: output directory %s is a mount point, which a build cannot replace (%v): %s", out, err, fix)
	case errors.Is(err, syscall.EXDEV):
		return fmt.Errorf("write: output directory %s is on another file system than its parent directory (a mount point?), so a build cannot replace it (%v): %s", out, err, fix)
	}
	return nil
}

// swapByRenames moves out aside to old and tmp to out. On failure it puts
// out back; only when that fails too is the error an *OutputError.
func swapByRenames(tmp, old, out string) error {
	if err := rename(out, old); err != nil {
		return fmt.Errorf("moving the previous site aside: %w", err)
	}
	err := rename(tmp, out)
	if err == nil {
		return nil
	}
	if rerr := rename(old, out); rerr != nil {
		return &OutputError{fmt.Sprintf("write: moving the new site to %s failed (%v), and so did putting the previous one back (%v): %s is missing; the previous site is in %s and the new one in %s: move one of them to %s (the next build puts the previous one back)", out, err, rerr, out, old, tmp, out)}
	}
	return err
}

// checkOut refuses an output directory that a wholesale replace would
// damage: the site's sources (the site root or a directory holding it,
// content/ or templates/, inside or around them), one holding another
// site's content/, a repository (.git, .hg or .svn: a gh-pages checkout,
// say), or a non-empty directory that does not look like a Dossier build,
// which always has index.html and .nojekyll. A CNAME, which GitHub Pages
// keeps in a published folder and a build never writes, is refused too,
// as the replace would drop it. Any other file added to a build's output
// by hand is replaced with the rest: the output is the build's alone. Paths are
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
	for _, vcs := range []string{".git", ".hg", ".svn"} {
		if _, err := os.Lstat(filepath.Join(abs, vcs)); err == nil {
			return fmt.Errorf("output directory %s holds %s: the build replaces the whole output directory, so it never builds into a repository; build elsewhere and copy the files in, or choose another -out", out, vcs)
		}
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
	if _, err := os.Lstat(filepath.Join(abs, ".nojekyll")); err != nil {
		return fmt.Errorf("output directory %s holds an index.html but no .nojekyll, which every build writes, so it is not a Dossier build: choose another -out, or remove it if it is an old build (the build replaces the whole output directory)", out)
	}
	if _, err := os.Lstat(filepath.Join(abs, "CNAME")); err == nil {
		return fmt.Errorf("output directory %s holds CNAME, which a build never writes: the build replaces the whole output directory, so CNAME would be lost; build into another -out and copy the files over, or move CNAME out (with GitHub Pages deployed by a workflow, set the custom domain in the repository's Pages settings)", out)
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

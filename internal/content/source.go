package content

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// MaxSourceSize is the largest source file a build reads (8 MiB), but
// for the files of content/static/ (see Source). A
// dossier's articles, pages, timelines, settings and templates are a few
// kilobytes each; the cap keeps a mistake (a disk image copied in, a file
// that never ends) from taking the build's memory.
const MaxSourceSize = 8 << 20

// A Source is a site root on disk, as the build and the preview read it:
// an fs.FS that serves only regular files and directories inside the
// root, and source files of at most MaxSourceSize. It is an
// fs.ReadLinkFS too, for what refuses links altogether (OpenStatic).
//
// A symbolic link whose target lies inside the site root is read as its
// target, as Hugo and Zola do (a page shared by two sections, say); one
// that leads outside the root is refused, so that a site cannot publish a
// file it does not hold (an environment, a key). Named pipes, devices and
// sockets are refused before they are opened, as opening a pipe blocks
// until something writes to it. The errors are *Error values naming the
// file and what to do, which ReadError passes on as they are.
type Source struct {
	root *os.Root
	dir  string // the site root with every symbolic link resolved
}

// OpenSource opens the site root dir for reading. Close it when done.
func OpenSource(dir string) (*Source, error) {
	real, err := filepath.Abs(dir)
	if err == nil {
		real, err = filepath.EvalSymlinks(real)
	}
	if err != nil {
		return nil, fmt.Errorf("site root %s: %w", dir, err)
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, fmt.Errorf("site root %s: %w", dir, err)
	}
	return &Source{root: root, dir: real}, nil
}

// Close releases the site root.
func (s *Source) Close() error { return s.root.Close() }

// Open opens a regular file or a directory of the site root.
func (s *Source) Open(name string) (fs.File, error) {
	rel, fi, err := s.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return s.root.Open(rel)
	}
	limit := sizeLimit(name)
	if fi.Size() > limit {
		return nil, tooBig(name, fi.Size())
	}
	// Non-blocking, so that a file replaced by a pipe since resolve
	// looked cannot hang the open; a regular file reads as ever.
	f, err := s.root.OpenFile(rel, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	switch {
	case err != nil:
	case !st.Mode().IsRegular():
		err = notRegular(name, st.Mode())
	case st.Size() > limit:
		err = tooBig(name, st.Size())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &sourceFile{File: f, name: name, left: limit}, nil
}

// sizeLimit is the most a build reads of the file name: MaxSourceSize,
// but no limit for the files of content/static/, which are published as
// they are, not parsed (a PDF or a photograph may well be larger).
func sizeLimit(name string) int64 {
	if strings.HasPrefix(name, StaticDir+"/") {
		return math.MaxInt64 - 1
	}
	return MaxSourceSize
}

// Lstat describes the file name itself, a symbolic link not followed:
// for what refuses links altogether (content/static/, see OpenStatic).
func (s *Source) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	return s.root.Lstat(name)
}

// ReadLink returns the target of the symbolic link name.
func (s *Source) ReadLink(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return s.root.Readlink(name)
}

// Stat describes a regular file or a directory of the site root (the
// target, for a symbolic link). It does not check the size: a file only
// checked for, such as an article's original under content/raw/, is
// never read.
func (s *Source) Stat(name string) (fs.FileInfo, error) {
	_, fi, err := s.resolve("stat", name)
	return fi, err
}

// resolve returns the path within the root that name reads, with every
// symbolic link followed, and what it is: a directory or a regular file.
func (s *Source) resolve(op, name string) (string, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	fi, err := s.root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	rel := name
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		// A link, here or in a directory on the way (which Root refuses
		// when it leads out): find where it really leads, for the error
		// or to read the target (an absolute link inside the root too,
		// which Root refuses as such).
		real, rerr := filepath.EvalSymlinks(filepath.Join(s.dir, filepath.FromSlash(name)))
		switch {
		case err != nil && rerr != nil:
			// A file missing beyond a linked folder that leads out is
			// still the link's mistake.
			if lerr := s.linkOut(name); lerr != nil {
				return "", nil, lerr
			}
			return "", nil, err // not for a link: a directory on the way is a file, say
		case errors.Is(rerr, fs.ErrNotExist):
			target, _ := os.Readlink(filepath.Join(s.dir, filepath.FromSlash(name)))
			return "", nil, Errorf(name, 0, 0, "is a symbolic link to %s, which does not exist; fix or remove the link", target)
		case rerr != nil:
			return "", nil, Errorf(name, 0, 0, "cannot follow the symbolic link: %v; fix or remove it", rerr)
		}
		r, rerr := filepath.Rel(s.dir, real)
		if rerr != nil || outside(r) {
			if lerr := s.linkOut(name); lerr != nil {
				return "", nil, lerr
			}
			return "", nil, Errorf(name, 0, 0, "is a symbolic link to a file outside the site; copy the file in instead")
		}
		rel = filepath.ToSlash(r)
		if fi, err = s.root.Stat(rel); err != nil {
			return "", nil, err
		}
	}
	if !fi.IsDir() && !fi.Mode().IsRegular() {
		return "", nil, notRegular(name, fi.Mode())
	}
	return rel, fi, nil
}

// outside reports whether the path r, relative to the site root, leads
// out of it.
func outside(r string) bool {
	return r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r)
}

// linkOut is the error for name when it leads outside the site root,
// else nil. It names the link that leads out: name itself, or the folder
// on the way that is the link (templates, for templates/base.html read
// through a linked templates/ folder, whether base.html is there or
// not), since that is what the user must replace. A linked folder is to
// be copied in as a folder.
func (s *Source) linkOut(name string) error {
	for i := 1; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		link := name[:i]
		real, err := filepath.EvalSymlinks(filepath.Join(s.dir, filepath.FromSlash(link)))
		if err != nil {
			return nil
		}
		if r, err := filepath.Rel(s.dir, real); err == nil && !outside(r) {
			continue
		}
		what, fix := "a file", "file"
		if st, err := os.Stat(real); err == nil && st.IsDir() {
			what, fix = "a directory", "folder"
		}
		if link != name {
			return Errorf(link, 0, 0, "is a symbolic link to %s outside the site (%s is read through it); copy the %s in instead", what, name, fix)
		}
		return Errorf(name, 0, 0, "is a symbolic link to %s outside the site; copy the %s in instead", what, fix)
	}
	return nil
}

func notRegular(name string, m fs.FileMode) error {
	what := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return Errorf(name, 0, 0, "is %s, not a regular file; remove it (a site is built from regular files only)", what)
}

func tooBig(name string, size int64) error {
	return Errorf(name, 0, 0, "%.1f MiB is over the %d MiB limit for a source file; split it or make it smaller", float64(size)/(1<<20), MaxSourceSize>>20)
}

// sourceFile is an open source file that stops at MaxSourceSize, should
// it grow while it is read.
type sourceFile struct {
	*os.File
	name string
	left int64
}

func (f *sourceFile) Read(p []byte) (int, error) {
	if int64(len(p)) > f.left+1 {
		p = p[:f.left+1]
	}
	n, err := f.File.Read(p)
	if f.left -= int64(n); f.left < 0 {
		return 0, Errorf(f.name, 0, 0, "grew past the %d MiB limit for a source file while it was read; split it or make it smaller", MaxSourceSize>>20)
	}
	return n, err
}

// ReadError is the error for the source file that could not be read: an
// *Error (a Source's, which names the file and the fix) as it is, and any
// other as "cannot read".
func ReadError(file string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Errorf(file, 0, 0, "cannot read: %v", err)
}

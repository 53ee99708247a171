package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// An Output receives the files of a build as they are made, so that the
// renderer is one pipeline whatever keeps the site: a directory (Build),
// which never holds the site in memory whole, or memory (Render and the
// preview's Builder), which serves it.
type Output interface {
	// Put stores a file. It does not keep data once it returns: the
	// renderer reuses its buffers.
	Put(name string, data []byte) error
	// Get returns a file stored already (the offline editions read the
	// site back).
	Get(name string) ([]byte, error)
	// Open opens a file stored already for reading in pieces (the
	// offline zip copies every file of the site so, a large static file
	// too).
	Open(name string) (io.ReadCloser, error)
	// Create opens a file for writing in pieces (the search index, the
	// files of content/static/ and the offline zip, which a build streams
	// rather than holds); it is stored when closed.
	Create(name string) (io.WriteCloser, error)
	// Commit makes the files the site, once every check has passed; it
	// returns what the user should know of it even though it succeeded.
	Commit() (warnings []string, err error)
	// Abort drops the files of a failed build: the previous site stays.
	Abort()
}

// dirOutput writes the files into a new sibling of the output directory,
// which Commit swaps in.
type dirOutput struct {
	dir     string // where the files go
	out     string // the output directory Commit replaces ("" for a test's)
	release func() // releases the lock on dir
	mu      sync.Mutex
	made    map[string]bool // directories made, so that each is made once
}

// newDirOutput is an Output into the directory dir, for tests, which
// neither commit nor abort it.
func newDirOutput(dir string) *dirOutput {
	return &dirOutput{dir: dir, made: map[string]bool{}, release: func() {}}
}

// openDir is the Output of a build of src into out: a new sibling of out
// (see newSibling).
func openDir(src, out string) (*dirOutput, error) {
	tmp, release, err := newSibling(src, out)
	if err != nil {
		return nil, err
	}
	d := newDirOutput(tmp)
	d.out, d.release = out, release
	return d, nil
}

func (d *dirOutput) path(name string) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	return filepath.Join(d.dir, filepath.FromSlash(name)), nil
}

// checkName refuses an output path that could leave the output directory
// (a ".." element, an absolute or unclean path), for both outputs alike,
// so that the preview and a build never disagree on a name: "a..b.txt" is
// a file name like any other.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("refusing to write %q outside the output directory", name)
	}
	return nil
}

// mkdir makes the directory of p, once.
func (d *dirOutput) mkdir(p string) error {
	dir := filepath.Dir(p)
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		d.made[dir] = true
	}
	return nil
}

func (d *dirOutput) Put(name string, data []byte) error {
	p, err := d.path(name)
	if err != nil {
		return err
	}
	if err := d.mkdir(p); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

func (d *dirOutput) Get(name string) ([]byte, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

func (d *dirOutput) Open(name string) (io.ReadCloser, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.Open(p)
}

func (d *dirOutput) Create(name string) (io.WriteCloser, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	if err := d.mkdir(p); err != nil {
		return nil, err
	}
	return os.Create(p)
}

// Commit swaps the directory in for the output directory (see swapIn).
func (d *dirOutput) Commit() ([]string, error) {
	defer d.release()
	warning, err := swapIn(d.dir, d.out)
	if warning != "" {
		return []string{warning}, err
	}
	return nil, err
}

// Abort removes the directory.
func (d *dirOutput) Abort() {
	os.RemoveAll(d.dir)
	d.release()
}

// memOutput keeps the files in memory, for Render and the preview.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemOutput() *memOutput { return &memOutput{files: map[string][]byte{}} }

// Put keeps a copy of data.
func (m *memOutput) Put(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.put(name, bytes.Clone(data))
	return nil
}

func (m *memOutput) put(name string, data []byte) {
	if data == nil {
		data = []byte{} // stored, though empty
	}
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
}

func (m *memOutput) Get(name string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	if !ok {
		return nil, fmt.Errorf("%s was not built", name)
	}
	return b, nil
}

func (m *memOutput) Open(name string) (io.ReadCloser, error) {
	b, err := m.Get(name)
	if err != nil {
		return nil, err
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

func (m *memOutput) Create(name string) (io.WriteCloser, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	return &memFile{m: m, name: name}, nil
}

// Commit has nothing to do: the files are the site as they are.
func (m *memOutput) Commit() ([]string, error) { return nil, nil }

// Abort drops the files.
func (m *memOutput) Abort() {
	m.mu.Lock()
	m.files = map[string][]byte{}
	m.mu.Unlock()
}

// clone is a copy of m that can be written without changing m, for an
// incremental rebuild (the previous result stays as it was).
func (m *memOutput) clone() *memOutput {
	m.mu.Lock()
	defer m.mu.Unlock()
	files := make(map[string][]byte, len(m.files))
	for k, v := range m.files {
		files[k] = v
	}
	return &memOutput{files: files}
}

// A memFile is a file of a memOutput being written; Close stores it.
type memFile struct {
	bytes.Buffer
	m    *memOutput
	name string
}

func (f *memFile) Close() error {
	f.m.put(f.name, f.Bytes())
	return nil
}

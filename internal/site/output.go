package site

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// An output receives the files of a build as they are made: a build into
// a directory writes each page as soon as it is rendered, so the site is
// never held in memory whole. (Render and the preview keep the files in
// Result.Files instead, and have no output.)
type output interface {
	put(name string, data []byte) error
	get(name string) ([]byte, error)
}

// dirOutput writes the files into a directory (the new sibling of the
// output directory that Build swaps in).
type dirOutput struct {
	dir  string
	mu   sync.Mutex
	made map[string]bool
}

func (d *dirOutput) path(name string) (string, error) {
	if strings.Contains(name, "..") || filepath.IsAbs(name) {
		return "", fmt.Errorf("refusing to write %q outside the output directory", name)
	}
	return filepath.Join(d.dir, filepath.FromSlash(name)), nil
}

func (d *dirOutput) put(name string, data []byte) error {
	p, err := d.path(name)
	if err != nil {
		return err
	}
	dir := filepath.Dir(p)
	d.mu.Lock()
	if !d.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			d.mu.Unlock()
			return err
		}
		d.made[dir] = true
	}
	d.mu.Unlock()
	return os.WriteFile(p, data, 0o644)
}

func (d *dirOutput) get(name string) ([]byte, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

// create opens a file of the output for writing in pieces (the search
// index, which a build streams rather than holds).
func (d *dirOutput) create(name string) (io.WriteCloser, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	return os.Create(p)
}

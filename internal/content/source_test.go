package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A Source follows a link inside the site for Open and Stat, and shows
// it as a link to fs.Lstat and fs.ReadLink, for what refuses links
// altogether (OpenStatic).
func TestSourceLinks(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "a.txt"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../a.txt", filepath.Join(dir, "content", "static", "b.txt")); err != nil {
		t.Fatal(err)
	}
	s, err := OpenSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if b, err := fs.ReadFile(s, "content/static/b.txt"); err != nil || string(b) != "a" {
		t.Errorf("ReadFile through the link: %q, %v", b, err)
	}
	if fi, err := fs.Lstat(s, "content/static/b.txt"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat: %v, %v; want a link", fi, err)
	}
	if l, err := fs.ReadLink(s, "content/static/b.txt"); err != nil || l != "../a.txt" {
		t.Errorf("ReadLink: %q, %v", l, err)
	}
	if f, err := OpenStatic(s, "content/static/b.txt"); err == nil {
		f.Close()
		t.Error("OpenStatic opened a link")
	}
}

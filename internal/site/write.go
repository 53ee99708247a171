package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// writeAtomic writes files into a new sibling of out, then swaps it in
// place of out. Until the swap the previous out is untouched; when any
// step fails, the previous out is left (or put back) as it was.
func writeAtomic(out string, files map[string][]byte) error {
	out = filepath.Clean(out)
	if err := checkOut(out); err != nil {
		return err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+"-new-")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	// MkdirTemp makes the directory 0700; a published site is world-readable.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("write: %w", err)
	}
	if err := writeTree(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("write %s: %w", out, err)
	}
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = filepath.Join(parent, "."+base+"-old-"+filepath.Base(tmp)[len(base)+6:])
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
// damage: one holding sources, or a non-empty directory that is not a site.
func checkOut(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(abs, "content")); err == nil {
		return fmt.Errorf("output directory %s holds a content/ directory: choose another -out (the build replaces the whole output directory)", out)
	}
	entries, err := os.ReadDir(abs)
	if err != nil || len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(abs, "index.html")); err != nil {
		return fmt.Errorf("output directory %s is not empty and holds no index.html, so it is not a built site: choose another -out or remove it (the build replaces the whole output directory)", out)
	}
	return nil
}

func writeTree(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, name := range names {
		if strings.Contains(name, "..") || filepath.IsAbs(name) {
			return fmt.Errorf("refusing to write %q outside the output directory", name)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

package serve

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedRoots are the directories of a site root whose changes rebuild it.
var watchedRoots = []string{"content", "templates"}

// A watcher reports changes under the watched roots of a site, as paths
// from the site root. fsnotify watches single directories, so every
// directory is added, and new ones as they appear.
type watcher struct {
	root string
	fsw  *fsnotify.Watcher
}

func newWatcher(root string) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &watcher{root: root, fsw: fsw}
	// The root itself, to see content/ or templates/ created later.
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	for _, dir := range watchedRoots {
		if _, err := w.addTree(filepath.Join(root, dir)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

func (w *watcher) close() { w.fsw.Close() }

// addTree watches dir and the directories under it, and returns the
// files found there: a directory created after the fact may already hold
// files whose own events came before the watch did.
func (w *watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil // gone already, or not there: nothing to watch
			}
			return err
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return filepath.SkipDir
			}
			if err := w.fsw.Add(p); err != nil {
				return fmt.Errorf("watch %s: %w", p, err)
			}
			return nil
		}
		if rel, ok := w.rel(p); ok {
			files = append(files, rel)
		}
		return nil
	})
	return files, err
}

// rel turns a watched path into a path from the site root, reporting
// whether it is a source (under a watched root, not an editor's scratch file).
func (w *watcher) rel(p string) (string, bool) {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	top, _, _ := strings.Cut(r, "/")
	if !slices.Contains(watchedRoots, top) || ignored(path.Base(r)) {
		return "", false
	}
	return r, true
}

// ignored reports the names editors write beside the file being saved.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || name == "4913"
}

// run gathers changes until the sources have been quiet for debounce
// (at most maxWait after the first), then calls rebuild with them, until
// ctx is done. Rebuilds run one at a time, here.
func (w *watcher) run(ctx context.Context, debounce time.Duration, rebuild func([]string), log io.Writer) {
	const maxWait = 20 // × debounce: a steady stream of writes still rebuilds
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			rel, ok := w.rel(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					files, err := w.addTree(ev.Name)
					if err != nil {
						fmt.Fprintf(log, "watch: %v\n", err)
					}
					for _, f := range files {
						pending[f] = true
					}
				}
			}
			if ev.Op == fsnotify.Chmod {
				continue // touch, chmod: the content is the same
			}
			pending[rel] = true
			if first.IsZero() {
				first = time.Now()
			}
			wait := debounce
			if left := time.Until(first.Add(maxWait * debounce)); left < wait {
				wait = max(left, 0)
			}
			timer.Reset(wait)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(log, "watch: %v\n", err)
		case <-timer.C:
			changed := slices.Sorted(maps.Keys(pending))
			clear(pending)
			first = time.Time{}
			rebuild(changed)
		}
	}
}

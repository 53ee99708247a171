package site

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dossier/internal/corpus"
)

// Options.Progress is told of every HTML page as it is made, with a total
// that is the number of pages the build makes: for this repository's site
// (offline editions on) and for one of 120 articles with several index
// pages, built into a directory (lean) and into memory, with offline
// editions and without.
func TestProgress(t *testing.T) {
	t.Parallel()
	big := t.TempDir()
	if err := corpus.Write(big, 120, 1); err != nil {
		t.Fatal(err)
	}
	noOffline := t.TempDir()
	if err := corpus.Write(noOffline, 3, 2); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(noOffline, "content", "site.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\noffline_editions: false\n")
	f.Close()
	for _, src := range []string{"../..", big, noOffline} {
		for _, lean := range []bool{false, true} {
			var mu sync.Mutex
			var calls, last, total int
			opts := Options{Progress: func(done, n int) {
				mu.Lock()
				defer mu.Unlock()
				calls++
				last = max(last, done)
				if total != 0 && n != total {
					t.Errorf("%s: total changed from %d to %d", src, total, n)
				}
				total = n
			}}
			var out Output = newMemOutput()
			if lean {
				out = newDirOutput(filepath.Join(t.TempDir(), "out"))
			}
			r, err := renderAll(os.DirFS(src), opts, out, lean)
			if err != nil {
				t.Fatal(err)
			}
			html := 0
			for _, p := range r.res.Paths {
				if strings.HasSuffix(p, ".html") {
					html++
				}
			}
			if calls != html || last != html || total != html {
				t.Errorf("%s (lean %v): %d calls, last done %d, total %d; the build made %d HTML pages", src, lean, calls, last, total, html)
			}
		}
	}
}

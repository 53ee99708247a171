package site

import (
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Both outputs store what they are given, whether put whole or written in
// pieces, and keep no reference to the bytes put: the renderer reuses its
// buffers.
func TestOutputs(t *testing.T) {
	t.Parallel()
	for name, out := range map[string]Output{
		"memory":    newMemOutput(),
		"directory": newDirOutput(t.TempDir()),
	} {
		t.Run(name, func(t *testing.T) {
			data := []byte("<p>page</p>")
			if err := out.Put("articles/a.html", data); err != nil {
				t.Fatal(err)
			}
			copy(data, "XXX")
			w, err := out.Create("search-index-1.js")
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, "one,")
			io.WriteString(w, "two")
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			for file, want := range map[string]string{"articles/a.html": "<p>page</p>", "search-index-1.js": "one,two"} {
				if got, err := out.Get(file); err != nil || string(got) != want {
					t.Errorf("Get(%s) = %q, %v; want %q", file, got, err, want)
				}
			}
			if _, err := out.Get("missing.html"); err == nil {
				t.Error("Get of a file never put succeeded")
			}
		})
	}
	if err := newDirOutput(t.TempDir()).Put("../escape.html", nil); err == nil || !strings.Contains(err.Error(), "outside the output directory") {
		t.Errorf("Put outside the directory: %v", err)
	}
}

// A directory output is the site only once committed: Commit swaps it in
// for the previous site, Abort removes it and leaves the previous site.
func TestDirOutputCommitAbort(t *testing.T) {
	t.Parallel()
	src, out := swapSite(t)
	d, err := openDir(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Put("index.html", []byte("aborted")); err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if newBuild(t, out) || len(siblings(t, out)) != 0 {
		t.Fatalf("after Abort: the previous site is not in place, or left beside it: %v", siblings(t, out))
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) == "aborted" {
		t.Fatal("Abort put the aborted build in place")
	}

	d, err = openDir(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Put("index.html", []byte("committed")); err != nil {
		t.Fatal(err)
	}
	warnings, err := d.Commit()
	if err != nil || warnings != nil {
		t.Fatalf("Commit: %v, %q", err, warnings)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "committed" || len(entries) != 1 || len(siblings(t, out)) != 0 {
		t.Errorf("after Commit: index.html %q, %d files, left beside: %v; want the committed site alone", b, len(entries), siblings(t, out))
	}
}

// A rebuild's search shard, written again from the documents the Builder
// keeps, is the bytes the full render's stream wrote.
func TestSearchShardRewritten(t *testing.T) {
	t.Parallel()
	fsys := loadTxtar(t, "testdata/site.txtar")
	r, err := renderAll(fsys, Options{}, newMemOutput(), false)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := r.file(searchShard(1))
	out := newMemOutput()
	r.out, r.rewrite = out, true
	if err := r.writeSearchIndex([]int{0}); err != nil {
		t.Fatal(err)
	}
	again, err := out.Get(searchShard(1))
	if err != nil || string(again) != string(full) || !strings.Contains(string(full), `"u":"articles/`) {
		t.Errorf("rewritten shard (%v)\n%s\nis not the full render's\n%s", err, again, full)
	}
	if got := slices.Sorted(maps.Keys(out.files)); !slices.Equal(got, []string{searchShard(1), SearchIndexFile}) {
		t.Errorf("wrote %q, want the shard and %s", got, SearchIndexFile)
	}
}

// Both outputs take the same names: two dots in a file name are a name,
// not a way out; a ".." element, an absolute path or a backslash is.
func TestOutputNames(t *testing.T) {
	t.Parallel()
	d := newDirOutput(t.TempDir())
	m := newMemOutput()
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"static/report..v2.txt", true},
		{"a...b/c.html", true},
		{"index.html", true},
		{"../x.html", false},
		{"static/../../x", false},
		{"/etc/x", false},
		{"a//b", false},
		{"a\\b", false},
		{".", false},
	} {
		derr, merr := d.Put(c.name, []byte("x")), m.Put(c.name, []byte("x"))
		if (derr == nil) != c.ok || (merr == nil) != c.ok {
			t.Errorf("%q: directory %v, memory %v; want accepted %v", c.name, derr, merr, c.ok)
		}
	}
}

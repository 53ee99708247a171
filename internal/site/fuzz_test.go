package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// fuzzDeadline is the longest one fuzz input may take to build. It is a
// ceiling against stalls (a parse whose time grows with the square of its
// input), not a speed target: BenchmarkPathological measures speed.
const fuzzDeadline = 2 * time.Second

// FuzzArticle builds a site one of whose articles is the fuzzed source,
// front matter and Markdown, into a temporary directory. Whatever the
// source, the build does not panic, ends within fuzzDeadline, and writes
// nothing but its output directory: no file outside it, no output path
// that leaves it, no change to the sources.
//
//	go test -run '^$' -fuzz FuzzArticle -fuzztime 2m ./internal/site
func FuzzArticle(f *testing.F) {
	f.Add(betaWith("Beta one.\n\nBeta two.\n"))
	for _, p := range pathological {
		body := p.body()
		if len(body) > 16<<10 {
			body = body[:16<<10] // the shape, small enough for every go test run
		}
		f.Add(betaWith(body))
	}
	for _, s := range []string{
		betaWith("## Source\n\n## Main\n\n## P1\n\nA claim.[^1]\n\n[^1]: A note.\n\nSee [x](#source-1) and [a](alpha.md#p1).\n"),
		betaWith("[up](../../../../etc/passwd) [abs](/etc/passwd) ![img](../../../secret.png) [md](../../outside.md#p1)\n"),
		strings.Replace(betaWith("x\n"), "raw: raw/b.txt", "raw: ../../../../etc/passwd", 1),
		strings.Replace(betaWith("x\n"), "title: Beta headline", "title: \"../../escape\"", 1),
		strings.Replace(betaWith("x\n"), "title: Beta headline", "title: \"<script>alert(1)</script>\"", 1),
		strings.Replace(betaWith("x\n"), "url: https://example.org/beta", "url: \"javascript:alert(1)\"", 1),
		"---\n---\n",
		"---\ntitle: [unclosed\n---\nx\n",
		"no front matter at all\n",
		"---\ntitle: x\n" + strings.Repeat("  ", 200) + "a: b\n---\n",
		betaWith("```" + strings.Repeat("x", 2048) + "\ncode\n```\n"),
		betaWith(strings.Repeat("- ", 4000) + "\n"),
	} {
		f.Add(s)
	}
	base := loadTxtar(f, "testdata/site.txtar")
	f.Fuzz(func(t *testing.T, article string) {
		fsys := cloneFS(base)
		setFile(fsys, "content/articles/beta.md", article)
		root := t.TempDir()
		src := filepath.Join(root, "src")
		writeFS(t, fsys, src)
		before := snapshot(t, src)
		out := filepath.Join(root, "out", "public")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		type result struct {
			res *Result
			err error
		}
		done := make(chan result, 1)
		go func() {
			res, err := Build(src, out, Options{})
			done <- result{res, err}
		}()
		var got result
		select {
		case got = <-done:
		case <-time.After(fuzzDeadline):
			t.Fatalf("the build took more than %v", fuzzDeadline)
		}
		if got.res != nil {
			for _, name := range got.res.Paths {
				if !filepath.IsLocal(filepath.FromSlash(name)) || strings.Contains(name, "\\") {
					t.Errorf("output path %q leaves the output directory", name)
				}
			}
		}
		// Nothing but out/public under out/, and the sources as they were.
		err := filepath.WalkDir(filepath.Join(root, "out"), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != filepath.Join(root, "out") && p != out && !strings.HasPrefix(p, out+string(filepath.Separator)) {
				t.Errorf("the build left %s outside its output directory", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		after := snapshot(t, src)
		if len(after) != len(before) {
			t.Errorf("the build changed the source directory: %d files before, %d after", len(before), len(after))
		}
		for k, v := range before {
			if after[k] != v {
				t.Errorf("the build changed source %s", k)
			}
		}
		entries, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != "src" && e.Name() != "out" {
				t.Errorf("the build left %s beside its output", e.Name())
			}
		}
	})
}

func cloneFS(fsys fstest.MapFS) fstest.MapFS {
	out := make(fstest.MapFS, len(fsys))
	for k, v := range fsys {
		c := *v
		out[k] = &c
	}
	return out
}

func setFile(fsys fstest.MapFS, name, data string) {
	fsys[name] = &fstest.MapFile{Data: []byte(data)}
}

// writeFS writes fsys into dir.
func writeFS(t *testing.T, fsys fstest.MapFS, dir string) {
	t.Helper()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

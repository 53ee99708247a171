//go:build unix

package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dossier/templates"
)

// hostileSite is the test site with a first build in public/, and the
// file outside it that links lead to.
func hostileSite(t *testing.T) (src, out, outside string) {
	t.Helper()
	top := t.TempDir()
	src = filepath.Join(top, "site")
	for name, f := range loadTxtar(t, "testdata/site.txtar") {
		mustWrite(t, filepath.Join(src, filepath.FromSlash(name)), string(f.Data))
	}
	// A theme of its own, with an index.html as every theme has: the
	// default one, so that the site builds as before.
	index, err := fs.ReadFile(templates.FS, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(src, "templates", "index.html"), string(index))
	outside = filepath.Join(top, "outside.md")
	mustWrite(t, outside, "---\ntitle: SECRET-OUTSIDE\npublication: P\nauthors: []\nurl: https://e.org/x\nraw: raw/a.txt\nevent: e\n---\n\nSECRET-OUTSIDE text.\n")
	out = filepath.Join(src, "public")
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	return src, out, outside
}

func mustWrite(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	os.Remove(link)
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// siblings lists what a build left beside out (.public-new-*, .public-old-*).
func siblings(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(out)+"-") {
			found = append(found, e.Name())
		}
	}
	return found
}

// TestHostileOutput refuses every -out that would replace the sources,
// however it is spelt, and leaves the sources and the output untouched.
func TestHostileOutput(t *testing.T) {
	for _, tc := range []struct {
		name string
		out  func(t *testing.T, src string) string // the -out to build into
		want string
	}{
		{"templates", func(t *testing.T, src string) string { return filepath.Join(src, "templates") },
			"is the site's templates/ directory"},
		{"relative templates", func(t *testing.T, src string) string { t.Chdir(src); return "templates" },
			"output directory templates is the site's templates/ directory"},
		{"content", func(t *testing.T, src string) string { return filepath.Join(src, "content") },
			"is the site's content/ directory"},
		{"inside content", func(t *testing.T, src string) string { return filepath.Join(src, "content", "articles") },
			"is inside the site's content/ directory"},
		{"inside templates, not there yet", func(t *testing.T, src string) string { return filepath.Join(src, "templates", "new", "out") },
			"is inside the site's templates/ directory"},
		{"site root", func(t *testing.T, src string) string { return src },
			"is the site root"},
		{"ancestor of the site root, holding an index.html", func(t *testing.T, src string) string {
			mustWrite(t, filepath.Join(filepath.Dir(src), "index.html"), "x")
			return filepath.Dir(src)
		}, "holds the site root"},
		{"templates through a linked ancestor", func(t *testing.T, src string) string {
			alias := filepath.Join(filepath.Dir(src), "alias")
			mustLink(t, src, alias)
			return filepath.Join(alias, "templates")
		}, "is the site's templates/ directory"},
		{"dotted path into templates", func(t *testing.T, src string) string {
			return filepath.Join(src, "public") + string(filepath.Separator) + ".." + string(filepath.Separator) + "templates"
		}, "is the site's templates/ directory"},
		{"templates linked from elsewhere", func(t *testing.T, src string) string {
			theme := filepath.Join(filepath.Dir(src), "theme")
			if err := os.Rename(filepath.Join(src, "templates"), theme); err != nil {
				t.Fatal(err)
			}
			mustLink(t, theme, filepath.Join(src, "templates"))
			return theme
		}, "is the site's templates/ directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, public, _ := hostileSite(t)
			out := tc.out(t, src)
			before, site := tree(t, filepath.Dir(src)), snapshot(t, public)
			_, err := Build(src, out, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "choose another -out") {
				t.Fatalf("Build into %s: err = %v, want one saying %q and choose another -out", out, err, tc.want)
			}
			sameTree(t, "the site and around it", before, tree(t, filepath.Dir(src)))
			sameTree(t, "public/", site, snapshot(t, public))
		})
	}
}

// tree is snapshot, with links recorded as such rather than followed.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || d.IsDir():
			return err
		case d.Type()&fs.ModeSymlink != 0:
			l, err := os.Readlink(p)
			out[p] = "-> " + l
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTree fails unless two snapshots are the same.
func sameTree(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if got, ok := after[k]; !ok {
			t.Errorf("%s: %s was removed", what, k)
		} else if got != v {
			t.Errorf("%s: %s changed", what, k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s: %s appeared", what, k)
		}
	}
}

// TestHostileSources refuses every source that is not a regular file
// inside the site of at most MaxSourceSize, naming it and the fix, and
// publishes nothing: the previous output survives whole.
func TestHostileSources(t *testing.T) {
	t.Parallel()
	fifo := func(t *testing.T, p string) {
		t.Helper()
		os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := func(t *testing.T, p, head string) {
		t.Helper()
		line := strings.Repeat("word ", 15) + "\n\n"
		mustWrite(t, p, head+strings.Repeat(line, (91<<20)/10/len(line)+1))
	}
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, src, outside string)
		want  string
	}{
		{"stylesheet linked to the environment", func(t *testing.T, src, _ string) {
			mustLink(t, "/proc/self/environ", filepath.Join(src, "templates", "style.css"))
		}, "templates/style.css: is a symbolic link to a file outside the site; copy the file in instead"},
		{"article linked outside", func(t *testing.T, src, outside string) {
			mustLink(t, outside, filepath.Join(src, "content", "articles", "x.md"))
		}, "content/articles/x.md: is a symbolic link to a file outside the site; copy the file in instead"},
		{"article linked outside, relatively", func(t *testing.T, src, _ string) {
			mustLink(t, "../../../outside.md", filepath.Join(src, "content", "articles", "x.md"))
		}, "content/articles/x.md: is a symbolic link to a file outside the site; copy the file in instead"},
		{"page linked to /dev/zero", func(t *testing.T, src, _ string) {
			mustLink(t, "/dev/zero", filepath.Join(src, "content", "pages", "zero.md"))
		}, "content/pages/zero.md: is a symbolic link to a file outside the site; copy the file in instead"},
		{"site settings linked to the environment", func(t *testing.T, src, _ string) {
			mustLink(t, "/proc/self/environ", filepath.Join(src, "content", "site.yaml"))
		}, "content/site.yaml: is a symbolic link to a file outside the site; copy the file in instead"},
		{"timelines directory linked outside", func(t *testing.T, src, _ string) {
			mustLink(t, "/etc", filepath.Join(src, "content", "timelines"))
		}, "content/timelines: is a symbolic link to a directory outside the site; copy the folder in instead"},
		{"templates directory linked outside", func(t *testing.T, src, outside string) {
			theme := filepath.Join(filepath.Dir(outside), "theme")
			if err := os.Rename(filepath.Join(src, "templates"), theme); err != nil {
				t.Fatal(err)
			}
			mustLink(t, theme, filepath.Join(src, "templates"))
		}, "templates: is a symbolic link to a directory outside the site (templates/"},
		{"timeline linked outside", func(t *testing.T, src, outside string) {
			mustLink(t, outside, filepath.Join(src, "content", "timelines", "t.yaml"))
		}, "content/timelines/t.yaml: is a symbolic link to a file outside the site; copy the file in instead"},
		{"raw original linked outside", func(t *testing.T, src, outside string) {
			mustLink(t, outside, filepath.Join(src, "content", "raw", "a.txt"))
		}, "content/raw/a.txt: is a symbolic link to a file outside the site; copy the file in instead"},
		{"template linked to nothing", func(t *testing.T, src, _ string) {
			mustLink(t, "gone.css", filepath.Join(src, "templates", "style.css"))
		}, "templates/style.css: is a symbolic link to gone.css, which does not exist; fix or remove the link"},
		{"stylesheet a named pipe", func(t *testing.T, src, _ string) {
			fifo(t, filepath.Join(src, "templates", "style.css"))
		}, "templates/style.css: is a named pipe, not a regular file; remove it"},
		{"template a named pipe", func(t *testing.T, src, _ string) {
			fifo(t, filepath.Join(src, "templates", "base.html"))
		}, "templates/base.html: is a named pipe, not a regular file; remove it"},
		{"site settings a named pipe", func(t *testing.T, src, _ string) {
			fifo(t, filepath.Join(src, "content", "site.yaml"))
		}, "content/site.yaml: is a named pipe, not a regular file; remove it"},
		{"article a named pipe", func(t *testing.T, src, _ string) {
			fifo(t, filepath.Join(src, "content", "articles", "p.md"))
		}, "content/articles/p.md: is a named pipe, not a regular file; remove it"},
		{"article linked to a named pipe in the site", func(t *testing.T, src, _ string) {
			fifo(t, filepath.Join(src, "content", "raw", "pipe"))
			mustLink(t, "../raw/pipe", filepath.Join(src, "content", "articles", "p.md"))
		}, "content/articles/p.md: is a named pipe, not a regular file; remove it"},
		{"raw original a named pipe", func(t *testing.T, src, _ string) {
			fifo(t, filepath.Join(src, "content", "raw", "b.txt"))
		}, "content/raw/b.txt: is a named pipe, not a regular file; remove it"},
		{"article over the size limit", func(t *testing.T, src, _ string) {
			big(t, filepath.Join(src, "content", "articles", "big.md"), "---\ntitle: Big\npublication: P\nauthors: []\nurl: https://e.org/big\nraw: raw/a.txt\nevent: e\n---\n\n")
		}, "content/articles/big.md: 9.1 MiB is over the 8 MiB limit for a source file"},
		{"stylesheet over the size limit", func(t *testing.T, src, _ string) {
			big(t, filepath.Join(src, "templates", "style.css"), "")
		}, "templates/style.css: 9.1 MiB is over the 8 MiB limit for a source file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, out, outside := hostileSite(t)
			site := snapshot(t, out)
			tc.setup(t, src, outside)
			_, err := Build(src, out, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant one saying %q", err, tc.want)
			}
			sameTree(t, "public/", site, snapshot(t, out))
			if s := siblings(t, out); len(s) > 0 {
				t.Errorf("left behind %v", s)
			}
		})
	}
}

// A link that stays inside the site is read as its target, absolute or
// relative, file or directory.
func TestSymlinkInsideSite(t *testing.T) {
	t.Parallel()
	src, out, _ := hostileSite(t)
	shared := filepath.Join(src, "shared")
	mustWrite(t, filepath.Join(shared, "colophon.md"), "---\ntitle: Colophon\n---\n\nMade by hand.\n")
	mustWrite(t, filepath.Join(shared, "theme", "style.css"), "body { color: linked; }\n")
	mustLink(t, "../../shared/colophon.md", filepath.Join(src, "content", "pages", "colophon.md"))
	mustLink(t, filepath.Join(shared, "theme", "style.css"), filepath.Join(src, "templates", "style.css"))
	if err := os.Rename(filepath.Join(src, "content", "raw"), filepath.Join(shared, "raw")); err != nil {
		t.Fatal(err)
	}
	mustLink(t, "../shared/raw", filepath.Join(src, "content", "raw"))
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "colophon.html")); err != nil || !strings.Contains(string(b), "Made by hand.") {
		t.Errorf("colophon.html from a linked page: %v %.80q", err, b)
	}
	if b, err := os.ReadFile(filepath.Join(out, "style.css")); err != nil || !strings.HasPrefix(string(b), "body { color: linked; }") {
		t.Errorf("style.css from an absolute link inside the site: %v %.80q", err, b)
	}
}

// The size limit is for the files a build parses: a file of
// content/static/, published as it is, may be larger.
func TestLargeStaticFile(t *testing.T) {
	t.Parallel()
	src, out, _ := hostileSite(t)
	big := strings.Repeat("%PDF-1.4 filler\n", (9<<20)/16)
	mustWrite(t, filepath.Join(src, "content", "static", "report.pdf"), big)
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "static", "report.pdf")); err != nil || len(b) != len(big) {
		t.Errorf("static/report.pdf: %d bytes, %v; want %d", len(b), err, len(big))
	}
}

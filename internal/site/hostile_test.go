//go:build unix

package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

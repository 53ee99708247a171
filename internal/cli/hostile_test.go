package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileSettings: a base path or URL that would send 404.html's
// links, or the absolute URLs, to another site is refused, by a flag
// before anything is read and by site.yaml at its line and column; the
// build fails and public/ is left as it was.
func TestHostileSettings(t *testing.T) {
	const pathMsg = `must be a path starting with one "/", such as /repo/`
	const plainMsg = `must be a plain URL path, such as /repo/: letters, digits and "._~-" between single slashes, no "." or ".." part, no query or fragment`
	const urlMsg = `must be an absolute http(s) URL with no query or fragment, such as https://owner.github.io/repo/`
	tests := []struct {
		name, site string
		args       []string
		code       int
		want       string // the first line of stderr
	}{
		{"flag path to another host", "", []string{"-base-path", "//evil.example/"}, 2,
			`dossier build: -base-path "//evil.example/": ` + pathMsg},
		{"flag path not absolute", "", []string{"-base-path", "repo/"}, 2,
			`dossier build: -base-path "repo/": ` + pathMsg},
		{"flag path with ..", "", []string{"-base-path", "/a/../b/"}, 2,
			`dossier build: -base-path "/a/../b/": ` + plainMsg},
		{"flag path with a query", "", []string{"-base-path", "/repo/?x=1"}, 2,
			`dossier build: -base-path "/repo/?x=1": ` + plainMsg},
		{"flag path with a backslash", "", []string{"-base-path", `/\evil.example/`}, 2,
			`dossier build: -base-path "/\\evil.example/": ` + plainMsg},
		{"flag URL not http", "", []string{"-base-url", "javascript:alert(1)"}, 2,
			`dossier build: -base-url "javascript:alert(1)": ` + urlMsg},
		{"flag URL relative", "", []string{"-base-url", "//evil.example/"}, 2,
			`dossier build: -base-url "//evil.example/": ` + urlMsg},
		{"flag URL with a query", "", []string{"-base-url", "https://owner.github.io/repo/?utm=x"}, 2,
			`dossier build: -base-url "https://owner.github.io/repo/?utm=x": ` + urlMsg},
		{"flag URL with a fragment", "", []string{"-base-url", "https://owner.github.io/repo/#top"}, 2,
			`dossier build: -base-url "https://owner.github.io/repo/#top": ` + urlMsg},
		{"flag URL with a user", "", []string{"-base-url", "https://me:pw@owner.github.io/"}, 2,
			`dossier build: -base-url "https://me:pw@owner.github.io/": ` + urlMsg},
		{"flag URL whose path is another host", "", []string{"-base-url", "https://owner.github.io//evil.example/"}, 2,
			`dossier build: -base-url "https://owner.github.io//evil.example/": its path ` + pathMsg},
		{"site.yaml path to another host", "title: T\n\n\n\nbase_path: //evil.example/\n", nil, 1,
			`content/site.yaml:5:12: base_path "//evil.example/": ` + pathMsg},
		{"site.yaml path quoted", "title: T\nbase_path: \"/a/./b/\"\n", nil, 1,
			`content/site.yaml:2:12: base_path "/a/./b/": ` + plainMsg},
		{"site.yaml URL with a query", "title: T\nbase_url: https://owner.github.io/?q\n", nil, 1,
			`content/site.yaml:2:11: base_url "https://owner.github.io/?q": ` + urlMsg + `, or remove it`},
		{"site.yaml URL whose path is another host", "title: T\nbase_url: https://owner.github.io//evil.example/\n", nil, 1,
			`content/site.yaml:2:11: base_url "https://owner.github.io//evil.example/": its path ` + pathMsg + `, or remove it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			site := tt.site
			if site == "" {
				site = "title: T\n"
			}
			write(t, dir, "content/site.yaml", site)
			write(t, dir, "public/index.html", "old")
			write(t, dir, "public/.nojekyll", "") // as every build writes: a previous build
			code, _, errs := run(append([]string{"build", "-src", dir}, tt.args...)...)
			first, _, _ := strings.Cut(errs, "\n")
			first = strings.TrimPrefix(first, filepath.ToSlash(dir)+"/") // named from where the command runs
			if code != tt.code || first != tt.want {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, first line:\n%s", code, errs, tt.code, tt.want)
			}
			if b, err := os.ReadFile(filepath.Join(dir, "public", "index.html")); err != nil || string(b) != "old" {
				t.Errorf("public/ was replaced: %q, %v", b, err)
			}
		})
	}
	// Good values still build, and the path reaches 404.html.
	dir := t.TempDir()
	write(t, dir, "content/site.yaml", "title: T\nupdated: 2026-01-02\n")
	for _, args := range [][]string{{"-base-path", "/repo"}, {"-base-url", "https://owner.github.io/repo"}, {"-base-path", "/"}} {
		if code, _, errs := run(append([]string{"build", "-src", dir}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "public", "404.html"))
		want := `<base href="/repo/">`
		if args[1] == "/" {
			want = `<base href="/">`
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%v: 404.html lacks %s", args, want)
		}
	}
}

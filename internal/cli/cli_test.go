package cli

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}} {
		code, out, _ := run(args...)
		if code != 0 || !strings.Contains(out, "dossier build") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
	if code, _, errs := run("frobnicate"); code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d, %q", code, errs)
	}
	if code, _, errs := run("build", "-h"); code != 0 || !strings.Contains(errs, "-base-path") {
		t.Errorf("build -h: exit %d, %q", code, errs)
	}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "content/site.yaml", "title: T\n")
	write(t, dir, "content/raw/a.txt", "raw\n")
	art := "---\ntitle: A\npublication: P\nauthors: []\nurl: https://e.org/a\nraw: raw/a.txt\nevent: e\n---\n\nText.\n"
	write(t, dir, "content/articles/a.md", art)
	code, out, errs := run("build", "-src", dir)
	summary := regexp.MustCompile(`^built \d+ files \(1 articles, 0 timelines, 0 pages\) into ` + regexp.QuoteMeta(filepath.ToSlash(filepath.Join(dir, "public"))) + ` in \d`)
	if code != 0 || !summary.MatchString(out) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "articles", "a.html")); err != nil {
		t.Fatal(err)
	}

	// Two broken files: both reported, exit 1, public/ kept.
	write(t, dir, "content/articles/a.md", strings.Replace(art, "title: A", "tilte: A", 1))
	write(t, dir, "content/articles/b.md", strings.Replace(art, "url: https://e.org/a", "url: nope", 1))
	code, out, errs = run("build", "-src", dir)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"content/articles/a.md:2:1: unknown field \"tilte\"", "content/articles/b.md:5:6: url \"nope\"", "failed with 2 error(s)", "was left as it was"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "articles", "a.html")); err != nil {
		t.Error("public/ lost after a failed build")
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	write(t, dir, "content/site.yaml", "title: T\n")
	code, _, errs := run("serve", "-src", dir, "-addr", ln.Addr().String())
	if want := "dossier serve: " + ln.Addr().String() + " is in use; pick another with -addr\n"; code != 1 || errs != want {
		t.Errorf("exit %d, stderr %q, want %q", code, errs, want)
	}
	if code, _, errs := run("serve", "-h"); code != 0 || !strings.Contains(errs, "-base") {
		t.Errorf("serve -h: exit %d, %q", code, errs)
	}
}

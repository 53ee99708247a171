package cli

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
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
	if code, out, errs := run("build", "-h"); code != 0 || !strings.Contains(out, "-base-path") || errs != "" {
		t.Errorf("build -h: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// Every command's help has one shape, goes to stdout with exit 0 when asked
// for (-h, or dossier help COMMAND, which is the same text), and to stderr
// with exit 2 after a bad flag.
func TestCommandHelp(t *testing.T) {
	shape := regexp.MustCompile(`^Usage:\n(  dossier \S.*\n)+\n\S[^\n]*(\n\n?[^\n]+)*\n(\nFlags:\n  -[\s\S]*)?$`)
	for _, cmd := range []string{"new", "build", "serve", "import", "version"} {
		code, out, errs := run(cmd, "-h")
		if code != 0 || errs != "" || !shape.MatchString(out) || !strings.Contains(out, "  dossier "+cmd) {
			t.Errorf("%s -h: exit %d, stderr %q, stdout:\n%s", cmd, code, errs, out)
		}
		if code, h, errs := run("help", cmd); code != 0 || h != out || errs != "" {
			t.Errorf("help %s: exit %d, stderr %q, stdout differs from -h:\n%s", cmd, code, errs, h)
		}
	}
	for _, cmd := range []string{"new", "build", "serve"} {
		code, out, errs := run(cmd, "-nosuchflag")
		if code != 2 || out != "" || !strings.HasPrefix(errs, "flag provided but not defined: -nosuchflag\n\nUsage:\n  dossier "+cmd) {
			t.Errorf("%s -nosuchflag: exit %d, stdout %q, stderr %q", cmd, code, out, errs)
		}
	}
	if code, out, _ := run("help", "help"); code != 0 || !strings.Contains(out, "dossier help [COMMAND]") {
		t.Errorf("help help: exit %d, %q", code, out)
	}
	if code, _, errs := run("help", "frobnicate"); code != 2 || !strings.Contains(errs, `dossier help: unknown command "frobnicate"; the commands are new, build, serve, import, version, help`) {
		t.Errorf("help frobnicate: exit %d, %q", code, errs)
	}
}

// "dossier version" and -version print one line from the binary's build
// information; versionLine shows a release, a checkout's build and none.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}} {
		code, out, errs := run(args...)
		if code != 0 || errs != "" || !regexp.MustCompile(`^dossier \S+ \((.+; )?go\S+ \S+/\S+\)\n$`).MatchString(out) || !strings.Contains(out, runtime.Version()) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	if code, _, errs := run("version", "extra"); code != 2 || !strings.Contains(errs, `unexpected arguments ["extra"]`) {
		t.Errorf("version extra: exit %d, %q", code, errs)
	}
	platform := runtime.GOOS + "/" + runtime.GOARCH
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "dossier", Version: "v1.2.0"}}, "dossier v1.2.0 (go1.26.8 " + platform + ")"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "dossier", Version: "v0.0.0-20261204191917-1a5e46e12345+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "1a5e46e1234567890abcdef"}, {Key: "vcs.time", Value: "2026-12-04T19:19:17Z"}, {Key: "vcs.modified", Value: "true"}}},
			"dossier v0.0.0-20261204191917-1a5e46e12345+dirty (commit 1a5e46e12345, 2026-12-04T19:19:17Z, modified; go1.26.8 " + platform + ")"},
		{nil, "dossier (devel) (" + runtime.Version() + " " + platform + ")"},
	} {
		if got := versionLine(c.info); got != c.want {
			t.Errorf("versionLine = %q, want %q", got, c.want)
		}
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
	summary := regexp.MustCompile(`^built \d+ files \(1 article, 0 timelines, 0 pages\) into ` + regexp.QuoteMeta(filepath.ToSlash(filepath.Join(dir, "public"))) + ` in \d`)
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
	// Named from where the command runs, so that they open as printed.
	for _, want := range []string{"content/articles/a.md:2:1: ", "content/articles/b.md:5:6: "} {
		if p := filepath.ToSlash(filepath.Join(dir, want)); !strings.Contains("\n"+errs, "\n"+p) {
			t.Errorf("stderr has no line starting %q:\n%s", p, errs)
		}
	}
}

func TestFromHere(t *testing.T) {
	for _, c := range []struct{ src, msg, want string }{
		{".", "content/a.md:1: x", "content/a.md:1: x"},
		{"./", "content/a.md:1: x", "content/a.md:1: x"},
		{"my-story", "content/articles/a.md:2:1: x", "my-story/content/articles/a.md:2:1: x"},
		{"../s", "templates/base.html:3:4: x", "../s/templates/base.html:3:4: x"},
		{"my-story", "link check: 404.html: x", "link check: 404.html: x"},
	} {
		if got := fromHere(c.src, c.msg); got != c.want {
			t.Errorf("fromHere(%q, %q) = %q, want %q", c.src, c.msg, got, c.want)
		}
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
	if code, out, _ := run("serve", "-h"); code != 0 || !strings.Contains(out, "-base") {
		t.Errorf("serve -h: exit %d, %q", code, out)
	}
}

// An -out that is, or holds, the sources is refused, however it is
// spelt, and nothing is touched.
func TestBuildRefusesSourcesAsOut(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "content/site.yaml", "title: T\n")
	write(t, dir, "templates/index.html", "{{define \"main\"}}mine{{end}}\n")
	t.Chdir(dir)
	for _, out := range []string{"templates", "./content", "templates/../templates", ".", ".."} {
		code, stdout, errs := run("build", "-out", out)
		if code != 1 || stdout != "" || !strings.Contains(errs, "output directory "+filepath.Clean(out)+" ") || !strings.Contains(errs, "choose another -out") {
			t.Errorf("-out %s: exit %d, stdout %q, stderr %q", out, code, stdout, errs)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "templates", "index.html")); err != nil || !strings.Contains(string(b), "mine") {
		t.Errorf("templates/index.html after the refused builds: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "site.yaml")); err != nil {
		t.Error(err)
	}
}

func TestFromHereWriter(t *testing.T) {
	var b bytes.Buffer
	w := &fromHereWriter{src: "s1", w: &b}
	for _, chunk := range []string{"build failed in 1ms; still serving the last good build:\ncontent/articles/a.md:8", ":8: title is empty\ntemplates/base.html:1: x\n"} {
		if n, err := w.Write([]byte(chunk)); err != nil || n != len(chunk) {
			t.Fatalf("Write(%q) = %d, %v", chunk, n, err)
		}
	}
	want := "build failed in 1ms; still serving the last good build:\ns1/content/articles/a.md:8:8: title is empty\ns1/templates/base.html:1: x\n"
	if b.String() != want {
		t.Errorf("log:\n%s\nwant:\n%s", b.String(), want)
	}
}

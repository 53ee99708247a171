package clean

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySeed puts a raw seed in a temporary content tree and returns its path
// and the articles directory.
func copySeed(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(contentDir, "raw", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "content", "raw", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunImportBadInputs feeds one good file among bad ones: each bad one
// gets an error naming it, the good one is still imported, and the status
// is 1.
func TestRunImportBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := copySeed(t, dir, seeds[1].raw)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<html><body><nav><a href=/>Home</a></nav></body></html>"))
	zw.Close()
	bad := map[string][]byte{
		"empty.txt":        nil,
		"blank.txt":        []byte(" \n\n\t\n"),
		"binary.txt":       {0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1, 2, 3},
		"latin1.txt":       []byte("Caf\xe9 au lait is what the president ordered on Friday, said a spokesman for the caf\xe9.\n"),
		"noarticle.txt":    []byte("Home\nMenu\nLog in\nSubscribe\n"),
		"noarticle.html":   []byte("<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>"),
		"nav.html.gz":      gz.Bytes(),
		"missing-file.txt": nil,
	}
	wantErr := map[string]string{
		"empty.txt":        "empty",
		"blank.txt":        "empty",
		"binary.txt":       "binary",
		"latin1.txt":       "not UTF-8",
		"noarticle.txt":    "no article",
		"noarticle.html":   "no article",
		"nav.html.gz":      "no article",
		"missing-file.txt": "no such file",
	}
	args := []string{"-o", filepath.Join(dir, "content", "articles")}
	for name, data := range bad {
		p := filepath.Join(dir, name)
		if name != "missing-file.txt" {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		args = append(args, p)
	}
	args = append(args, good)
	var stdout, stderr bytes.Buffer
	if code := RunImport(args, &stdout, &stderr); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	for name, want := range wantErr {
		line := ""
		for _, l := range strings.Split(stderr.String(), "\n") {
			if strings.Contains(l, filepath.Join(dir, name)+":") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("no error naming %s in:\n%s", name, stderr.String())
		} else if !strings.Contains(line, want) {
			t.Errorf("error for %s = %q, want it to say %q", name, line, want)
		}
	}
	out := filepath.Join(dir, "content", "articles", seeds[1].article)
	if strings.TrimSpace(stdout.String()) != out {
		t.Errorf("stdout = %q, want only the path %q", stdout.String(), out)
	}
	a, _ := readArticle(t, out)
	if a.Raw != "raw/"+seeds[1].raw {
		t.Errorf("raw = %q, want the path relative to content/", a.Raw)
	}
}

// TestRunImportNoOverwrite checks that an existing article survives without
// -force and is replaced with it, and that -explain prints the reasons.
func TestRunImportNoOverwrite(t *testing.T) {
	dir := t.TempDir()
	src := copySeed(t, dir, seeds[0].raw)
	outDir := filepath.Join(dir, "content", "articles")
	out := filepath.Join(outDir, seeds[0].article)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := RunImport([]string{"-o", outDir, src}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit status %d without -force, want 1", code)
	}
	if !strings.Contains(stderr.String(), "already exists") || !strings.Contains(stderr.String(), src) {
		t.Errorf("stderr = %q, want it to name the file and say the article exists", stderr.String())
	}
	if b, _ := os.ReadFile(out); string(b) != "edited by hand" {
		t.Fatal("existing article overwritten without -force")
	}
	stdout.Reset()
	stderr.Reset()
	if code := RunImport([]string{"-o", outDir, "-force", "-explain", src}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d with -force: %s", code, stderr.String())
	}
	for _, want := range []string{
		"newsletter prompt: \"Fight disinformation",
		"duplicate of block 13",
		"donation appeal",
		"is the credits: \"Additional reporting by Hannah Levintova",
		"is the photo caption",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("-explain output lacks %q:\n%s", want, stdout.String())
		}
	}
}

func TestRunImportUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := RunImport(nil, &stdout, &stderr); code != 2 {
		t.Errorf("no files: exit status %d, want 2", code)
	}
	if code := RunImport([]string{"-nosuchflag"}, &stdout, &stderr); code != 2 {
		t.Errorf("bad flag: exit status %d, want 2", code)
	}
}

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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	var stdout, stderr bytes.Buffer
	if code := RunImport(nil, &stdout, &stderr); code != 2 {
		t.Errorf("no files: exit status %d, want 2", code)
	}
	if code := RunImport([]string{"-nosuchflag"}, &stdout, &stderr); code != 2 {
		t.Errorf("bad flag: exit status %d, want 2", code)
	}
}

// TestRunImportSlugCollision imports two inputs with the same title in one
// run: the second is refused naming the first, even with -force, and the
// first article is the one on disk.
func TestRunImportSlugCollision(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first := copySeed(t, dir, seeds[0].raw)
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "content", "raw", "again.txt")
	// The same headline over a different body.
	lines := strings.SplitN(string(data), "\n", 2)
	other := lines[0] + "\n\nThe second copy of the story says something else entirely, at some length, so that it reads as an article of its own with words enough.\nIt goes on for a second paragraph, as the first one did, and then it ends here with a full stop.\n"
	if err := os.WriteFile(second, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "content", "articles")
	for _, force := range []bool{false, true} {
		args := []string{"-o", outDir, first, second}
		if force {
			args = append([]string{"-force"}, args...)
		}
		var stdout, stderr bytes.Buffer
		if code := RunImport(args, &stdout, &stderr); code != 1 {
			t.Fatalf("force=%v: exit status %d, want 1; stderr %s", force, code, stderr.String())
		}
		msg := stderr.String()
		if !strings.Contains(msg, "import "+second+":") || !strings.Contains(msg, "same article as "+first) {
			t.Errorf("force=%v: stderr %q, want the second input refused naming the first", force, msg)
		}
		got, err := os.ReadFile(filepath.Join(outDir, seeds[0].article))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(got), "second copy") {
			t.Fatalf("force=%v: the second input overwrote the first", force)
		}
		if force {
			continue
		}
		// Without -force the next round would fail on the existing file.
		os.Remove(filepath.Join(outDir, seeds[0].article))
	}
}

// TestRunImportOutsideDossier checks that without -o, a directory that is
// not a dossier is refused with a message naming -o, and nothing is
// written; with -o the import goes ahead.
func TestRunImportOutsideDossier(t *testing.T) {
	dir := t.TempDir()
	src := copySeed(t, dir, seeds[1].raw)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := RunImport([]string{src}, &stdout, &stderr); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), "not a dossier") || !strings.Contains(stderr.String(), "-o") {
		t.Errorf("stderr %q, want it to say this is not a dossier and name -o", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "articles")); err == nil {
		t.Error("content/articles was created outside a dossier")
	}
	// Inside a dossier (content/site.yaml present) the default works.
	if err := os.WriteFile(filepath.Join(dir, "content", "site.yaml"), []byte("title: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	stderr.Reset()
	if code := RunImport([]string{src}, &stdout, &stderr); code != 0 {
		t.Fatalf("inside a dossier: exit status %d: %s", code, stderr.String())
	}
	if strings.TrimSpace(stdout.String()) != filepath.Join("content", "articles", seeds[1].article) {
		t.Errorf("stdout %q", stdout.String())
	}
}

// TestRunImportNoTitle checks that copied text with no headline gives an
// article named after its file, with title: "" and the TODO comment
// naming it, rather than a failed import.
func TestRunImportNoTitle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "Harbour Notes.txt")
	body := "The council said on Monday that the work on the harbour wall would go on through the winter, and that the people who live by the water had been told about it.\n" +
		"The letter it sent in the autumn gave the dates of the closed roads, and said that the noise would stop at six in the evening on every weekday.\n"
	if err := os.WriteFile(src, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "articles")
	var stdout, stderr bytes.Buffer
	if code := RunImport([]string{"-o", outDir, "-explain", src}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr.String())
	}
	out := filepath.Join(outDir, "harbour-notes.md")
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("%v; stdout %s", err, stdout.String())
	}
	for _, want := range []string{"# TODO by hand: title,", "\ntitle: \"\"\n", "The council said on Monday"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("article lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(stdout.String(), "no title found") {
		t.Errorf("-explain %q, want a note that no title was found", stdout.String())
	}
}

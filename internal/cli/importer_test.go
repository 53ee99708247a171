package cli

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"dossier/internal/clean"
)

// moduleRoot returns the repository root, where go.mod is.
func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// goBuild builds the module's package pkg into dir and returns the program.
func goBuild(t *testing.T, root, pkg, dir string) string {
	t.Helper()
	exe := filepath.Join(dir, filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", exe, pkg)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	return exe
}

// The reason the importer is a program of its own: build and serve must not
// link the HTML extractor, whose packages' initialisation costs every
// process that links them a third of a second and 50 MB.
func TestDossierDoesNotLinkTheExtractor(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("go", "list", "-deps", "./cmd/dossier")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "trafilatura") || strings.Contains(pkg, "dateparser") || pkg == "dossier/internal/clean" {
			t.Errorf("cmd/dossier depends on %s; keep the importer in cmd/dossier-import", pkg)
		}
	}
}

// "dossier import" runs the dossier-import program installed next to it,
// passing arguments, output and exit status through.
func TestImportRunsTheImporterBesideIt(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds both programs; skipped with -short")
	}
	root := moduleRoot(t)
	bin := t.TempDir()
	dossier := goBuild(t, root, "./cmd/dossier", bin)
	goBuild(t, root, "./cmd/dossier-import", bin)

	raw := filepath.Join(t.TempDir(), "copied.txt")
	seed, err := os.ReadFile(filepath.Join(root, "content", "raw", "theweek-849922-trump-told-putin-not-to-meddle.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(raw, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(dossier, "import", "-o", out, raw)
	cmd.Dir = t.TempDir() // outside the module: the sibling must be found first
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dossier import: %v\n%s", err, stderr.String())
	}
	written := strings.TrimSpace(stdout.String())
	if filepath.Dir(written) != out {
		t.Fatalf("dossier import printed %q, want a path in %s", written, out)
	}
	if _, err := os.Stat(written); err != nil {
		t.Fatalf("the printed article is not there: %v", err)
	}

	// A second import of the same file fails (no -force): status 1 comes
	// through, and so does the importer's message.
	stdout.Reset()
	stderr.Reset()
	cmd = exec.Command(dossier, "import", "-o", out, raw)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("second import: exit status %d (%v), want 1", code, err)
	}
	if !strings.Contains(stderr.String(), "use -force") {
		t.Errorf("second import's message lacks the importer's hint: %q", stderr.String())
	}
}

// Without the importer anywhere, outside the module, the error says what to
// install.
func TestImportWithoutImporterSaysWhatToDo(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the program; skipped with -short")
	}
	root := moduleRoot(t)
	dossier := goBuild(t, root, "./cmd/dossier", t.TempDir())
	var stderr bytes.Buffer
	cmd := exec.Command(dossier, "import", "x.txt")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "PATH="+t.TempDir()) // no go, no dossier-import
	cmd.Stderr = &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 2 {
		t.Fatalf("exit status %d (%v), want 2", code, err)
	}
	for _, want := range []string{"dossier-import", "go install ./cmd/dossier ./cmd/dossier-import"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("message lacks %q: %q", want, stderr.String())
		}
	}
}

// Inside the dossier's module, with no importer beside the program (go run
// ./cmd/dossier import ...), the importer runs through "go tool", as go.mod
// declares it, even when another is on PATH.
func TestImportInOwnModuleUsesGoTool(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the programs; skipped with -short")
	}
	root := moduleRoot(t)
	dossier := goBuild(t, root, "./cmd/dossier", t.TempDir())
	goPath, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	// An importer installed on PATH earlier may be older than the source:
	// inside the module, the source's wins.
	stale := t.TempDir()
	if err := os.WriteFile(filepath.Join(stale, "dossier-import"), []byte("#!/bin/sh\necho STALE importer >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	// (-h is answered by dossier itself: a missing file is the importer's
	// to report.)
	var stdout, stderr bytes.Buffer
	// (-o, since content/ is no dossier root: the importer refuses to
	// guess where articles go.)
	cmd := exec.Command(dossier, "import", "-o", t.TempDir(), "no-such-file.txt")
	cmd.Dir = filepath.Join(root, "content")
	cmd.Env = append(os.Environ(), "PATH="+stale+string(os.PathListSeparator)+filepath.Dir(goPath))
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("dossier import no-such-file.txt: exit %d (%v)\n%s", code, err, stderr.String())
	}
	if strings.Contains(stderr.String(), "STALE") || !strings.Contains(stderr.String(), "import no-such-file.txt: ") {
		t.Errorf("dossier import did not run the source's importer: %q", stderr.String())
	}
}

// The first "go tool dossier-import" builds the importer for several
// seconds without a word; runNoting says why when a command stays silent
// that long, and says nothing when it speaks first. Exit status passes
// through either way.
func TestRunNotingSaysWhyItIsSilent(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	const note = "building…\n"
	for _, c := range []struct {
		script   string
		wantNote bool
		code     int
	}{
		{"sleep 0.6; echo done", true, 0},
		{"echo done; sleep 0.6", false, 0},
		{"echo done >&2; sleep 0.6; exit 3", false, 3},
		{"sleep 0.6; exit 4", true, 4},
	} {
		var stdout, stderr bytes.Buffer
		code := runNoting(exec.Command("sh", "-c", c.script), &stdout, &stderr, 150*time.Millisecond, note)
		if got := strings.Contains(stderr.String(), note); got != c.wantNote || code != c.code {
			t.Errorf("%q: note %v (stderr %q), exit %d; want note %v, exit %d", c.script, got, stderr.String(), code, c.wantNote, c.code)
		}
		if strings.Contains(c.script, "echo done") && !strings.Contains(stdout.String()+stderr.String(), "done") {
			t.Errorf("%q: output lost: stdout %q, stderr %q", c.script, stdout.String(), stderr.String())
		}
	}
}

// This command declares the importer's flags again, for its help and to
// count the files: they must be the importer's own, so that the help is
// true and no flag is judged wrongly. "dossier import -h" is that help, in
// the style of the other commands.
func TestImportFlagsMatch(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	clean.RunImport([]string{"-h"}, &out, &errb)
	flagRE := regexp.MustCompile(`(?m)^  -(\S+)`)
	var theirs, ours []string
	for _, m := range flagRE.FindAllStringSubmatch(out.String()+errb.String(), -1) {
		theirs = append(theirs, m[1])
	}
	importFlags(io.Discard, io.Discard).VisitAll(func(f *flag.Flag) { ours = append(ours, f.Name) })
	slices.Sort(theirs)
	if len(theirs) == 0 || !slices.Equal(theirs, ours) {
		t.Errorf("the importer's flags are %v; dossier import declares %v", theirs, ours)
	}
	code, help, errs := run("import", "-h")
	if code != 0 || errs != "" || !strings.HasPrefix(help, "Usage:\n  dossier import [flags] FILE...\n\nClean each FILE") || !strings.Contains(help, "\nFlags:\n  -explain\n") {
		t.Errorf("import -h: exit %d, stderr %q, stdout:\n%s", code, errs, help)
	}
}

package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// The importer is a program of its own, cmd/dossier-import. The HTML
// extractor it links (go-trafilatura, through go-htmldate's date parser)
// builds its language tables when the process starts, whether or not a page
// is ever imported: about 0.3 s of CPU and 50 MB of memory. Linked into this
// command, every build and every preview would pay that; a build of a
// two-article dossier took 0.35 s instead of a few hundredths. So "dossier
// import" runs the importer, found in this order:
//
//  1. dossier-import next to this program (go install ./cmd/... puts both
//     in the same directory);
//  2. inside the dossier's own module (go run ./cmd/dossier import ...):
//     "go tool dossier-import", which go.mod declares as a tool, so Go
//     builds it from the current source once and caches it (an importer
//     installed on PATH earlier may be older than the source);
//  3. dossier-import on PATH.
const importerName = "dossier-import"

// runImport runs the importer with args, passing its output and exit status
// through.
func runImport(args []string, stdout, stderr io.Writer) int {
	// The flags are the importer's, declared here as well for the help in
	// this command's style and to count the files; a flag they do not
	// know is left for the importer to judge (TestImportFlagsMatch keeps
	// the two lists the same).
	fs := importFlags(stdout, stderr)
	fs.SetOutput(io.Discard)
	files := -1
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		fs.printHelp(stdout)
		return 0
	case err == nil:
		files = fs.NArg()
	}
	cmd, err := importerCommand(args)
	if err != nil {
		fmt.Fprintf(stderr, "dossier import: %v\n", err)
		return 2
	}
	cmd.Stdin = os.Stdin
	if files > 0 {
		prog := startProgress(stderr, "importing", "files")
		defer prog.stop()
		stdout, stderr = importProgress(prog, files, stdout, stderr)
	}
	if len(cmd.Args) > 1 && cmd.Args[1] == "tool" {
		// go tool builds the importer on its first run, silently, for
		// several seconds: say so if it keeps quiet that long.
		return runNoting(cmd, stdout, stderr, slowStart, "dossier import: building the importer (go tool builds it on its first run, then keeps it)…\n")
	}
	return runNoting(cmd, stdout, stderr, 0, "")
}

// importProgress shows on prog how many of the files the importer has
// done, and returns the writers to give it instead of stdout and stderr.
// It prints a line per article written, then, with -explain, indented
// lines about it; and a line per file it could not import, "import FILE:
// why".
func importProgress(prog *progress, files int, stdout, stderr io.Writer) (io.Writer, io.Writer) {
	prog.update(0, files)
	return prog.through(stdout, func(l string) bool { return l != "" && !strings.HasPrefix(l, " ") }),
		prog.through(stderr, func(l string) bool { return strings.HasPrefix(l, "import ") })
}

// importFlags declares the importer's flags, as internal/clean does.
func importFlags(stdout, stderr io.Writer) *command {
	fs := newFlags("import", "import [flags] FILE...", `Clean each FILE (plain text copied from a browser, or a saved page .html
or .htm, gzipped or not) into a Markdown article in the -o directory, and
print its path. An existing article is never overwritten without -force.
-explain prints every block that was removed, and why; -explain=all prints
the kept blocks too. Without -o, it must run in a dossier (a directory with
content/site.yaml).`, stdout, stderr)
	fs.String("o", filepath.Join("content", "articles"), "directory to write the articles to")
	fs.Bool("explain", false, "print every removed block with the reason (-explain=all: and every kept one)")
	fs.Bool("force", false, "overwrite an existing article")
	return fs
}

// slowStart is how long the importer may stay silent before runImport
// says why.
const slowStart = 2 * time.Second

// runNoting runs cmd with its output going to stdout and stderr, and
// returns its exit status. If after wait (> 0) cmd has written nothing,
// it writes note to stderr first.
func runNoting(cmd *exec.Cmd, stdout, stderr io.Writer, wait time.Duration, note string) int {
	var mu sync.Mutex
	spoke := false
	through := func(w io.Writer) io.Writer {
		return writerFunc(func(p []byte) (int, error) {
			mu.Lock()
			defer mu.Unlock()
			spoke = true
			return w.Write(p)
		})
	}
	cmd.Stdout, cmd.Stderr = through(stdout), through(stderr)
	if wait > 0 {
		// Stop does not wait for a note being written: returned, runNoting
		// marks itself done under mu, and a late note is not written.
		done := false
		t := time.AfterFunc(wait, func() {
			mu.Lock()
			defer mu.Unlock()
			if !spoke && !done {
				io.WriteString(stderr, note)
			}
		})
		defer func() {
			t.Stop()
			mu.Lock()
			done = true
			mu.Unlock()
		}()
	}
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() > 0 {
			return exit.ExitCode()
		}
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(stderr, "dossier import: running %s: %v\n", cmd.Path, err)
		return 1
	}
	return 0
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// importerCommand returns the command that runs the importer with args.
func importerCommand(args []string) (*exec.Cmd, error) {
	name := importerName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if self, err := os.Executable(); err == nil {
		dirs := []string{filepath.Dir(self)}
		if resolved, err := filepath.EvalSymlinks(self); err == nil {
			dirs = append([]string{filepath.Dir(resolved)}, dirs...)
		}
		for _, dir := range dirs {
			sibling := filepath.Join(dir, name)
			if fi, err := os.Stat(sibling); err == nil && !fi.IsDir() {
				return exec.Command(sibling, args...), nil
			}
		}
	}
	if goTool, ok := inOwnModule(); ok {
		return exec.Command(goTool, append([]string{"tool", importerName}, args...)...), nil
	}
	if path, err := exec.LookPath(importerName); err == nil {
		return exec.Command(path, args...), nil
	}
	return nil, fmt.Errorf("the importer, %s, is not next to this program or on PATH, and this directory is not in the dossier's Go module; "+
		"install both with `go install ./cmd/dossier ./cmd/dossier-import` from the dossier's repository, or run `go run ./cmd/dossier import ...` there", importerName)
}

// inOwnModule reports whether the current directory is inside the Go module
// this program was built from, and returns the go command to use there.
func inOwnModule() (string, bool) {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Path == "" {
		return "", false
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", false
	}
	out, err := exec.Command(goTool, "list", "-m").Output()
	if err != nil {
		return "", false
	}
	// In a workspace, go list -m prints every module of it, a line each.
	for _, m := range strings.Fields(string(out)) {
		if m == info.Main.Path {
			return goTool, true
		}
	}
	return "", false
}

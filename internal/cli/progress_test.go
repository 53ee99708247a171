package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// termBuffer is a buffer that says it is a terminal.
type termBuffer struct{ bytes.Buffer }

func (*termBuffer) IsTerminal() bool { return true }

// fakeClock is a clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// The line: what it says, redrawn at most every 100 ms, padded over a
// longer one, and cleared at the end.
func TestProgressLine(t *testing.T) {
	t.Parallel()
	var w bytes.Buffer
	clock := &fakeClock{time.Unix(1000, 0)}
	p := newProgress(&w, "building", "pages", clock.now)
	step := func(d time.Duration, done, total int, want string) {
		t.Helper()
		clock.t = clock.t.Add(d)
		w.Reset()
		p.update(done, total)
		if w.String() != want {
			t.Errorf("update(%d, %d) after %s wrote %q, want %q", done, total, d, w.String(), want)
		}
	}
	step(0, 0, 0, "\rbuilding: starting, 0.0s")                        // loading: nothing counted yet
	step(10*time.Millisecond, 1, 120, "\rbuilding: 1/120 pages, 0.0s") // the first total draws at once
	step(50*time.Millisecond, 2, 120, "")                              // then at most every 100 ms
	step(50*time.Millisecond, 3, 120, "\rbuilding: 3/120 pages, 0.1s")
	step(time.Second, 120, 120, "\rbuilding: 120/120 pages, 1.1s")
	step(time.Second, 7, 0, "\rbuilding: 7 pages, 2.1s      ") // total unknown; padded over the longer line
	w.Reset()
	p.stop()
	if want := "\r" + strings.Repeat(" ", len("building: 7 pages, 2.1s")) + "\r"; w.String() != want {
		t.Errorf("stop wrote %q, want %q", w.String(), want)
	}
	w.Reset()
	clock.t = clock.t.Add(time.Second)
	p.update(8, 0)
	p.stop()
	if w.Len() != 0 {
		t.Errorf("stopped, it wrote %q", w.String())
	}

	// Output passed through clears the line first and draws it again
	// below, counting the lines it is told to count.
	w.Reset()
	p = newProgress(&w, "importing", "files", clock.now)
	var out bytes.Buffer
	stdout, stderr := importProgress(p, 3, &out, &w)
	stdout.Write([]byte("content/articles/a.md\n  removed block 2 (line 3), a newsletter prompt: \"Sign up\"\n"))
	stderr.Write([]byte("import b.txt: empty file\n"))
	stdout.Write([]byte("content/artic")) // mid-line: no line drawn after it
	stdout.Write([]byte("les/c.md\n"))
	p.stop()
	line := func(n int) string { return "\rimporting: " + string(rune('0'+n)) + "/3 files, 0.0s" }
	clear := "\r" + strings.Repeat(" ", len("importing: 0/3 files, 0.0s")) + "\r"
	if want := line(0) + clear + line(1) + clear + "import b.txt: empty file\n" + line(2) + clear + line(3) + clear; w.String() != want {
		t.Errorf("stderr:\n%q\nwant\n%q", w.String(), want)
	}
	if want := "content/articles/a.md\n  removed block 2 (line 3), a newsletter prompt: \"Sign up\"\ncontent/articles/c.md\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
}

// Which writers are terminals: a character device, or a writer that says
// so; not a buffer or a regular file.
func TestIsTerminal(t *testing.T) {
	t.Parallel()
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) || !isTerminal(&termBuffer{}) {
		t.Error("isTerminal is wrong about a file, a buffer or a terminal")
	}
	if startProgress(f, "building", "pages") != nil {
		t.Error("a progress line on a file")
	}
}

// On a terminal a build shows its progress on stderr and clears it; its
// stdout and its files are what they are without one. Not on a terminal,
// stderr stays empty.
func TestBuildProgress(t *testing.T) {
	src := t.TempDir()
	if code, _, errs := run("new", src); code != 0 {
		t.Fatal(errs)
	}
	summary := regexp.MustCompile(`^built (\d+) files \(1 article, 1 timeline, 1 page\) into \S+ in \d`)
	var plainOut, termOut, plainErr bytes.Buffer
	if code := Main([]string{"build", "-src", src, "-out", filepath.Join(src, "plain")}, &plainOut, &plainErr); code != 0 || plainErr.Len() != 0 || !summary.MatchString(plainOut.String()) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, plainOut.String(), plainErr.String())
	}
	var termErr termBuffer
	if code := Main([]string{"build", "-src", src, "-out", filepath.Join(src, "term")}, &termOut, &termErr); code != 0 || !summary.MatchString(termOut.String()) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, termOut.String(), termErr.String())
	}
	line := regexp.MustCompile(`^(\rbuilding: (starting|\d+/\d+ pages), \d+\.\ds *)+\r +\r$`)
	if !line.MatchString(termErr.String()) || !strings.Contains(termErr.String(), "building: 1/") {
		t.Errorf("stderr on a terminal: %q", termErr.String())
	}
	where := regexp.MustCompile(` into \S+ in \S+\n$`)
	if where.ReplaceAllString(plainOut.String(), "") != where.ReplaceAllString(termOut.String(), "") {
		t.Errorf("stdout differs: %q and %q", plainOut.String(), termOut.String())
	}
	a, b := os.DirFS(filepath.Join(src, "plain")), os.DirFS(filepath.Join(src, "term"))
	n := 0
	fs.WalkDir(a, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		x, _ := fs.ReadFile(a, p)
		y, err := fs.ReadFile(b, p)
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs with a progress line", p)
		}
		return nil
	})
	if want := summary.FindStringSubmatch(plainOut.String())[1]; fmt.Sprint(n) != want {
		t.Errorf("compared %d files", n)
	}
}

// dossier import shows, on a terminal, how many of its files the importer
// has done, and nothing when stderr is not a terminal.
func TestImportProgress(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	script := `echo content/articles/a.md; echo "import b.txt: empty file" >&2`
	for _, term := range []bool{false, true} {
		var out bytes.Buffer
		var errw interface {
			Write([]byte) (int, error)
			String() string
		} = &bytes.Buffer{}
		if term {
			errw = &termBuffer{}
		}
		prog := startProgress(errw, "importing", "files")
		stdout, stderr := importProgress(prog, 2, &out, errw)
		code := runNoting(exec.Command(sh, "-c", script), stdout, stderr, 0, "")
		prog.stop()
		got := errw.String()
		if term {
			// The importer's two streams may come in either order.
			if !strings.HasPrefix(got, "\rimporting: 0/2 files, 0.") || !strings.Contains(got, "\rimport b.txt: empty file\n") ||
				!regexp.MustCompile(`\rimporting: 2/2 files, \d\.\ds\r +\r$`).MatchString(got) {
				t.Errorf("stderr on a terminal: %q", got)
			}
		} else if got != "import b.txt: empty file\n" {
			t.Errorf("stderr not on a terminal: %q", got)
		}
		if code != 0 || out.String() != "content/articles/a.md\n" {
			t.Errorf("exit %d, stdout %q", code, out.String())
		}
	}
}

// lockedTerm is a terminal buffer written from several goroutines.
type lockedTerm struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (*lockedTerm) IsTerminal() bool { return true }

func (l *lockedTerm) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedTerm) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// dossier serve shows the progress of its first build, and clears it
// before its log begins (here stdout and stderr are one terminal).
func TestServeProgress(t *testing.T) {
	src := t.TempDir()
	if code, _, errs := run("new", src); code != 0 {
		t.Fatal(errs)
	}
	term := &lockedTerm{}
	done := make(chan int)
	go func() { done <- Main([]string{"serve", "-src", src, "-addr", "127.0.0.1:0"}, term, term) }()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(term.String(), "serving ") {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start: %q", term.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := self.Signal(os.Interrupt); err != nil { // caught by serve's signal.NotifyContext
		t.Skipf("cannot interrupt itself here: %v", err)
	}
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
	got := term.String()
	if !regexp.MustCompile(`^\rbuilding: (starting|\d+/\d+ pages), \d\.\ds[^\n]*\r +\rbuilt \d+ files in \S+\nserving `).MatchString(got) || !strings.Contains(got, "building: 1/") {
		t.Errorf("output: %q", got)
	}
}

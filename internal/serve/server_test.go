package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// wait bounds every wait for the server, generously: the tests run on
// loaded two-core machines, and they assert what happens, never how fast.
const wait = 10 * time.Second

// testLog is where test servers report their builds.
var testLog io.Writer = io.Discard

var noRedirect = &http.Client{
	Timeout:       wait,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

type testServer struct {
	url string
	dir string
	srv *Server
}

func writeFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// saveByRename saves as many editors do: a temporary file renamed over the original.
func saveByRename(t testing.TB, dir, name, data string) {
	t.Helper()
	tmp := filepath.Join(dir, filepath.FromSlash(name)+".tmp-save")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

// startServer serves the site in dir on 127.0.0.1:0 until the test ends.
func startServer(t testing.TB, dir, base string) *testServer {
	t.Helper()
	s, err := New(Config{Src: dir, Base: base, Log: testLog})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(wait):
			t.Error("server did not stop")
		}
	})
	return &testServer{url: "http://" + ln.Addr().String(), dir: dir, srv: s}
}

// get returns the status and body of a GET.
func (ts *testServer) get(t testing.TB, p string) (int, string) {
	t.Helper()
	resp, err := noRedirect.Get(ts.url + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// An events is one tab's event stream: the generations it was sent.
type events struct {
	gens    chan int64
	last    int64
	timeout time.Duration // for each event; wait unless set
}

// listen opens the event stream under base and returns it after its
// first event, the current generation.
func (ts *testServer) listen(t testing.TB, base string) *events {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.url+base+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream served as %q", ct)
	}
	ev := &events{gens: make(chan int64, 100), timeout: wait}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				event = v
			}
			if v, ok := strings.CutPrefix(line, "data: "); ok && event == "reload" {
				g, _ := strconv.ParseInt(v, 10, 64)
				ev.gens <- g
			}
		}
		close(ev.gens)
	}()
	ev.last = ev.next(t)
	return ev
}

// next waits for the next generation the stream sends.
func (ev *events) next(t testing.TB) int64 {
	t.Helper()
	select {
	case g, ok := <-ev.gens:
		if !ok {
			t.Fatal("event stream closed")
		}
		return g
	case <-time.After(ev.timeout):
		t.Fatalf("no reload event in %s", ev.timeout)
	}
	return 0
}

// reload waits for a reload event: a generation other than the last.
func (ev *events) reload(t testing.TB) {
	t.Helper()
	for {
		if g := ev.next(t); g != ev.last {
			ev.last = g
			return
		}
	}
}

const siteYAML = "title: Test dossier\n"

func articleMD(title, body string) string {
	return "---\ntitle: " + title + "\npublication: P\nauthors: []\nurl: https://example.org/a\nraw: raw/a.txt\nevent: e\n---\n\n" + body + "\n"
}

// newSite writes a site of two articles, alpha linking to beta.
func newSite(t testing.TB) string {
	dir := t.TempDir()
	writeFile(t, dir, "content/site.yaml", siteYAML)
	writeFile(t, dir, "content/raw/a.txt", "raw\n")
	writeFile(t, dir, "content/articles/alpha.md", articleMD("Alpha", "Alpha text, see [beta](beta.md)."))
	writeFile(t, dir, "content/articles/beta.md", articleMD("Beta", "Beta text."))
	return dir
}

func TestEditShowsAndReloads(t *testing.T) {
	ts := startServer(t, newSite(t), "/")
	ev := ts.listen(t, "/")
	if code, body := ts.get(t, "/articles/beta.html"); code != 200 || !strings.Contains(body, "Beta text.") {
		t.Fatalf("%d %s", code, body)
	}
	saveByRename(t, ts.dir, "content/articles/beta.md", articleMD("Beta", "Edited beta text."))
	ev.reload(t)
	code, body := ts.get(t, "/articles/beta.html")
	if code != 200 || !strings.Contains(body, "Edited beta text.") {
		t.Fatalf("after the edit: %d %s", code, body)
	}
	if !strings.Contains(body, `if (e.data !== "`+strconv.FormatInt(ev.last, 10)+`")`) {
		t.Error("the page does not carry the generation it was served at")
	}
	// The reload script is added when serving, never to the build.
	res, _, _ := ts.srv.snapshot()
	for name, data := range res.Files {
		if strings.Contains(string(data), "EventSource") {
			t.Errorf("the built %s holds the reload script", name)
		}
	}

	// A plain write (not a rename) is seen too.
	writeFile(t, ts.dir, "content/articles/beta.md", articleMD("Beta", "Written again."))
	ev.reload(t)
	if _, body := ts.get(t, "/articles/beta.html"); !strings.Contains(body, "Written again.") {
		t.Error("plain write not rebuilt")
	}
}

func TestNewDirectoryIsWatched(t *testing.T) {
	ts := startServer(t, newSite(t), "/")
	ev := ts.listen(t, "/")
	// content/pages/ does not exist yet: it and its first file appear together.
	writeFile(t, ts.dir, "content/pages/about.md", "---\ntitle: About\n---\n\nFirst.\n")
	ev.reload(t)
	for {
		if code, body := ts.get(t, "/about.html"); code == 200 && strings.Contains(body, "First.") {
			break
		}
		ev.reload(t) // the page's events may have come in two builds
	}
	writeFile(t, ts.dir, "content/pages/about.md", "---\ntitle: About\n---\n\nSecond.\n")
	ev.reload(t)
	if _, body := ts.get(t, "/about.html"); !strings.Contains(body, "Second.") {
		t.Error("a file in a directory created after the start is not watched")
	}
}

func TestBrokenEditShowsErrorUntilFixed(t *testing.T) {
	ts := startServer(t, newSite(t), "/")
	ev := ts.listen(t, "/")
	good := articleMD("Beta", "Beta text.")
	saveByRename(t, ts.dir, "content/articles/beta.md", strings.Replace(good, "title:", "tilte:", 1))
	ev.reload(t)
	for _, p := range []string{"/articles/beta.html", "/index.html", "/articles/alpha.html", "/missing.html"} {
		code, body := ts.get(t, p)
		if code != 500 || !strings.Contains(body, "<code>content/articles/beta.md:2:1</code>") || !strings.Contains(body, "unknown field &#34;tilte&#34;") {
			t.Errorf("%s: %d, want the error page naming beta.md:2:1:\n%s", p, code, body)
		}
		if !strings.Contains(body, "EventSource") {
			t.Errorf("%s: the error page cannot reload itself", p)
		}
	}
	if code, body := ts.get(t, "/style.css"); code != 200 || !strings.Contains(body, "body") {
		t.Errorf("style.css not served from the last good build: %d", code)
	}

	saveByRename(t, ts.dir, "content/articles/beta.md", good)
	ev.reload(t)
	if code, body := ts.get(t, "/articles/beta.html"); code != 200 || !strings.Contains(body, "Beta text.") {
		t.Errorf("not recovered: %d %s", code, body)
	}
}

func TestDeletedArticle(t *testing.T) {
	ts := startServer(t, newSite(t), "/")
	ev := ts.listen(t, "/")
	if err := os.Remove(filepath.Join(ts.dir, "content/articles/beta.md")); err != nil {
		t.Fatal(err)
	}
	ev.reload(t)
	// alpha's link to it is reported, naming the file and line.
	code, body := ts.get(t, "/articles/alpha.html")
	if code != 500 || !strings.Contains(body, "<code>content/articles/alpha.md:10</code>") || !strings.Contains(body, "link &#34;beta.md&#34;: no article or page content/articles/beta.md") {
		t.Fatalf("%d, want the error naming alpha.md's link:\n%s", code, body)
	}
	// Removing the link: the site builds, without beta.
	saveByRename(t, ts.dir, "content/articles/alpha.md", articleMD("Alpha", "Alpha text."))
	ev.reload(t)
	if code, body := ts.get(t, "/articles/beta.html"); code != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("deleted article: %d %s", code, body)
	}
	if _, body := ts.get(t, "/index.html"); strings.Contains(body, "beta.html") {
		t.Error("the index still lists the deleted article")
	}
}

func TestStopsCleanlyWithOpenStreams(t *testing.T) {
	dir := newSite(t)
	s, err := New(Config{Src: dir, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	ts := &testServer{url: "http://" + ln.Addr().String(), dir: dir, srv: s}
	ts.listen(t, "/")
	cancel() // what Ctrl-C does, through signal.NotifyContext
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(wait):
		t.Fatal("Serve did not return with an event stream open")
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Error("still listening after the shutdown")
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	_, err = Listen(addr)
	var inUse *InUseError
	if !errors.As(err, &inUse) || err.Error() != addr+" is in use; pick another with -addr" {
		t.Errorf("got %v", err)
	}
}

package serve

import (
	"bufio"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestScripts runs testdata/*.txt: each is a txtar archive whose files
// are a site and whose comment is a script of requests, as golang/website
// tests its server:
//
//	base /repo/                   serve under this path (once, first)
//	GET /path                     a request (also HEAD, POST)
//	code == 200                   the status
//	header Name == value          a response header
//	body contains text            (or !contains, or == for all of it)
func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no scripts", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) { runScript(t, file) })
	}
}

func runScript(t *testing.T, file string) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		writeFile(t, dir, f.Name, string(f.Data))
	}
	var (
		ts   *testServer
		resp *http.Response
		body string
	)
	sc := bufio.NewScanner(strings.NewReader(string(a.Comment)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		verb, arg, _ := strings.Cut(line, " ")
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("%s:%d: %s: "+format, append([]any{file, n, line}, args...)...)
		}
		switch verb {
		case "base":
			ts = startServer(t, dir, arg)
			continue
		case "GET", "HEAD", "POST":
			if ts == nil {
				ts = startServer(t, dir, "/")
			}
			req, err := http.NewRequest(verb, ts.url+arg, nil)
			if err != nil {
				t.Fatalf("%s:%d: %v", file, n, err)
			}
			resp, err = noRedirect.Do(req)
			if err != nil {
				t.Fatalf("%s:%d: %v", file, n, err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			continue
		case "code", "header", "body":
		default:
			// Prose and blank lines.
			continue
		}
		if resp == nil {
			t.Fatalf("%s:%d: no request yet", file, n)
		}
		switch verb {
		case "code":
			if want := strings.TrimPrefix(arg, "== "); strconv.Itoa(resp.StatusCode) != want {
				fail("got %d", resp.StatusCode)
			}
		case "header":
			name, want, _ := strings.Cut(arg, " == ")
			if got := resp.Header.Get(name); got != want {
				fail("got %q", got)
			}
		case "body":
			op, want, _ := strings.Cut(arg, " ")
			switch op {
			case "contains":
				if !strings.Contains(body, want) {
					fail("body lacks it:\n%s", body)
				}
			case "!contains":
				if strings.Contains(body, want) {
					fail("body has it")
				}
			case "==":
				if body != want {
					fail("body is %q", body)
				}
			default:
				fail("unknown body check %q", op)
			}
		}
	}
}

//go:build unix

package serve

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The preview reads the sources as a build does: a link out of the site
// or a named pipe is an error on the page, never published nor waited on,
// and the last good build stays served.
func TestHostileSourcesPreview(t *testing.T) {
	dir := newSite(t)
	outside := filepath.Join(t.TempDir(), "secret.md")
	writeFile(t, filepath.Dir(outside), "secret.md", articleMD("Beta", "SECRET outside text."))
	writeFile(t, dir, "templates/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
	ts := startServer(t, dir, "/")
	ev := ts.listen(t, "/")

	beta := filepath.Join(dir, "content", "articles", "beta.md")
	os.Remove(beta)
	if err := os.Symlink(outside, beta); err != nil {
		t.Fatal(err)
	}
	ev.reload(t)
	code, body := ts.get(t, "/articles/beta.html")
	if want := "<code>content/articles/beta.md</code><pre>is a symbolic link to a file outside the site; copy the file in instead"; code != 500 || !strings.Contains(body, want) {
		t.Errorf("after linking beta.md outside: %d, want 500 and %q in\n%s", code, want, body)
	}
	if res, _, _ := ts.srv.snapshot(); strings.Contains(string(res.Files["articles/beta.html"]), "SECRET") {
		t.Error("the file outside the site was published")
	}

	os.Remove(beta)
	writeFile(t, dir, "content/articles/beta.md", articleMD("Beta", "Beta text."))
	ev.reload(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "templates", "style.css"), 0o644); err != nil {
		t.Fatal(err)
	}
	ev.reload(t)
	if code, body := ts.get(t, "/index.html"); code != 500 || !strings.Contains(body, "<code>templates/style.css</code><pre>is a named pipe, not a regular file") {
		t.Errorf("after a named pipe in templates/: %d\n%s", code, body)
	}
}

package site

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// swapSite is the test site built once into public/, and an edit that
// the next build shows in about.html.
func swapSite(t *testing.T) (src, out string) {
	t.Helper()
	src = copyFS(t, loadTxtar(t, "testdata/site.txtar"))
	out = filepath.Join(src, "public")
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	about := filepath.Join(src, "content", "pages", "about.md")
	b, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, about, strings.Replace(string(b), "## Code", "## Second build", 1))
	return src, out
}

// newBuild reports whether out holds the second build of swapSite.
func newBuild(t *testing.T, out string) bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "about.html"))
	if err != nil {
		t.Fatalf("no site at %s: %v", out, err)
	}
	return strings.Contains(string(b), "Second build")
}

// hook replaces one of the swap's steps until the test ends.
func hook[T any](t *testing.T, v *T, f T) {
	old := *v
	*v = f
	t.Cleanup(func() { *v = old })
}

var errInjected = errors.New("injected failure")

// A build whose new site is in place but whose previous one cannot be
// removed has succeeded, says so, and names where the previous one is;
// the next build removes it.
func TestSwapRemoveFails(t *testing.T) {
	for _, exchanges := range []bool{true, false} {
		t.Run(map[bool]string{true: "exchange", false: "renames"}[exchanges], func(t *testing.T) {
			src, out := swapSite(t)
			if !exchanges {
				hook(t, &exchange, func(a, b string) error { return errNoExchange })
			}
			hook(t, &removeAll, func(p string) error {
				if strings.HasPrefix(filepath.Base(p), ".public-") {
					return errInjected
				}
				return os.RemoveAll(p)
			})
			res, err := Build(src, out, Options{})
			if err != nil {
				t.Fatalf("Build: %v, want success: the new site is in place", err)
			}
			if !newBuild(t, out) {
				t.Error("the new site is not in public/")
			}
			left := siblings(t, out)
			if len(left) != 1 || !strings.HasPrefix(left[0], ".public-old-") {
				t.Fatalf("left beside public/: %v, want the previous site, as .public-old-*", left)
			}
			want := "the new site is in " + out + ", but the previous one could not be removed from " + filepath.Join(src, left[0]) + ": injected failure; remove it (the next build tries again)"
			if !slices.Contains(res.Warnings, want) {
				t.Errorf("warnings %q\nlack %q", res.Warnings, want)
			}
			removeAll = os.RemoveAll
			if _, err := Build(src, out, Options{}); err != nil {
				t.Fatal(err)
			}
			if left := siblings(t, out); len(left) > 0 {
				t.Errorf("the next build left %v", left)
			}
		})
	}
}

// Without an exchange, a swap that fails puts the previous site back; one
// that cannot put it back either says where both sites are, and the next
// build puts the previous one back before it builds.
func TestSwapByRenamesFails(t *testing.T) {
	src, out := swapSite(t)
	hook(t, &exchange, func(a, b string) error { return errNoExchange })
	failNew := func(from, to string) error {
		if strings.Contains(from, "-new-") {
			return errInjected
		}
		return os.Rename(from, to)
	}
	hook(t, &rename, failNew)
	_, err := Build(src, out, Options{})
	if err == nil || !strings.Contains(err.Error(), "injected failure") {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	var oerr *OutputError
	if errors.As(err, &oerr) {
		t.Fatalf("err = %v: the previous site was put back", err)
	}
	if newBuild(t, out) {
		t.Error("public/ changed after a failed swap")
	}
	if left := siblings(t, out); len(left) > 0 {
		t.Errorf("left %v", left)
	}

	// Now putting the previous site back fails too.
	rename = func(from, to string) error {
		if strings.Contains(from, "-old-") {
			return errInjected
		}
		return failNew(from, to)
	}
	_, err = Build(src, out, Options{})
	if !errors.As(err, &oerr) {
		t.Fatalf("err = %v, want an *OutputError", err)
	}
	left := siblings(t, out)
	slices.Sort(left)
	if len(left) != 2 || !strings.HasPrefix(left[0], ".public-new-") || !strings.HasPrefix(left[1], ".public-old-") {
		t.Fatalf("left %v, want the new and the previous site", left)
	}
	want := out + " is missing; the previous site is in " + filepath.Join(src, left[1]) + " and the new one in " + filepath.Join(src, left[0]) + ": move one of them to " + out
	if !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant it to say %q", err, want)
	}

	// The next build, failing, leaves the previous site in place.
	rename = os.Rename
	bad := filepath.Join(src, "content", "articles", "alpha.md")
	good, _ := os.ReadFile(bad)
	mustWrite(t, bad, "---\ntitle: [broken\n---\n")
	if _, err := Build(src, out, Options{}); err == nil {
		t.Fatal("a broken article built")
	}
	if newBuild(t, out) {
		t.Error("not the previous site in public/")
	}
	if left := siblings(t, out); len(left) > 0 {
		t.Errorf("left %v", left)
	}
	mustWrite(t, bad, string(good))
	if _, err := Build(src, out, Options{}); err != nil || !newBuild(t, out) {
		t.Errorf("Build: %v, or the new site is not in public/", err)
	}
}

// A build removes the siblings that killed builds left, named as it
// names its own, but not those of a build still running, nor other files.
func TestStaleSiblings(t *testing.T) {
	t.Parallel()
	src, out := swapSite(t)
	for _, name := range []string{".public-new-123", ".public-old-456", ".public-new-789", ".public-new-notes", "public-new-1", ".public-old-"} {
		mustWrite(t, filepath.Join(src, name, "index.html"), "x")
	}
	running, ok := lockDir(filepath.Join(src, ".public-new-789"), false)
	if !ok {
		t.Fatal("cannot lock")
	}
	defer running()
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	for name, kept := range map[string]bool{".public-new-123": false, ".public-old-456": false, ".public-new-789": true, ".public-new-notes": true, "public-new-1": true, ".public-old-": true} {
		if _, err := os.Stat(filepath.Join(src, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
	if !newBuild(t, out) {
		t.Error("the new site is not in public/")
	}
}

// On Linux the swap is one step: two directories change places.
func TestExchangeDirs(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("renameat2 is Linux's")
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	mustWrite(t, filepath.Join(a, "f"), "a")
	mustWrite(t, filepath.Join(b, "f"), "b")
	if err := exchangeDirs(a, b); err != nil {
		t.Fatal(err)
	}
	if x, _ := os.ReadFile(filepath.Join(a, "f")); string(x) != "b" {
		t.Errorf("a/f = %q after the exchange, want b", x)
	}
}

// Builds running at once into one output directory neither take each
// other's new directory for a killed build's nor leave anything behind.
func TestConcurrentBuilds(t *testing.T) {
	t.Parallel()
	src, out := swapSite(t)
	errs := make(chan error, 4)
	for range cap(errs) {
		go func() {
			_, err := Build(src, out, Options{})
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if !newBuild(t, out) {
		t.Error("the new site is not in public/")
	}
	if left := siblings(t, out); len(left) > 0 {
		t.Errorf("left %v", left)
	}
}

package site

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An -out that holds a repository, or does not look like a Dossier build,
// or holds a CNAME, is refused with a message naming what it holds, and
// nothing in it is touched.
func TestRefusesOutThatIsNotABuild(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		files []string
		want  string
	}{
		{"git repository", []string{"index.html", ".nojekyll", "CNAME", ".git/HEAD"}, "holds .git: the build replaces the whole output directory, so it never builds into a repository"},
		{"git worktree", []string{"index.html", ".nojekyll", ".git"}, "holds .git:"},
		{"mercurial repository", []string{"index.html", ".nojekyll", ".hg/store"}, "holds .hg:"},
		{"subversion checkout", []string{"index.html", ".nojekyll", ".svn/wc.db"}, "holds .svn:"},
		{"site of another tool", []string{"index.html", "about.html"}, "holds an index.html but no .nojekyll, which every build writes, so it is not a Dossier build"},
		{"build with a CNAME", []string{"index.html", ".nojekyll", "CNAME"}, "holds CNAME, which a build never writes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := copyFS(t, loadTxtar(t, "testdata/site.txtar"))
			out := filepath.Join(t.TempDir(), "pages")
			for _, f := range tc.files {
				mustWrite(t, filepath.Join(out, f), "mine "+f)
			}
			before := snapshot(t, out)
			_, err := Build(src, out, Options{})
			if err == nil || !strings.Contains(err.Error(), "output directory "+out+" "+tc.want) {
				t.Fatalf("err = %v\nwant one saying %q", err, tc.want)
			}
			sameTree(t, "-out", before, snapshot(t, out))
			if s := siblings(t, out); len(s) > 0 {
				t.Errorf("left behind %v", s)
			}
		})
	}
}

// A symbolic link as -out is followed: the new site replaces the
// directory it leads to, beside which the build works, and the link stays.
func TestSymlinkedOut(t *testing.T) {
	t.Parallel()
	src := copyFS(t, loadTxtar(t, "testdata/site.txtar"))
	dir := t.TempDir()
	www := filepath.Join(dir, "srv", "www")
	if err := os.MkdirAll(www, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "outw")
	mustLink(t, filepath.Join("srv", "www"), link)
	for i := range 2 { // into the empty directory, then over the first build
		if _, err := Build(src, link, Options{}); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("build %d: %s is no longer a symbolic link: %v, %v", i+1, link, fi, err)
		}
		if _, err := os.Stat(filepath.Join(www, "index.html")); err != nil {
			t.Fatalf("build %d: nothing built into the link's target: %v", i+1, err)
		}
		if s := append(siblings(t, www), siblings(t, link)...); len(s) > 0 {
			t.Errorf("build %d: left behind %v", i+1, s)
		}
	}

	gone := filepath.Join(dir, "gone")
	mustLink(t, "nowhere", gone)
	if _, err := Build(src, gone, Options{}); err == nil || !strings.Contains(err.Error(), "output "+gone+" is a symbolic link to nowhere, which cannot be followed") {
		t.Errorf("a link to nothing as -out: err = %v", err)
	}
	if fi, err := os.Lstat(gone); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link to nothing was replaced: %v, %v", fi, err)
	}
}

// An -out that is a mount point cannot be renamed over (EBUSY, or EXDEV):
// the error says so and what to do, and the previous site stays.
func TestSwapIntoMountPoint(t *testing.T) {
	for _, tc := range []struct {
		name  string
		errno syscall.Errno
		want  string
	}{
		{"busy", syscall.EBUSY, " is a mount point, which a build cannot replace"},
		{"cross-device", syscall.EXDEV, " is on another file system than its parent directory (a mount point?)"},
	} {
		for _, exchanges := range []bool{true, false} {
			t.Run(tc.name+map[bool]string{true: " exchange", false: " renames"}[exchanges], func(t *testing.T) {
				src, out := swapSite(t)
				fail := &os.LinkError{Op: "rename", Old: "new", New: out, Err: tc.errno}
				if exchanges {
					hook(t, &exchange, func(a, b string) error { return fail })
				} else {
					hook(t, &exchange, func(a, b string) error { return errNoExchange })
					hook(t, &rename, func(from, to string) error {
						if from == out {
							return fail
						}
						return os.Rename(from, to)
					})
				}
				_, err := Build(src, out, Options{})
				if err == nil || !strings.Contains(err.Error(), "output directory "+out+tc.want) || !strings.Contains(err.Error(), "build into a directory beside it (another -out) and copy the files in, or mount its parent directory instead") {
					t.Fatalf("err = %v\nwant one saying %q and what to do", err, tc.want)
				}
				if newBuild(t, out) {
					t.Error("public/ changed after a failed swap")
				}
				if s := siblings(t, out); len(s) > 0 {
					t.Errorf("left behind %v", s)
				}
			})
		}
	}
}

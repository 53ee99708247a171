package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dossier new DIR starts a dossier that dossier build builds at once;
// new article and new timeline add files to fill in; bad requests are
// refused with a message saying what to do.
func TestNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "story")
	code, out, errs := run("new", dir)
	if code != 0 || errs != "" || !strings.HasPrefix(out, "started a dossier in "+filepath.ToSlash(dir)+":\n  .github/workflows/pages.yml\n") ||
		!strings.Contains(out, "dossier build -src "+filepath.ToSlash(dir)) {
		t.Fatalf("new: exit %d, stderr %q, stdout:\n%s", code, errs, out)
	}
	code, out, errs = run("build", "-src", dir)
	if code != 0 || !strings.HasPrefix(out, "built ") || !strings.Contains(out, "(1 article, 1 timeline, 1 page)") {
		t.Fatalf("build of the new dossier: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, p := range []string{"index.html", "about.html", "articles/example-town-council-approves-library.html", "timelines/example-library-votes.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Errorf("%s not built", p)
		}
	}

	if code, _, errs := run("new", dir); code != 1 || !strings.HasPrefix(errs, "dossier new: "+dir+" already holds content, public, .github/workflows/pages.yml; give a new directory, or one without content/, templates/, public/ and the files dossier new writes\n") {
		t.Errorf("new into a dossier: exit %d, %q", code, errs)
	}

	// Flags after the slug, as before it.
	code, out, errs = run("new", "article", "budget-vote", "-src", dir)
	if want := "wrote " + filepath.ToSlash(filepath.Join(dir, "content/articles/budget-vote.md")) + ": fill in the values marked TODO; until then dossier build refuses the article, naming each one\n"; code != 0 || out != want {
		t.Errorf("new article: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = run("build", "-src", dir)
	if code != 1 || !strings.Contains(errs, "content/articles/budget-vote.md:8:8: title is empty; give it a value") || !strings.Contains(errs, "failed with 5 error(s)") {
		t.Errorf("build with the new article: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := run("new", "-src", dir, "timeline", "budget"); code != 0 || errs != "" {
		t.Errorf("new timeline: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/timelines/budget.yaml")); err != nil {
		t.Error(err)
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"new"}, 2, "dossier new: give the directory to start a dossier in, or article SLUG, or timeline SLUG\n\nUsage:\n"},
		{[]string{"new", "article"}, 2, "dossier new: new article takes one slug, e.g. dossier new article my-article (to start a dossier in a directory named article, write ./article)\n"},
		{[]string{"new", "article", "a", "b"}, 2, "new article takes one slug"},
		{[]string{"new", "article", "Budget Vote", "-src", dir}, 1, `dossier new article: "Budget Vote" is not a valid slug: use lower-case letters, digits and single hyphens, e.g. "budget-vote"` + "\n"},
		{[]string{"new", "article", "budget-vote", "-src", dir}, 1, "budget-vote.md already exists; choose another slug, or edit that file\n"},
		{[]string{"new", "timeline", "t", "-src", t.TempDir()}, 1, "has no content/ directory, so it is not a dossier"},
		{[]string{"new", "-src", dir, filepath.Join(t.TempDir(), "x")}, 2, "-src is for new article and new timeline"},
		{[]string{"new", "a", "b"}, 2, `unexpected arguments ["b"] after the directory`},
	} {
		code, out, errs := run(c.args...)
		if code != c.code || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, out, errs, c.code, c.want)
		}
	}
}

package scaffold

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rhysd/actionlint"

	"dossier/internal/content"
	"dossier/internal/site"
)

var day = time.Date(2031, 5, 17, 12, 0, 0, 0, time.UTC)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A new dossier builds as it is, without and with a base URL (as the Pages
// workflow builds it), into the pages a reader expects; its example
// content says it is one, names only example.com, and keeps its raw
// original.
func TestSiteBuilds(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "my-dossier")
	written, err := Site(dir, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".github/workflows/pages.yml", "content/site.yaml", "content/pages/about.md",
		"content/articles/example-town-council-approves-library.md", "content/raw/example-gazette-library-vote.txt",
		"content/timelines/example-library-votes.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s not written: %v (written: %v)", want, err, written)
		}
	}
	if s := read(t, filepath.Join(dir, "content/site.yaml")); !strings.Contains(s, `updated: "2031-05-17"`) || strings.Contains(s, todayMark) {
		t.Errorf("site.yaml's updated is not the day it was made:\n%s", s)
	}
	art := read(t, filepath.Join(dir, "content/articles/example-town-council-approves-library.md"))
	for _, want := range []string{"(example)", "url: \"https://example.com/", "raw: raw/example-gazette-library-vote.txt", "placeholder", "authors: []"} {
		if !strings.Contains(art, want) {
			t.Errorf("the example article lacks %q", want)
		}
	}
	// No address but example.com's in anything written.
	urlRE := regexp.MustCompile(`https?://[^\s"')]+`)
	for _, f := range written {
		for _, u := range urlRE.FindAllString(read(t, filepath.Join(dir, f)), -1) {
			if !strings.HasPrefix(u, "https://example.com/") {
				t.Errorf("%s names %s; a new dossier names no real address", f, u)
			}
		}
	}

	for _, opts := range []site.Options{{}, {BaseURL: "https://example.com/my-dossier/", BasePath: "/my-dossier/"}} {
		out := filepath.Join(t.TempDir(), "public")
		res, err := site.Build(dir, out, opts)
		if err != nil {
			t.Fatalf("build of a new dossier (%+v): %v", opts, err)
		}
		if res.Articles != 1 || res.Timelines != 1 || res.Pages != 1 || len(res.Warnings) > 0 {
			t.Errorf("%+v: %d articles, %d timelines, %d pages, warnings %v", opts, res.Articles, res.Timelines, res.Pages, res.Warnings)
		}
		pages := []string{"index.html", "about.html", "articles/example-town-council-approves-library.html", "timelines/example-library-votes.html", "search.html", "404.html"}
		if opts.BaseURL != "" {
			pages = append(pages, "feed.xml", "sitemap.xml")
		}
		for _, p := range pages {
			if _, err := os.Stat(filepath.Join(out, p)); err != nil {
				t.Errorf("%+v: %s not built", opts, p)
			}
		}
	}
}

// A new dossier goes into a new directory or a repository's own files
// (.git, README.md, LICENSE), never beside another dossier's.
func TestSiteRefusesNonEmpty(t *testing.T) {
	t.Parallel()
	// A repository made on GitHub, with a README and a licence: fine.
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	os.WriteFile(filepath.Join(repo, "README.md"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(repo, "LICENSE"), []byte("mine"), 0o644)
	if _, err := Site(repo, day); err != nil {
		t.Fatalf("a repository holding .git, README.md and LICENSE: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "README.md")); string(b) != "mine" {
		t.Error("the repository's README was touched")
	}

	// What a dossier is made of, or a file the scaffold writes: refused,
	// and nothing written.
	for _, have := range [][]string{{"content/site.yaml"}, {"public/index.html"}, {"templates/base.html"}, {".github/workflows/pages.yml"}} {
		dir := t.TempDir()
		p := filepath.Join(dir, filepath.FromSlash(have[0]))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("mine"), 0o644)
		_, err := Site(dir, day)
		name, _, _ := strings.Cut(have[0], "/")
		if have[0] == ".github/workflows/pages.yml" {
			name = have[0]
		}
		if err == nil || err.Error() != dir+" already holds "+name+"; give a new directory, or one without content/, templates/, public/ and the files dossier new writes" {
			t.Errorf("%s: got %v", have[0], err)
		}
		if b, _ := os.ReadFile(p); string(b) != "mine" {
			t.Errorf("%s was touched", have[0])
		}
		if _, err := os.Stat(filepath.Join(dir, "content", "articles")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: wrote into the directory", have[0])
		}
	}

	file := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(file, []byte("mine"), 0o644)
	if _, err := Site(file, day); err == nil || err.Error() != file+" is a file; give a new or empty directory" {
		t.Errorf("a file: %v", err)
	}
}

// A new article or timeline holds every key, each required value empty: the
// build refuses it, naming each with its line, and builds it once the
// values are filled in. An existing file, a bad slug and a directory that
// is not a dossier are refused.
func TestArticleAndTimeline(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := Site(dir, day); err != nil {
		t.Fatal(err)
	}
	p, err := Article(dir, "council-budget")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "articles", "council-budget.md"); p != want {
		t.Errorf("wrote %s, want %s", p, want)
	}
	_, err = site.Build(dir, filepath.Join(dir, "public"), site.Options{})
	var list content.List
	if !errors.As(err, &list) {
		t.Fatalf("a new article built: %v", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := regexp.MustCompile(`^content/articles/council-budget\.md:\d+:\d+: (title|publication|url|raw|event) is empty; give it a value$`)
	if len(got) != 5 {
		t.Errorf("%d errors, want one per required value (title, publication, url, raw, event):\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, e := range got {
		if !want.MatchString(e) {
			t.Errorf("unexpected error %q", e)
		}
	}
	if s := read(t, p); !strings.Contains(s, "raw/council-budget.txt") {
		t.Errorf("the template's slug was not filled in:\n%s", s)
	}

	// Filled in, it builds.
	fill := strings.NewReplacer(`title: ""`, `title: "Budget passed"`, `publication: ""`, `publication: "The Example Gazette"`,
		`url: ""`, `url: "https://example.com/budget"`, `raw: ""`, `raw: raw/example-gazette-library-vote.txt`, `event: ""`, `event: final-vote`) // an event the example timeline defines
	os.WriteFile(p, []byte(fill.Replace(read(t, p))+"\nThe budget passed.\n"), 0o644)
	if _, err := site.Build(dir, filepath.Join(dir, "public"), site.Options{}); err != nil {
		t.Fatalf("the article filled in: %v", err)
	}

	tl, err := Timeline(dir, "budget")
	if err != nil {
		t.Fatal(err)
	}
	_, err = site.Build(dir, filepath.Join(dir, "public"), site.Options{})
	if !errors.As(err, &list) || len(list) < 10 {
		t.Fatalf("a new timeline built, or with few errors: %v", err)
	}
	for _, e := range list {
		if !strings.HasPrefix(e.Error(), "content/timelines/budget.yaml:") {
			t.Errorf("error %q does not name the new timeline's line", e)
		}
	}
	for _, key := range []string{"title", "caption", "events", "rows", "entries", "label", "name", "place", "utc_offset", "summary", "article", "quote"} {
		if !strings.Contains(read(t, tl), "\n"+key+":") && !strings.Contains(read(t, tl), " "+key+":") {
			t.Errorf("the timeline template lacks %s", key)
		}
	}

	if _, err := Article(dir, "council-budget"); err == nil || !strings.Contains(err.Error(), "council-budget.md already exists") {
		t.Errorf("existing article: %v", err)
	}
	if _, err := Timeline(dir, "budget"); err == nil || !strings.Contains(err.Error(), "budget.yaml already exists") {
		t.Errorf("existing timeline: %v", err)
	}
	if _, err := Article(dir, "Council Budget!"); err == nil || err.Error() != `"Council Budget!" is not a valid slug: use lower-case letters, digits and single hyphens, e.g. "council-budget"` {
		t.Errorf("bad slug: %v", err)
	}
	if _, err := Timeline(dir, "../up"); err == nil || !strings.Contains(err.Error(), "not a valid slug") {
		t.Errorf("bad slug: %v", err)
	}
	if _, err := Article(t.TempDir(), "x"); err == nil || !strings.Contains(err.Error(), "has no content/ directory") {
		t.Errorf("not a dossier: %v", err)
	}
}

// The new dossier's Pages workflow passes actionlint, gets Dossier from the
// repository the variables name (no source tree of its own), and builds
// with the address configure-pages reports. Its two build steps, run as
// the runner would run them, build Dossier from this module and the new
// dossier with a base URL.
func TestWorkflow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := Site(dir, day); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, ".github", "workflows", "pages.yml")
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFile(file, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e)
	}
	src := read(t, file)
	for _, want := range []string{"actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@", "include-hidden-files: true",
		"repository: ${{ vars.DOSSIER_REPOSITORY }}", "ref: ${{ vars.DOSSIER_REF }}", "go-version-file: _dossier/go.mod",
		"steps.pages.outputs.base_url", "steps.pages.outputs.base_path", `-base-url "$BASE_URL"`, "release binary"} {
		if !strings.Contains(src, want) {
			t.Errorf("workflow lacks %s", want)
		}
	}
	if strings.Contains(src, "go run ") {
		t.Error("the workflow expects Dossier's source in the dossier's repository")
	}
	wf, perrs := actionlint.Parse([]byte(src))
	if len(perrs) > 0 {
		t.Fatal(perrs)
	}
	checkPermissions(t, wf)

	if testing.Short() {
		t.Skip("builds Dossier; skipped with -short")
	}
	runs := map[string]string{}
	for _, s := range wf.Jobs["build"].Steps {
		if r, ok := s.Exec.(*actionlint.ExecRun); ok && s.Name != nil {
			runs[s.Name.Value] = r.Run.Value
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	temp := t.TempDir()
	step := func(name, wd string, env ...string) {
		t.Helper()
		script, ok := runs[name]
		if !ok {
			t.Fatalf("no step %q among %v", name, runs)
		}
		cmd := exec.Command("bash", "-e", "-c", script)
		cmd.Dir = wd
		cmd.Env = append(os.Environ(), append(env, "RUNNER_TEMP="+temp)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("step %q: %v\n%s", name, err, b)
		}
	}
	step("Check the settings", dir, "DOSSIER_REPOSITORY=owner/dossier", "DOSSIER_REF=v1.0.0")
	step("Build Dossier", root) // the checkout of Dossier's source
	step("Build the site with its published address", dir, "BASE_URL=https://example.com/my-dossier", "BASE_PATH=/my-dossier/")
	for _, p := range []string{"index.html", "feed.xml", ".nojekyll", "timelines/example-library-votes.html"} {
		if _, err := os.Stat(filepath.Join(dir, "_site", p)); err != nil {
			t.Errorf("the workflow's build made no %s", p)
		}
	}
	if !strings.Contains(read(t, filepath.Join(dir, "_site", "feed.xml")), "https://example.com/my-dossier/") {
		t.Error("the feed does not use the published address")
	}
	// Unset variables stop the job with a message saying what to set.
	cmd := exec.Command("bash", "-e", "-c", runs["Check the settings"])
	cmd.Env = append(os.Environ(), "DOSSIER_REPOSITORY=", "DOSSIER_REF=")
	if b, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(b), "::error::Set the repository variables DOSSIER_REPOSITORY") {
		t.Errorf("unset variables: %v, %s", err, b)
	}
}

// checkPermissions holds a Pages workflow to least privilege: the build,
// which runs the code it checks out, may read but not publish; only the
// deploy job may write Pages and get an OIDC token.
func checkPermissions(t *testing.T, wf *actionlint.Workflow) {
	t.Helper()
	scopes := func(p *actionlint.Permissions) map[string]string {
		m := map[string]string{}
		if p == nil {
			return m
		}
		if p.All != nil {
			m["*"] = p.All.Value
		}
		for name, s := range p.Scopes {
			m[name] = s.Value.Value
		}
		return m
	}
	top := scopes(wf.Permissions)
	if len(top) != 1 || top["contents"] != "read" {
		t.Errorf("workflow permissions %v, want contents: read alone", top)
	}
	for job, want := range map[string]map[string]string{
		"build":  {"contents": "read", "pages": "read"},
		"deploy": {"pages": "write", "id-token": "write"},
	} {
		j, ok := wf.Jobs[job]
		if !ok {
			t.Errorf("no job %q", job)
			continue
		}
		if got := scopes(j.Permissions); !maps.Equal(got, want) {
			t.Errorf("job %s has permissions %v, want %v", job, got, want)
		}
	}
}

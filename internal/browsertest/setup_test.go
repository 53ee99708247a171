package browsertest

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/site"
)

const (
	// envRequired makes the browser tests required: with it set to 1, a
	// missing tool fails them instead of skipping them.
	envRequired = "DOSSIER_BROWSER_TESTS"
	// envScreenshots names a directory to write screenshots into, always.
	envScreenshots = "DOSSIER_SCREENSHOTS"
	// envChromium names the Chromium binary, when it is not on PATH.
	envChromium = "DOSSIER_CHROMIUM"

	axePath = "node_modules/axe-core/axe.min.js"
	vnuPath = "node_modules/vnu-jar/build/dist/vnu.jar"

	// repoRoot is the dossier the tests build: this repository's own.
	repoRoot = "../.."
	// pagesPrefix is the project path the GitHub Pages variant is served at.
	pagesPrefix = "/dossier/"
)

// require skips t, or fails it when envRequired is set, if any of the
// named tools is missing. It returns the tools' paths.
func require(t *testing.T, names ...string) map[string]string {
	t.Helper()
	found := map[string]string{}
	var missing []string
	for _, name := range names {
		p, hint := lookTool(name)
		if p == "" {
			missing = append(missing, hint)
			continue
		}
		found[name] = p
	}
	if len(missing) == 0 {
		return found
	}
	msg := "browser tests need: " + strings.Join(missing, "; ")
	if os.Getenv(envRequired) == "1" {
		t.Fatalf("%s (%s=1 makes them required)", msg, envRequired)
	}
	t.Skipf("%s. Skipping; set %s=1 to make this a failure (bash .ci/run installs everything)", msg, envRequired)
	return nil
}

// lookTool finds a tool, or says how to install it.
func lookTool(name string) (found, hint string) {
	switch name {
	case "chromium":
		if p := os.Getenv(envChromium); p != "" {
			if _, err := os.Stat(p); err == nil {
				return p, ""
			}
			return "", envChromium + "=" + p + " does not exist"
		}
		for _, bin := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(bin); err == nil {
				return p, ""
			}
		}
		return "", "chromium (apt-get install chromium, or set " + envChromium + ")"
	case "java":
		if p, err := exec.LookPath("java"); err == nil {
			return p, ""
		}
		return "", "java (apt-get install default-jre-headless)"
	case "axe", "vnu":
		p := map[string]string{"axe": axePath, "vnu": vnuPath}[name]
		if _, err := os.Stat(p); err == nil {
			abs, _ := filepath.Abs(p)
			return abs, ""
		}
		return "", "internal/browsertest/" + p + " (npm ci --prefix internal/browsertest)"
	}
	panic("unknown tool " + name)
}

// buildSite builds the repository's dossier with basePath into a new
// temporary directory and returns it.
func buildSite(t *testing.T, basePath string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(repoRoot, out, site.Options{BasePath: basePath}); err != nil {
		t.Fatalf("building the site with base path %s: %v", basePath, err)
	}
	return out
}

// pagesServer serves the site in dir at prefix the way GitHub Pages serves
// a project site: /x.html and /x both serve x.html, a directory serves its
// index.html (and redirects when its slash is missing), and any missing
// path serves 404.html with status 404. Paths outside prefix belong to
// another site and get a bare 404.
func pagesServer(dir, prefix string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path+"/" == prefix {
			http.Redirect(w, r, prefix, http.StatusMovedPermanently)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			http.Error(w, "not part of this site", http.StatusNotFound)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+rest), "/")
		if name == "" || strings.HasSuffix(rest, "/") {
			name = path.Join(name, "index.html")
		}
		for _, try := range []string{name, name + ".html"} {
			fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(try)))
			if err == nil && fi.IsDir() {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			if err == nil {
				serveFile(w, filepath.Join(dir, filepath.FromSlash(try)), http.StatusOK)
				return
			}
		}
		serveFile(w, filepath.Join(dir, "404.html"), http.StatusNotFound)
	})
}

func serveFile(w http.ResponseWriter, file string, status int) {
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		http.Error(w, "404 page missing", http.StatusNotFound)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if ct := mime.TypeByExtension(filepath.Ext(file)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(status)
	w.Write(b)
}

// htmlFiles lists the .html files under dir, slash-separated and relative.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

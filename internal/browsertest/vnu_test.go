package browsertest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValid runs the Nu Html Checker over every page of the site, as
// built at the root and under a GitHub Pages path (whose 404.html differs),
// and over the stylesheet. It starts one JVM for all files: a start is slow.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	tools := require(t, "java", "vnu")
	root := buildSite(t, "/")
	pages := buildSite(t, pagesPrefix)
	var files []string
	for _, f := range htmlFiles(t, root) {
		files = append(files, filepath.Join(root, filepath.FromSlash(f)))
	}
	files = append(files, filepath.Join(pages, "404.html"), filepath.Join(root, "style.css"))

	args := append([]string{"-jar", tools["vnu"], "--errors-only", "--format", "json", "--also-check-css"}, files...)
	cmd := exec.Command(tools["java"], args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // vnu exits 1 when it finds errors; the report says which

	var report struct {
		Messages []struct {
			Type, SubType, URL, Message, Extract string
			LastLine, LastColumn                 int
		}
	}
	out := stderr.Bytes() // vnu writes its JSON report to stderr
	if i := bytes.IndexByte(out, '{'); i >= 0 {
		out = out[i:]
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu: %v; no JSON report (%v):\n%s%s", runErr, err, stdout.Bytes(), stderr.Bytes())
	}
	for _, m := range report.Messages {
		name := m.URL
		for _, dir := range []string{root, pages} {
			if r, ok := strings.CutPrefix(strings.TrimPrefix(name, "file:"), filepath.ToSlash(dir)+"/"); ok {
				name = r
				if dir == pages {
					name += " (built for " + pagesPrefix + ")"
				}
			}
		}
		t.Errorf("%s:%d:%d: vnu %s: %s\n\t%s", name, m.LastLine, m.LastColumn, m.Type, m.Message, strings.TrimSpace(m.Extract))
	}
	if runErr != nil && len(report.Messages) == 0 {
		t.Errorf("vnu failed with no message: %v\n%s", runErr, stdout.Bytes())
	}
	t.Logf("checked %d files", len(files))
}

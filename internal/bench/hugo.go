package bench

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// hugoFiles are Hugo's minimal layouts (baseof, single, a paginated list),
// kept here so the comparison needs nothing but a hugo binary.
//
//go:embed all:hugo
var hugoFiles embed.FS

// HugoRelease is the Hugo that -install-hugo=go installs: the release the
// issue's anchors were measured with. It needs Go 1.26.
const HugoRelease = "v0.165.0"

// PageSize is the number of articles on one list page, Hugo's and (once
// the index is paginated) Dossier's.
const PageSize = 100

// machineGo is the Go toolchain the bench runs: the machine's own, not the
// older one that Debian's hugo package brings in as /usr/bin/go.
func machineGo() string {
	if _, err := os.Stat("/usr/local/go/bin/go"); err == nil {
		return "/usr/local/go/bin/go"
	}
	return "go"
}

// InstallHugo installs Hugo and returns the path of its binary. how is
// "apt" (Debian's package, as root) or "go" (go install of HugoRelease,
// or "go@vX.Y.Z" for another release) into gobin.
func InstallHugo(how, gobin string, log func(string, ...any)) (string, error) {
	switch {
	case how == "apt":
		log("installing Debian's hugo with apt-get (it also installs an old Go as /usr/bin/go; the bench keeps using %s)", machineGo())
		cmd := exec.Command("apt-get", "install", "-y", "hugo")
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("apt-get install hugo: %v\n%s(run apt-get update first if the package is not found)", err, lastLines(out, 5))
		}
		return "/usr/bin/hugo", nil
	case how == "go" || strings.HasPrefix(how, "go@"):
		version := HugoRelease
		if v, ok := strings.CutPrefix(how, "go@"); ok {
			version = v
		}
		if err := os.MkdirAll(gobin, 0o755); err != nil {
			return "", err
		}
		log("go install github.com/gohugoio/hugo@%s into %s with %s (this takes minutes)", version, gobin, machineGo())
		cmd := exec.Command(machineGo(), "install", "github.com/gohugoio/hugo@"+version)
		cmd.Env = append(os.Environ(), "GOBIN="+gobin)
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go install hugo@%s: %v\n%s", version, err, lastLines(out, 10))
		}
		return filepath.Join(gobin, "hugo"), nil
	}
	return "", fmt.Errorf("-install-hugo %q: want apt, go or go@vX.Y.Z", how)
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n") + "\n"
}

var hugoVersionRE = regexp.MustCompile(`v0\.(\d+)\.(\d+)`)

// HugoVersion asks a hugo binary its version: the full line and the minor
// release number (111 for v0.111.3).
func HugoVersion(hugo string) (string, int, error) {
	out, err := exec.Command(hugo, "version").Output()
	if err != nil {
		return "", 0, fmt.Errorf("%s version: %w", hugo, err)
	}
	line := strings.TrimSpace(string(out))
	m := hugoVersionRE.FindStringSubmatch(line)
	if m == nil {
		return line, 0, fmt.Errorf("%s version: no v0.N.M in %q", hugo, line)
	}
	minor, _ := strconv.Atoi(m[1])
	return line, minor, nil
}

// HugoSite prepares dir as a Hugo site that builds the corpus rooted at
// corpus: the config, the layouts, and a content directory holding
// content/articles as the "articles" section.
//
// Hugo reads the same Markdown with one exception: Hugo reserves the front
// matter key url for a page's own address and rejects an absolute one
// ("URLs with protocol (http*) not supported"), so Hugo's copy of each
// article names the original's address source_url. Everything else,
// byte for byte, is the corpus; keys Hugo does not know become .Params,
// and so does published (see hugoConfig).
func HugoSite(dir, corpus string, minor int) error {
	content := filepath.Join(dir, "content", "articles")
	if err := os.MkdirAll(content, 0o755); err != nil {
		return err
	}
	src := filepath.Join(corpus, "content", "articles")
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		b = bytes.Replace(b, []byte("\nurl: "), []byte("\nsource_url: "), 1)
		if err := os.WriteFile(filepath.Join(content, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(hugoConfig(minor)), 0o644); err != nil {
		return err
	}
	return fs.WalkDir(hugoFiles, "hugo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := hugoFiles.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "hugo/")))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

// hugoConfig is a minimal site: pages, sections and the home page only,
// highlighting with CSS classes like Dossier's. The pagination setting
// moved in Hugo 0.128.
func hugoConfig(minor int) string {
	cfg := `baseURL = "https://bench.example.org/"
title = "Dossier benchmark"
languageCode = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`
	if minor < 128 {
		cfg += fmt.Sprintf("paginate = %d\n", PageSize)
	} else {
		cfg += fmt.Sprintf("[pagination]\npagerSize = %d\n", PageSize)
	}
	// Hugo takes "published" as a publishDate alias wherever "publishdate"
	// is listed (and lists it for date and lastmod by default), and Hugo
	// 0.165 fails on a month-precision value ("2019-06"). Keys of its own
	// for each date leave published a plain param, as in Dossier, where
	// its length is its precision.
	return cfg + `[markup.highlight]
noClasses = false
[frontmatter]
date = ["date"]
lastmod = ["lastmod"]
publishDate = ["bench_publishdate"]
expiryDate = ["expirydate"]
`
}

// hugoCommand builds site into out.
func hugoCommand(hugo, site, out string) *exec.Cmd {
	return exec.Command(hugo, "--source", site, "--destination", out,
		"--cacheDir", filepath.Join(site, ".cache"))
}

package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
)

// SiteFile is where the site settings live.
const SiteFile = "content/site.yaml"

// A Site holds the settings in content/site.yaml.
type Site struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Language    string `yaml:"language"`
	// Intro is Markdown shown on the index page under the title.
	Intro string `yaml:"intro"`
	// BaseURL is the absolute URL of the published site, used only where a
	// standard requires absolute URLs (sitemap, feed, canonical, OpenGraph).
	// Empty means those are left out: never an invented host.
	BaseURL string `yaml:"base_url"`
	// BasePath is the path the site is served under ("/" or "/repo/"). It is
	// used only by 404.html, the one page served away from its own path.
	BasePath string `yaml:"base_path"`
	// Updated is the day the dossier last changed (YYYY-MM-DD). The Atom
	// feed needs it, and it must not come from the clock, so that builds
	// are reproducible.
	Updated string `yaml:"updated"`
	// OfflineEditions turns the offline editions (the whole site as a zip,
	// and every article in one page) on or off; left out, they are made
	// for dossiers small enough to read that way (see site.OfflineMaxArticles).
	OfflineEditions *bool `yaml:"offline_editions"`

	// BaseURLLine is the line of base_url in site.yaml (0 when absent),
	// for an error that the base URL causes later in the build.
	BaseURLLine int `yaml:"-"`

	introLine int // where Intro's first line is in site.yaml
}

// IntroLine is the line of site.yaml on which Intro's Markdown starts, so
// that a problem in it is reported at its line in the file: the line after
// the header of a block scalar ("intro: |"), where each line of the
// Markdown is a line of the file. A folded (>) or plain scalar joins its
// lines, so a problem past its first line is reported near it, not on it.
func (s Site) IntroLine() int { return max(1, s.introLine) }

func loadSite(fsys fs.FS) (Site, List) {
	var s Site
	src, err := fs.ReadFile(fsys, SiteFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return s, List{ReadError(SiteFile, err)}
	}
	if err != nil {
		return s, List{Errorf(SiteFile, 0, 0, "cannot read the site settings: %v; create it with at least a title", err)}
	}
	if err := CheckText(SiteFile, src, 1); err != nil {
		return s, List{err}
	}
	pos, errs := DecodeYAML(SiteFile, src, 0, &s, "title")
	if p, ok := pos["intro"]; ok {
		s.introLine = p.Line
		if line := lineAt(src, p.Line); p.Col-1 < len(line) && (line[p.Col-1] == '|' || line[p.Col-1] == '>') {
			s.introLine++
		}
	}
	if s.Language == "" {
		s.Language = "en"
	}
	if s.BaseURL != "" {
		s.BaseURLLine = pos.At("base_url").Line
		if msg := BaseURLProblem(s.BaseURL); msg != "" {
			p := pos.At("base_url")
			errs.Add(Errorf(SiteFile, p.Line, p.Col, "base_url %q: %s, or remove it", s.BaseURL, msg))
		}
	}
	if s.BasePath != "" {
		if msg := BasePathProblem(s.BasePath); msg != "" {
			p := pos.At("base_path")
			errs.Add(Errorf(SiteFile, p.Line, p.Col, "base_path %q: %s", s.BasePath, msg))
		}
	}
	if s.Updated != "" {
		if d, err := ParseDate(s.Updated); err != nil || !d.Exact() {
			p := pos.At("updated")
			errs.Add(Errorf(SiteFile, p.Line, p.Col, "updated %q must be a full date, YYYY-MM-DD", s.Updated))
		}
	}
	s.BaseURL, s.BasePath = normalizeBase(s.BaseURL, s.BasePath)
	return s, errs
}

// normalizeBase gives the base URL a trailing slash and the base path a
// trailing one, taking the path from the URL when unset. The values are
// checked before (BaseURLProblem, BasePathProblem).
func normalizeBase(baseURL, basePath string) (string, string) {
	if baseURL != "" && !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	if basePath == "" {
		basePath = "/"
		if u, err := url.Parse(baseURL); err == nil && baseURL != "" && u.Path != "" {
			basePath = u.Path
		}
	}
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	return baseURL, basePath
}

// basePathRE is a base path: segments of the characters a repository
// name (GitHub Pages' project path) may hold, each ending in a slash.
var basePathRE = regexp.MustCompile(`^/([A-Za-z0-9._~-]+/)*$`)

// BasePathProblem returns what is wrong with p as the path a site is
// served under, or "" when it is one: "/" or "/repo/" (the trailing
// slash may be left out, as GitHub Pages' configuration gives it). It
// goes into 404.html's <base href>, so "//host/" (another site), "..",
// a query, a fragment or a backslash are refused, not cleaned.
func BasePathProblem(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return `must be a path starting with one "/", such as /repo/`
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if !basePathRE.MatchString(p) || strings.Contains(p, "/./") || strings.Contains(p, "/../") {
		return `must be a plain URL path, such as /repo/: letters, digits and "._~-" between single slashes, no "." or ".." part, no query or fragment`
	}
	return ""
}

// BaseURLProblem returns what is wrong with u as the address of the
// published site, or "" when it is an absolute http(s) URL with a host,
// no user name, query or fragment, and a path that BasePathProblem takes.
func BaseURLProblem(u string) string {
	v, err := url.Parse(u)
	if err != nil || (v.Scheme != "https" && v.Scheme != "http") || v.Host == "" || v.User != nil ||
		v.RawQuery != "" || v.ForceQuery || strings.Contains(u, "#") || v.Opaque != "" {
		return "must be an absolute http(s) URL with no query or fragment, such as https://owner.github.io/repo/"
	}
	if v.Path != "" {
		if msg := BasePathProblem(v.Path); msg != "" {
			return "its path " + msg
		}
	}
	return ""
}

// WithBase overrides the base URL and path (build flags win over
// site.yaml). An error names the flag that gave the bad value.
func (s Site) WithBase(baseURL, basePath string) (Site, error) {
	if baseURL == "" && basePath == "" {
		return s, nil
	}
	if baseURL != "" {
		if msg := BaseURLProblem(baseURL); msg != "" {
			return s, fmt.Errorf("-base-url %q: %s", baseURL, msg)
		}
		s.BaseURL = baseURL
		if basePath == "" {
			s.BasePath = ""
		}
	}
	if basePath != "" {
		if msg := BasePathProblem(basePath); msg != "" {
			return s, fmt.Errorf("-base-path %q: %s", basePath, msg)
		}
		s.BasePath = basePath
	}
	s.BaseURL, s.BasePath = normalizeBase(s.BaseURL, s.BasePath)
	return s, nil
}

// lineAt returns the n-th line (1-based) of src, without its newline.
func lineAt(src []byte, n int) []byte {
	for ; n > 1; n-- {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return nil
		}
		src = src[i+1:]
	}
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	return src
}

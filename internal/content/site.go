package content

import (
	"io/fs"
	"net/url"
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
}

func loadSite(fsys fs.FS) (Site, List) {
	var s Site
	src, err := fs.ReadFile(fsys, SiteFile)
	if err != nil {
		return s, List{Errorf(SiteFile, 0, 0, "cannot read the site settings: %v; create it with at least a title", err)}
	}
	pos, errs := DecodeYAML(SiteFile, src, 0, &s, "title")
	if s.Language == "" {
		s.Language = "en"
	}
	if s.BaseURL != "" {
		s.BaseURLLine = pos.At("base_url").Line
		u, err := url.Parse(s.BaseURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			p := pos.At("base_url")
			errs.Add(Errorf(SiteFile, p.Line, p.Col, "base_url %q is not an absolute http(s) URL; write e.g. https://owner.github.io/repo/ or remove it", s.BaseURL))
		}
	}
	if s.Updated != "" {
		if d, err := ParseDate(s.Updated); err != nil || !d.Exact() {
			p := pos.At("updated")
			errs.Add(Errorf(SiteFile, p.Line, p.Col, "updated %q must be a full date, YYYY-MM-DD", s.Updated))
		}
	}
	var perrs List
	s.BaseURL, s.BasePath, perrs = normalizeBase(SiteFile, pos.At("base_path"), s.BaseURL, s.BasePath)
	errs = append(errs, perrs...)
	return s, errs
}

// normalizeBase gives the base URL a trailing slash and the base path a
// leading and trailing one, taking the path from the URL when unset.
func normalizeBase(file string, p Pos, baseURL, basePath string) (string, string, List) {
	var errs List
	if baseURL != "" && !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	if basePath == "" {
		basePath = "/"
		if u, err := url.Parse(baseURL); err == nil && baseURL != "" {
			basePath = u.Path
		}
	}
	if strings.Contains(basePath, "..") || strings.ContainsAny(basePath, "?#\\ ") {
		errs.Add(Errorf(file, p.Line, p.Col, "base_path %q is not a plain URL path; write e.g. /repo/", basePath))
	}
	if !strings.HasPrefix(basePath, "/") {
		basePath = "/" + basePath
	}
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	return baseURL, basePath, errs
}

// WithBase overrides the base URL and path (build flags win over site.yaml).
func (s Site) WithBase(baseURL, basePath string) (Site, error) {
	if baseURL == "" && basePath == "" {
		return s, nil
	}
	if baseURL != "" {
		s.BaseURL = baseURL
		if basePath == "" {
			s.BasePath = ""
		}
	}
	if basePath != "" {
		s.BasePath = basePath
	}
	var errs List
	s.BaseURL, s.BasePath, errs = normalizeBase("-base-path flag", Pos{}, s.BaseURL, s.BasePath)
	return s, errs.Err()
}

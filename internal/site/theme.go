package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"dossier/internal/content"
	"dossier/templates"
)

// ThemeDir is where a site keeps its own templates, overriding the
// embedded defaults file by file.
const ThemeDir = "templates"

// pageKinds are the page templates; each defines "main" for the base layout.
var pageKinds = []string{"index", "article", "page", "404", "timeline", "search", "single", "facet"}

// theme is the parsed templates and the static files of the theme.
type theme struct {
	pages  map[string]*template.Template
	static map[string][]byte // style.css, search.js, favicon.svg
	lang   *lang             // the wording of the site's language (strings.yaml)
	// ids are the ids the templates write as they stand (id="main"):
	// headings of the Markdown they hold never take one (see
	// markdown.Options.ReservedIDs).
	ids map[string]bool
}

// themeIDRE finds an id the template writes as it stands, with no action.
var themeIDRE = regexp.MustCompile(`\bid="([^"{}]+)"`)

// addIDs records the literal ids of a template's source.
func (t *theme) addIDs(src []byte) {
	for _, m := range themeIDRE.FindAllSubmatch(src, -1) {
		t.ids[string(m[1])] = true
	}
}

// staticFiles are copied from the theme to the site root.
var staticFiles = []string{"style.css", "search.js", "favicon.svg"}

// themeFile reads name from the site's templates/ when it has one, else
// from the embedded defaults. It reports which file it read, for errors.
func themeFile(site fs.FS, name string) ([]byte, string, error) {
	if site != nil {
		b, err := fs.ReadFile(site, path.Join(ThemeDir, name))
		if err == nil {
			return b, path.Join(ThemeDir, name), nil
		}
		// Only a missing file falls back: one that cannot be read (a
		// link out of the site, a pipe) is the site's mistake to report.
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, path.Join(ThemeDir, name), content.ReadError(path.Join(ThemeDir, name), err)
		}
	}
	b, err := fs.ReadFile(templates.FS, name)
	return b, path.Join(ThemeDir, name), err
}

var funcs = template.FuncMap{
	"join": strings.Join,
}

// loadTheme parses the theme's templates, whose wording is in the site's
// language code (site.yaml's language).
func loadTheme(site fs.FS, code string) (*theme, error) {
	l, err := loadLang(site, code)
	if err != nil {
		return nil, err
	}
	var errs content.List
	t := &theme{pages: map[string]*template.Template{}, lang: l, ids: map[string]bool{}}
	base := template.New("base").Funcs(funcs).Funcs(l.funcs())
	for _, name := range []string{"base.html", "partials.html"} {
		src, file, err := themeFile(site, name)
		if err != nil {
			return nil, themeError(name, err)
		}
		t.addIDs(src)
		if _, err := base.New(file).Parse(string(src)); err != nil {
			errs.Add(templateError(file, err))
		}
	}
	for _, kind := range pageKinds {
		src, file, err := themeFile(site, kind+".html")
		if err != nil {
			return nil, themeError(kind+".html", err)
		}
		t.addIDs(src)
		if errs != nil {
			continue
		}
		pt, err := base.Clone()
		if err == nil {
			_, err = pt.New(file).Parse(string(src))
		}
		if err == nil && kind == "single" {
			// The single-file edition includes each timeline's body.
			tsrc, tfile, terr := themeFile(site, "timeline.html")
			if terr != nil {
				return nil, themeError("timeline.html", terr)
			}
			file = tfile
			_, err = pt.New(tfile).Parse(string(tsrc))
		}
		if err != nil {
			errs.Add(templateError(file, err))
			continue
		}
		t.pages[kind] = pt
	}
	seen := map[string]bool{}
	for _, kind := range pageKinds {
		if pt := t.pages[kind]; pt != nil {
			errs = append(errs, l.checkKeys(pt.Templates(), seen)...)
			l.foldConstants(pt.Templates())
		}
	}
	t.static = map[string][]byte{}
	for _, name := range staticFiles {
		b, _, err := themeFile(site, name)
		if err != nil {
			return nil, themeError(name, err)
		}
		t.static[name] = b
	}
	return t, errs.Err()
}

// themeError is the error for a theme file that could not be read: the
// site's own file's error as it is (it names the file), else the name.
func themeError(name string, err error) error {
	var e *content.Error
	if errors.As(err, &e) {
		return e
	}
	return fmt.Errorf("template %s: %w", name, err)
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (?s:(.*))$`)

// templateError turns html/template's "template: NAME:LINE:COL: msg" into
// file:line:col: msg, with the fix to make. The default theme's files are
// named as they stand in Dossier's repository (templates/x.html).
func templateError(file string, err error) error {
	if m := templateErrRE.FindStringSubmatch(err.Error()); m != nil {
		pos := m[1] + ":" + m[2]
		if m[3] != "" {
			pos += ":" + m[3]
		}
		return fmt.Errorf("%s: template error: %s; fix the template", pos, m[4])
	}
	return fmt.Errorf("%s: template error: %v; fix the template", file, err)
}

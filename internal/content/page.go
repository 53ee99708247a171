package content

import "regexp"

// PagesDir holds the other pages (about, how this dossier was made).
const PagesDir = "content/pages"

// PageMeta is a page's front matter.
type PageMeta struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// Weight orders pages in the navigation, lightest first, then by title.
	Weight int `yaml:"weight"`
}

// A Page is a Markdown page that is not an article.
type Page struct {
	PageMeta
	Slug     string
	File     string
	Body     []byte
	BodyLine int
}

// Path is the page's URL path from the site root.
func (p *Page) Path() string { return p.Slug + ".html" }

// indexPageRE matches the index's further pages (index-2, ...).
var indexPageRE = regexp.MustCompile(`^index-[0-9]+$`)

// reserved are output names that pages may not take.
var reserved = map[string]bool{"index": true, "404": true, "search": true, "dossier": true, "style": true}

func parsePage(file string, src []byte) (*Page, List) {
	var errs List
	slug, serr := slugOf(file)
	if serr != nil {
		errs.Add(serr)
	} else if reserved[slug] || indexPageRE.MatchString(slug) {
		errs.Add(Errorf(file, 0, 0, "the page name %q is taken by a generated page; rename the file", slug))
	}
	if err := CheckText(file, src, 1); err != nil {
		errs.Add(err)
		return nil, errs
	}
	yml, body, bodyLine, err := SplitFrontMatter(file, src)
	if err != nil {
		errs.Add(err)
		return nil, errs
	}
	p := &Page{Slug: slug, File: file, Body: body, BodyLine: bodyLine}
	_, yerrs := DecodeYAML(file, yml, 1, &p.PageMeta, "title")
	errs = append(errs, yerrs...)
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}

package content

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// ArticlesDir holds the cleaned articles.
const ArticlesDir = "content/articles"

// ArticleMeta is an article's front matter: what a reader and a citation need.
type ArticleMeta struct {
	Title       string `yaml:"title"`
	Dek         string `yaml:"dek"`
	Publication string `yaml:"publication"`
	// Authors is the byline as the source states it; empty when the source
	// gives none (the page then says so). Never invented.
	Authors []string `yaml:"authors"`
	// Credits are lines such as "Additional reporting by …": not a byline.
	Credits string `yaml:"credits"`
	// Published is "YYYY", "YYYY-MM" or "YYYY-MM-DD"; its length is its precision.
	Published string `yaml:"published"`
	// PublishedSource says where the date comes from.
	PublishedSource string `yaml:"published_source"`
	URL             string `yaml:"url"`
	// Raw is the original the article was cleaned from, relative to content/.
	Raw   string   `yaml:"raw"`
	Event string   `yaml:"event"`
	Photo *Photo   `yaml:"photo"`
	Notes []string `yaml:"notes"`
}

// A Photo is a caption and credit kept from the source; the image itself
// is usually not saved with the text.
type Photo struct {
	Caption string `yaml:"caption"`
	Credit  string `yaml:"credit"`
	Note    string `yaml:"note"`
}

var articleRequired = []string{"title", "publication", "authors", "url", "raw", "event"}

// An Article is one cleaned news article.
type Article struct {
	ArticleMeta
	Slug     string
	File     string // e.g. "content/articles/x.md"
	Date     Date   // parsed Published
	Body     []byte // Markdown
	BodyLine int    // line of the file on which Body starts
	// front is the front matter, kept for keyPos; nil after LoadLean.
	front []byte
}

// keyPos returns where the front matter key (a path such as "raw") is in
// the article's file, for an error message. It parses the front matter
// again: a valid article never needs positions, so loading one does not
// pay for them (see decodeFast). The zero Pos after LoadLean.
func (a *Article) keyPos(key string) Pos {
	if a.front == nil {
		return Pos{}
	}
	return frontPositions(a.File, a.front).At(key)
}

// frontPositions returns the positions of an article's front matter keys.
func frontPositions(file string, yml []byte) Positions {
	var m ArticleMeta
	pos, _ := DecodeYAML(file, yml, 1, &m)
	return pos
}

// URL path of the article's page, from the site root.
func (a *Article) Path() string { return "articles/" + a.Slug + ".html" }

// validSlug reports whether s is a slug: ^[a-z0-9]+(-[a-z0-9]+)*$, words
// of lower-case ASCII letters and digits joined by single hyphens. A loop,
// not that regexp: 1.3 us of each article's load, where this takes 0.08
// (FuzzValidSlug holds it to the regexp).
func validSlug(s string) bool {
	hyphen := true // at the start as after a hyphen: a letter or digit must come
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			hyphen = false
		case c == '-' && !hyphen:
			hyphen = true
		default:
			return false
		}
	}
	return !hyphen
}

// slugOf returns the slug for a file name, or an error saying how to fix it.
func slugOf(file string) (string, *Error) {
	slug := strings.TrimSuffix(path.Base(file), ".md")
	if !validSlug(slug) {
		return "", Errorf(file, 0, 0, "file name %q is not a valid slug: use lower-case letters, digits and hyphens, e.g. %q", path.Base(file), suggestSlug(slug)+".md")
	}
	return slug, nil
}

func suggestSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		out = "article"
	}
	return out
}

func parseArticle(file string, src []byte) (*Article, List) {
	return parseArticleWith(file, src, decodeFast)
}

// parseArticleWith is parseArticle with the fast decoder as a parameter,
// so that the tests can compare it with DecodeYAML alone (a fast decoder
// that always declines).
func parseArticleWith(file string, src []byte, fast func([]byte, any, ...string) bool) (*Article, List) {
	var errs List
	slug, serr := slugOf(file)
	if serr != nil {
		errs.Add(serr)
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
	a := &Article{Slug: slug, File: file, Body: body, BodyLine: bodyLine, front: yml}
	var pos Positions
	whole := true
	if !fast(yml, &a.ArticleMeta, articleRequired...) {
		a.ArticleMeta = ArticleMeta{}
		var yerrs List
		pos, yerrs, whole = decodeYAML(file, yml, 1, &a.ArticleMeta, articleRequired...)
		errs = append(errs, yerrs...)
	}
	if !whole {
		// The library stopped partway: the values were not all read, so
		// checking them would report errors that are not there.
		return nil, errs
	}
	positions := func() Positions { // found only for an error
		if pos == nil {
			pos = frontPositions(file, yml)
		}
		return pos
	}
	at := func(key string) Pos { return positions().At(key) }
	if a.Published != "" {
		d, err := ParseDate(a.Published)
		if err != nil {
			p := at("published")
			errs.Add(Errorf(file, p.Line, p.Col, "%v", err))
		}
		a.Date = d
	}
	for key, val := range map[string]string{"title": a.Title, "publication": a.Publication, "event": a.Event, "url": a.URL, "raw": a.Raw} {
		if strings.TrimSpace(val) != "" {
			continue
		}
		if _, present := positions()[key+":"]; present {
			p := at(key)
			errs.Add(Errorf(file, p.Line, p.Col, "%s is empty; give it a value", key))
		}
	}
	if a.URL != "" {
		if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			p := at("url")
			errs.Add(Errorf(file, p.Line, p.Col, "url %q is not an absolute http(s) URL of the original article", a.URL))
		}
	}
	for i, au := range a.Authors {
		if strings.TrimSpace(au) == "" {
			p := at("authors")
			errs.Add(Errorf(file, p.Line, p.Col, "authors[%d] is empty; remove it (an unknown byline is an empty list)", i))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return a, nil
}

// ReadBody returns the article's Markdown body, reading the file again
// when it was loaded without it (LoadLean).
func (a *Article) ReadBody(fsys fs.FS) ([]byte, error) {
	if a.Body != nil {
		return a.Body, nil
	}
	src, err := fs.ReadFile(fsys, a.File)
	if err != nil {
		return nil, ReadError(a.File, err)
	}
	_, body, bodyLine, err := SplitFrontMatter(a.File, src)
	if err == nil {
		// LoadLean checked only the start of the file.
		err = CheckText(a.File, body, bodyLine)
	}
	if err != nil {
		return nil, err
	}
	return body, nil
}

// KeyPos returns where the front matter key is in the article's file, for
// an error found after loading (an article's event, which only the
// timelines can check). After LoadLean it reads the front matter again:
// only an error needs it.
func (a *Article) KeyPos(fsys fs.FS, key string) Pos {
	if a.front == nil && fsys != nil {
		src, err := fs.ReadFile(fsys, a.File)
		if err != nil {
			return Pos{}
		}
		yml, _, _, err := SplitFrontMatter(a.File, src)
		if err != nil {
			return Pos{}
		}
		return frontPositions(a.File, yml).At(key)
	}
	return a.keyPos(key)
}

// CheckEvents reports every article whose event is not one of known, the
// events the timelines define, at the line of its event key, with the
// nearest known event as a suggestion. With no known events (a dossier
// without timelines) any event is accepted: nothing defines them.
func CheckEvents(fsys fs.FS, articles []*Article, known []string) List {
	if len(known) == 0 {
		return nil
	}
	set := make(map[string]bool, len(known))
	for _, k := range known {
		set[k] = true
	}
	var errs List
	for _, a := range articles {
		if set[a.Event] {
			continue
		}
		msg := fmt.Sprintf("unknown event %q", a.Event)
		if s := suggest(a.Event, known); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		msg += fmt.Sprintf("; known events, from the timelines: %s. Write one of them, or add the event to a timeline in content/timelines", strings.Join(known, ", "))
		p := a.KeyPos(fsys, "event")
		errs.Add(Errorf(a.File, p.Line, p.Col, "%s", msg))
	}
	return errs
}

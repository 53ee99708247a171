package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"dossier/internal/content"
)

// Files for publishing: what hosts, crawlers and feed readers look for.
// Everything that needs an absolute URL is written only when the base URL
// is known (site.yaml's base_url or -base-url): never with an invented host.

// abs is the absolute URL of an output path, or "" without a base URL.
// Each segment is percent-encoded (a facet's page can be named in any
// script: authors/zoë-ö.html), since the sitemap, the feed, the canonical
// link and OpenGraph must hold a URL, not an IRI; html/template encodes
// the same bytes in a page's relative links, in lower-case hex, which
// names the same URL.
func (r *renderer) abs(p string) string {
	if r.c.Site.BaseURL == "" {
		return ""
	}
	if p == "index.html" {
		return r.c.Site.BaseURL
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return r.c.Site.BaseURL + strings.Join(segs, "/")
}

func (r *renderer) publishFiles() error {
	// GitHub Pages would otherwise run Jekyll, which hides files starting with _.
	var errs content.List
	errs.Add(r.add(".nojekyll", []byte{}, ""))
	robots := "User-agent: *\nAllow: /\n"
	if u := r.abs("sitemap.xml"); u != "" {
		robots += "Sitemap: " + u + "\n"
	}
	errs.Add(r.add("robots.txt", []byte(robots), ""))
	if r.c.Site.BaseURL == "" {
		return errs.Err()
	}
	sm, err := r.sitemap()
	if err != nil {
		return fmt.Errorf("sitemap.xml: %w", err)
	}
	errs.Add(r.add("sitemap.xml", sm, ""))
	feed, err := r.feed()
	if err != nil {
		return err
	}
	errs.Add(r.add("feed.xml", feed, ""))
	return errs.Err()
}

// sitemap lists every HTML page but 404.html (sitemaps.org protocol 0.9).
func (r *renderer) sitemap() ([]byte, error) {
	type loc struct {
		Loc string `xml:"loc"`
	}
	var set struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []loc    `xml:"url"`
	}
	set.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	for _, p := range r.htmlPages() {
		set.URLs = append(set.URLs, loc{r.abs(p)})
	}
	return marshalXML(set)
}

// htmlPages is every page a reader can land on, sorted, without 404.html.
func (r *renderer) htmlPages() []string {
	var out []string
	for _, p := range sortedKeys(r.files) {
		if len(p) > 5 && p[len(p)-5:] == ".html" && p != "404.html" {
			out = append(out, p)
		}
	}
	return out
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	// Base makes the relative links of the entry's content resolve
	// against the article's page, as they do on the site.
	Base      string      `xml:"xml:base,attr,omitempty"`
	Title     string      `xml:"title"`
	ID        string      `xml:"id"`
	Link      []atomLink  `xml:"link"`
	Updated   string      `xml:"updated"`
	Published string      `xml:"published,omitempty"`
	Authors   []atomName  `xml:"author"`
	Summary   *atomText   `xml:"summary"`
	Content   *atomText   `xml:"content"`
	Source    *atomSource `xml:"source,omitempty"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomSource struct {
	Title string `xml:"title"`
}

// feedUpdated is the day the dossier last changed: site.yaml's `updated`,
// or, left out, the latest full publication date (YYYY-MM-DD) of its
// articles, as a static site generator would take it from the newest
// post: deterministic, from the content alone. With neither, the error
// says where the feed comes from (the -base-url flag or site.yaml's
// base_url), so that a build that passes locally and fails only where
// the flag is given (CI) explains itself.
func (r *renderer) feedUpdated() (content.Date, error) {
	s := r.c.Site
	if s.Updated != "" {
		d, err := content.ParseDate(s.Updated)
		if err != nil || !d.Exact() {
			return d, content.Errorf(content.SiteFile, 0, 0, "updated %q must be a full date YYYY-MM-DD", s.Updated)
		}
		return d, nil
	}
	var latest content.Date
	for _, a := range r.c.Articles {
		if a.Date.Exact() && (latest.IsZero() || latest.Before(a.Date)) {
			latest = a.Date
		}
	}
	if !latest.IsZero() {
		return latest, nil
	}
	const fix = "Atom needs the day the dossier last changed, and no article has a full published date (YYYY-MM-DD) to take it from: add `updated: YYYY-MM-DD` to " + content.SiteFile
	if r.baseFlag {
		return latest, fmt.Errorf("-base-url flag: the base URL is given, so an Atom feed is written. %s, or build without -base-url to leave the feed out", fix)
	}
	return latest, content.Errorf(content.SiteFile, r.c.Site.BaseURLLine, 0, "base_url is set, so an Atom feed is written. %s, or remove base_url to leave the feed out", fix)
}

// FeedEntries is how many articles the feed holds, the latest ones.
const FeedEntries = 50

// feed is an Atom feed (RFC 4287) of the latest articles. Atom requires an
// <updated> instant for the feed and each entry: it is feedUpdated's
// date, never the clock, so builds stay reproducible. An article's
// <published> is given only when its publication day is known.
func (r *renderer) feed() ([]byte, error) {
	s := r.c.Site
	d, err := r.feedUpdated()
	if err != nil {
		return nil, err
	}
	updated := d.String() + "T00:00:00Z"
	type atomFeed struct {
		XMLName xml.Name    `xml:"feed"`
		NS      string      `xml:"xmlns,attr"`
		Lang    string      `xml:"xml:lang,attr"`
		Title   string      `xml:"title"`
		Sub     string      `xml:"subtitle,omitempty"`
		ID      string      `xml:"id"`
		Link    []atomLink  `xml:"link"`
		Updated string      `xml:"updated"`
		Author  atomName    `xml:"author"`
		Entries []atomEntry `xml:"entry"`
	}
	f := atomFeed{NS: "http://www.w3.org/2005/Atom", Lang: s.Language, Title: s.Title, Sub: s.Description,
		ID: r.abs("index.html"), Updated: updated, Author: atomName{s.Title},
		Link: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.abs("feed.xml")}, {Rel: "alternate", Type: "text/html", Href: r.abs("index.html")}}}
	// The latest FeedEntries articles (the site's order is by date).
	for _, a := range r.views[max(0, len(r.views)-FeedEntries):] {
		e := atomEntry{Base: r.abs(a.Path()), Title: a.Title, ID: r.abs(a.Path()), Updated: updated,
			Link:    []atomLink{{Rel: "alternate", Type: "text/html", Href: r.abs(a.Path())}, {Rel: "related", Type: "text/html", Href: a.URL}},
			Content: &atomText{Type: "html", Body: string(a.Body)}, Source: &atomSource{a.Publication}}
		if a.Date.Exact() {
			e.Published = a.Date.String() + "T00:00:00Z"
		}
		if a.Dek != "" {
			e.Summary = &atomText{Body: a.Dek}
		}
		for _, au := range a.Authors {
			e.Authors = append(e.Authors, atomName{au})
		}
		if len(a.Authors) == 0 {
			// Atom gives an entry without an author the feed's; say instead
			// that the source names none, rather than imply a byline.
			e.Authors = []atomName{{r.theme.lang.text("feed-no-byline", a.Publication)}}
		}
		f.Entries = append(f.Entries, e)
	}
	return marshalXML(f)
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// newsArticle is the JSON-LD (schema.org NewsArticle) of an article page.
// It states only what the front matter states: no author when the source
// names none, a date only to its known precision.
func (r *renderer) newsArticle(a *articleView) template.JS {
	type thing struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ld := struct {
		Context       string  `json:"@context"`
		Type          string  `json:"@type"`
		Headline      string  `json:"headline"`
		Description   string  `json:"description,omitempty"`
		Author        []thing `json:"author,omitempty"`
		Publisher     thing   `json:"publisher"`
		DatePublished string  `json:"datePublished,omitempty"`
		URL           string  `json:"url"`
		InLanguage    string  `json:"inLanguage,omitempty"`
		IsPartOf      *thing  `json:"isPartOf,omitempty"`
	}{Context: "https://schema.org", Type: "NewsArticle", Headline: a.Title, Description: a.Dek,
		Publisher: thing{"NewsMediaOrganization", a.Publication}, DatePublished: a.Date.String(), URL: a.URL,
		InLanguage: r.c.Site.Language, IsPartOf: &thing{"CreativeWork", r.c.Site.Title}}
	for _, au := range a.Authors {
		ld.Author = append(ld.Author, thing{"Person", au})
	}
	return jsonLD(ld)
}

// jsonLD marshals v for a <script type="application/ld+json">;
// encoding/json escapes <, > and &, so the script cannot be closed early.
func jsonLD(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only fixed struct types are marshalled
	}
	return template.JS(b)
}

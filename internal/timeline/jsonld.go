package timeline

import (
	"encoding/json"
	"html/template"
	"sort"
)

// JSON-LD (schema.org) for the page: the events and the articles cited.
// Identifiers are relative to the page, like every URL of the site; the
// only absolute URLs are the articles' originals, which the sources give.
type ldGraph struct {
	Context string `json:"@context"`
	Graph   []any  `json:"@graph"`
}

type ldEvent struct {
	Type      string  `json:"@type"`
	ID        string  `json:"@id"`
	Name      string  `json:"name"`
	StartDate string  `json:"startDate"`
	Location  ldThing `json:"location"`
	SubjectOf []ldRef `json:"subjectOf,omitempty"`
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldRef struct {
	ID string `json:"@id"`
}

type ldArticle struct {
	Type          string    `json:"@type"`
	ID            string    `json:"@id"`
	Headline      string    `json:"headline"`
	URL           string    `json:"url"`
	Publisher     ldThing   `json:"publisher"`
	Author        []ldThing `json:"author,omitempty"`
	DatePublished string    `json:"datePublished,omitempty"`
	About         []ldRef   `json:"about,omitempty"`
}

// JSONLD returns the page's structured data. root is the relative URL of
// the site root from the timeline page ("../").
func (t *Timeline) JSONLD(root string) (template.JS, error) {
	g := ldGraph{Context: "https://schema.org"}
	bySlug := map[string]*ldArticle{}
	var slugs []string
	for _, e := range t.Entries {
		a := e.Source
		la := bySlug[a.Slug]
		if la == nil {
			la = &ldArticle{Type: "NewsArticle", ID: root + a.Path(), Headline: a.Title, URL: a.URL,
				Publisher: ldThing{"NewsMediaOrganization", a.Publication}, DatePublished: a.Date.String()}
			for _, au := range a.Authors {
				la.Author = append(la.Author, ldThing{"Person", au})
			}
			bySlug[a.Slug] = la
			slugs = append(slugs, a.Slug)
		}
		about := ldRef{"#" + e.Event}
		if !containsRef(la.About, about) {
			la.About = append(la.About, about)
		}
	}
	sort.Strings(slugs)
	for _, ev := range t.Events {
		le := ldEvent{Type: "Event", ID: "#" + ev.ID, Name: ev.Name, StartDate: ev.When.Parsed.String(),
			Location: ldThing{"Place", ev.Place}}
		for _, s := range slugs {
			if containsRef(bySlug[s].About, ldRef{"#" + ev.ID}) {
				le.SubjectOf = append(le.SubjectOf, ldRef{bySlug[s].ID})
			}
		}
		g.Graph = append(g.Graph, le)
	}
	for _, s := range slugs {
		g.Graph = append(g.Graph, bySlug[s])
	}
	// Marshal escapes <, > and &, so the data cannot close its <script>.
	b, err := json.MarshalIndent(g, "", "  ")
	return template.JS(b), err
}

func containsRef(rs []ldRef, r ldRef) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

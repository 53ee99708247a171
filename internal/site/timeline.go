package site

import (
	"html/template"

	"dossier/internal/content"
	"dossier/internal/markdown"
	"dossier/internal/timeline"
)

// loadTimelines reads the timelines and proves their quotes against the
// articles as converted, so a quote is checked against what readers see.
func (r *renderer) loadTimelines(views []*articleView) error {
	texts := make(map[string]*timeline.Text, len(views))
	for _, v := range views {
		texts[v.Slug] = &timeline.Text{Article: v.Article, Paragraphs: v.Paragraphs}
	}
	tls, err := timeline.Load(r.c.FS, texts)
	if err != nil {
		return err
	}
	r.timelines = tls
	r.res.Timelines = len(tls)
	return nil
}

// cite lists on each article the timeline entries that quote it, and
// renders the article again with a link at the end of each cited paragraph
// back to its entry. The link goes in through goldmark's AST, after the
// paragraph's text was taken, so it never becomes part of what is quoted.
func (r *renderer) cite(views []*articleView) content.List {
	bySlug := make(map[string]*articleView, len(views))
	for _, v := range views {
		bySlug[v.Slug] = v
	}
	links := map[string]map[string][]markdown.BackLink{}
	// Rows, then cells, then entries: the order a reader meets them.
	for _, t := range r.timelines {
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				for _, e := range c.Entries {
					v := bySlug[e.Article]
					v.CitedBy = append(v.CitedBy, citation{Href: e.Href(t), Label: e.Label(), Paragraph: e.ParagraphNumber()})
					if links[v.Slug] == nil {
						links[v.Slug] = map[string][]markdown.BackLink{}
					}
					links[v.Slug][e.Paragraph] = append(links[v.Slug][e.Paragraph], markdown.BackLink{
						Href: rootOf(v.Path()) + e.Href(t),
						Text: "In the timeline: " + e.Label(),
					})
				}
			}
		}
	}
	errs := make([]content.List, len(views))
	parallel(len(views), func(i int) {
		v := views[i]
		if links[v.Slug] == nil {
			return
		}
		// The first conversion reported the warnings and link errors.
		doc, err := r.md.Convert(v.Article.Body, markdown.Options{
			ParagraphIDs: true,
			Resolve:      func(dest string) (string, error) { return r.resolve(v.File, v.Path(), dest) },
			BackLinks:    links[v.Slug],
		})
		if err != nil {
			errs[i] = content.List{content.Errorf(v.File, 0, 0, "markdown: %v", err)}
			return
		}
		v.Body = template.HTML(doc.HTML)
	})
	var all content.List
	for _, e := range errs {
		all = append(all, e...)
	}
	return all
}

// renderTimelines renders one page per timeline.
func (r *renderer) renderTimelines() content.List {
	var errs content.List
	for _, t := range r.timelines {
		pg := r.newPage("timeline", t.Path(), t.Title)
		pg.Description = t.Summary
		pg.Timeline = t
		ld, err := t.JSONLD(pg.Root)
		if err != nil {
			errs.Add(content.Errorf(t.File, 0, 0, "structured data: %v", err))
			continue
		}
		pg.JSONLD = ld
		errs.Add(r.exec(pg, t.File))
	}
	return errs
}

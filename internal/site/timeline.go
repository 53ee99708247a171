package site

import (
	"dossier/internal/content"
	"dossier/internal/markdown"
	"dossier/internal/timeline"
	"fmt"
	"slices"
)

// loadTimelines reads the timelines and proves their quotes against the
// articles as converted, so a quote is checked against what readers see.
// Only the articles a timeline quotes are converted here, on first use.
func (r *renderer) loadTimelines() error {
	texts := make(map[string]*timeline.Text, len(r.c.Articles))
	for _, a := range r.c.Articles {
		texts[a.Slug] = &timeline.Text{Article: a, Convert: func() []markdown.Paragraph {
			body, err := a.ReadBody(r.c.FS)
			if err != nil {
				return nil // the article's own conversion reports it
			}
			doc, err := r.md.Convert(body, markdown.Options{ParagraphIDs: true, ReservedIDs: r.theme.ids})
			if err != nil {
				return nil // the article's own conversion reports it
			}
			return doc.Paragraphs
		}}
	}
	tls, err := timeline.Load(r.c.FS, texts)
	if err != nil {
		return err
	}
	// The scale strips' labels are laid out in the page's language.
	l := r.theme.lang
	for _, t := range tls {
		t.Scale.Lay(func(n int) string { return l.text("scale-gap", n) }, l.date)
	}
	r.timelines = tls
	r.res.Timelines = len(tls)
	// An article's event names a timeline's column: a typo would leave it
	// out of its event's column without a word.
	return content.CheckEvents(r.c.FS, r.c.Articles, knownEvents(tls)).Err()
}

// knownEvents are the ids of the timelines' events, sorted.
func knownEvents(tls []*timeline.Timeline) []string {
	var known []string
	seen := map[string]bool{}
	for _, t := range tls {
		for _, ev := range t.Events {
			if !seen[ev.ID] {
				seen[ev.ID] = true
				known = append(known, ev.ID)
			}
		}
	}
	slices.Sort(known)
	return known
}

// cite works out, for each quoted article, the links from its paragraphs
// back to the entries that quote them. They go in through goldmark's AST
// when the article is converted, after the paragraph's text is taken, so
// they never become part of what is quoted.
func (r *renderer) cite() {
	r.backlinks = map[string]map[string][]markdown.BackLink{}
	// Rows, then cells, then entries: the order a reader meets them.
	for _, t := range r.timelines {
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				for _, e := range c.Entries {
					a := e.Source
					if r.backlinks[a.Slug] == nil {
						r.backlinks[a.Slug] = map[string][]markdown.BackLink{}
					}
					text := e.Cell.Row.Label
					if len(r.timelines) > 1 {
						text = t.Nav() + ": " + text
					}
					r.backlinks[a.Slug][e.Paragraph] = append(r.backlinks[a.Slug][e.Paragraph], markdown.BackLink{
						Href: rootOf(a.Path()) + e.Href(t),
						Text: text,
					})
				}
			}
		}
	}
	for _, paras := range r.backlinks {
		for _, links := range paras {
			numberRepeats(links)
		}
	}
}

// numberRepeats numbers the links of a paragraph that share a text (two
// entries of one row quoting it): "Reactions 1", "Reactions 2".
func numberRepeats(links []markdown.BackLink) {
	count := map[string]int{}
	for _, l := range links {
		count[l.Text]++
	}
	seen := map[string]int{}
	for i, l := range links {
		if count[l.Text] > 1 {
			seen[l.Text]++
			links[i].Text = fmt.Sprintf("%s %d", l.Text, seen[l.Text])
		}
	}
}

// citedBy lists the timeline entries that quote an article, for its page.
func (r *renderer) citedBy(slug string) []citation {
	if r.backlinks[slug] == nil {
		return nil
	}
	var out []citation
	for _, t := range r.timelines {
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				for _, e := range c.Entries {
					if e.Article == slug {
						out = append(out, citation{Href: e.Href(t), Label: e.Label(), Paragraph: e.ParagraphNumber()})
					}
				}
			}
		}
	}
	return out
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

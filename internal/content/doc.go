// Package content loads and validates a dossier's sources from an fs.FS.
//
// # Layout
//
// The file system holds a site root:
//
//	content/site.yaml          site settings (Site)
//	content/articles/*.md      articles: YAML front matter, then Markdown (Article)
//	content/pages/*.md         other pages: YAML front matter, then Markdown (Page)
//	content/timelines/*.yaml   comparison timelines (read by package timeline)
//	content/raw/*              the originals the articles were cleaned from
//
// # Front matter
//
// Front matter sits between a first line "---" and the next line "---".
// It is strict: an unknown key, a missing required key, a value of the
// wrong type or malformed YAML is an *Error naming file, line and column,
// and every such error of a load is returned together (see List).
//
// # Slugs
//
// An article's or page's slug is its file name without ".md". A slug is
// lower-case letters, digits and hyphens, so that it can never name a
// path outside the output directory.
package content

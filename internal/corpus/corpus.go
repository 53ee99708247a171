// Package corpus writes synthetic dossiers for measuring builds: N news
// articles of about 790 words in Dossier's own content format, with their
// raw originals, so that anyone can reproduce the build figures in the README.
//
// The output is a complete site root:
//
//	content/site.yaml
//	content/articles/<slug>.md    front matter with every required key, ~5.6 KB each
//	content/raw/<slug>.txt        the "original" each article was cleaned from
//
// One article in ten carries a 20-line fenced Go block; about one in seven
// links to an earlier article (as ../articles/x.md links do in a dossier). Generation is deterministic: the same seed
// gives the same bytes, and article i does not depend on n, so the first
// 1,000 articles of a 10,000-article corpus are the 1,000-article corpus.
package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WordsPerArticle is the mean body length the generator aims at.
const WordsPerArticle = 790

// events are the event slugs articles belong to: the generated timeline's
// two events, since an article's event must be one a timeline defines.
var events = []string{"first", "second"}

// An article is one generated article, before it is written out.
type article struct {
	slug, title, dek, publication string
	authors                       []string
	credits                       string
	published, publishedSource    string
	url, event                    string
	photo                         *photo
	notes                         []string
	blocks                        []block
}

type photo struct{ caption, credit string }

// A block is one Markdown block of a body. paragraphs is how many
// paragraphs (in goldmark's sense, so p1, p2, … ids) it makes; plain is its
// text as the cleaned article's reader sees it, for citations.
type block struct {
	md         string
	paragraphs int
	plain      string
}

// A Citation is a verbatim quote from one paragraph of one article, for
// the timeline that cites a sample of the corpus.
type Citation struct {
	Slug      string
	Paragraph int // 1-based, as the article page's #pN ids
	Quote     string
}

// Write writes a site root of n articles into dir, which is created if
// needed. Files already in dir with other names are left alone.
func Write(dir string, n int, seed int64) error {
	for _, d := range []string{"content/articles", "content/raw"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	site := fmt.Sprintf(`# A synthetic dossier written by internal/corpus (seed %d), for benchmarks.
title: "Synthetic dossier of %d articles"
description: "Generated news articles for measuring Dossier's build at scale."
language: en
intro: |
  This dossier is generated: its %d articles are synthetic news reports
  written by Dossier's corpus generator with seed %d.
updated: "2024-01-01"
`, seed, n, n, seed)
	if err := os.WriteFile(filepath.Join(dir, "content/site.yaml"), []byte(site), 0o644); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	slugs := make([]string, n)
	var cites []Citation
	for i := 0; i < n; i++ {
		a := newArticle(seed, i, slugs[:i])
		slugs[i] = a.slug
		if err := os.WriteFile(filepath.Join(dir, "content/articles", a.slug+".md"), a.markdown(), 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "content/raw", a.slug+".txt"), a.raw(), 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if c, ok := a.citation(seed, i); ok && i%max(n/TimelineEntries, 1) == 0 && len(cites) < TimelineEntries {
			cites = append(cites, c)
		}
	}
	return writeTimeline(dir, cites)
}

// TimelineEntries is how many articles the corpus' timeline cites.
const TimelineEntries = 20

// writeTimeline writes content/timelines/corpus.yaml: two events side by
// side, with one entry per citation, alternating between them. Each entry
// quotes its article verbatim, so the build proves every quote and links
// the cited paragraphs back, as it does for a real dossier.
func writeTimeline(dir string, cites []Citation) error {
	if len(cites) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(`title: "First summit → second summit"
nav_title: "Timeline"
summary: "A generated timeline that quotes a sample of the corpus."
caption: "The two summits, as the corpus reports them."
sources:
  - id: generator
    name: "The corpus generator"
events:
  - id: first
    label: "First summit"
    name: "The first summit"
    place: "Geneva"
    place_sources: [generator]
    when: {date: "2018-07-06", sources: [generator]}
    utc_offset: "+02:00"
  - id: second
    label: "Second summit"
    name: "The second summit"
    place: "Osaka"
    place_sources: [generator]
    when: {date: "2019-06-28", sources: [generator]}
    utc_offset: "+09:00"
rows:
  - id: reports
    label: "What was reported"
entries:
`)
	for k, c := range cites {
		event := events[k%2]
		fmt.Fprintf(&b, "  - id: e%02d\n    row: reports\n    event: %s\n    when: {phrase: \"in the article\"}\n    summary: \"A report quoted from paragraph %d.\"\n    article: %s\n    quote: %s\n",
			k+1, event, c.Paragraph, c.Slug, strconv.Quote(c.Quote))
	}
	p := filepath.Join(dir, "content", "timelines")
	if err := os.MkdirAll(p, 0o755); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	return os.WriteFile(filepath.Join(p, "corpus.yaml"), []byte(b.String()), 0o644)
}

// rng is the random source of article i: it depends on the seed and i only.
func rng(seed int64, i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(i)<<8|stream))
}

// newArticle generates article i; earlier are the slugs it may link to.
func newArticle(seed int64, i int, earlier []string) *article {
	r := rng(seed, i, 0)
	a := &article{title: title(r), publication: pick(r, publications), event: pick(r, events)}
	a.slug = fmt.Sprintf("%s-%05d", slugify(a.title, 5), i)
	a.url = fmt.Sprintf("https://news.example.org/%d/%s", 2015+i%10, a.slug)
	if r.IntN(3) > 0 {
		a.dek = strings.TrimSuffix(sentence(r), ".")
		a.dek = strings.ReplaceAll(a.dek, "*", "")
	}
	a.authors = []string{} // an unknown byline is an empty list, never invented
	for k := r.IntN(3); k > 0; k-- {
		a.authors = append(a.authors, pick(r, names))
	}
	if r.IntN(5) == 0 {
		a.credits = "Additional reporting by " + pick(r, names)
	}
	year, month, day := 2015+i%10, 1+r.IntN(12), 1+r.IntN(28)
	switch r.IntN(10) {
	case 0:
		a.published = fmt.Sprintf("%04d-%02d", year, month)
		a.publishedSource = "the article's dateline gives the month only"
	case 1:
		// no date: the key is optional
	default:
		a.published = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	}
	if r.IntN(4) == 0 {
		a.photo = &photo{caption: strings.ReplaceAll(sentence(r), "*", ""), credit: pick(r, names) + " / Example Images"}
	}
	if r.IntN(8) == 0 {
		a.notes = []string{"A video embedded in the original was not part of the saved text."}
	}
	a.blocks = body(r, i, earlier)
	return a
}

// body is about WordsPerArticle words of varied blocks.
func body(r *rand.Rand, i int, earlier []string) []block {
	target := WordsPerArticle - 150 + r.IntN(181) // the last block overshoots by ~60 words
	var bs []block
	n := 0
	add := func(b block) {
		bs = append(bs, b)
		n += words(b.md)
	}
	linked := len(earlier) == 0 || r.IntN(4) != 0
	coded := i%10 != 0
	for n < target {
		switch k := r.IntN(14); {
		case k == 0 && len(bs) > 2:
			add(block{md: "## " + strings.ReplaceAll(title(r), "*", "")})
		case k == 1:
			p := strings.ReplaceAll(paragraph(r), "*", "")
			add(block{md: "> " + p, paragraphs: 1, plain: p})
		case k == 2:
			var items []string
			for m := 3 + r.IntN(3); m > 0; m-- {
				items = append(items, "- The "+pick(r, adjectives)+" "+pick(r, nouns)+" in "+pick(r, places))
			}
			add(block{md: strings.Join(items, "\n")})
		case k == 3 && !linked:
			j := r.IntN(len(earlier))
			p := fmt.Sprintf("%s As [reported earlier](%s.md), %s", sentence(r), earlier[j], strings.ToLower(sentence(r)[:1])+sentence(r)[1:])
			add(block{md: p, paragraphs: 1})
			linked = true
		case k == 4 && !coded && len(bs) > 3:
			add(block{md: "The code the officials circulated read, in full:", paragraphs: 1, plain: "The code the officials circulated read, in full:"})
			bs = append(bs, block{md: goBlock(r)}) // code words do not count towards prose
			coded = true
		case k == 5:
			p := paragraph(r) + " The full text is on the [ministry's site](https://ministry.example.org/statements/" + fmt.Sprint(r.IntN(100000)) + ")."
			add(block{md: p, paragraphs: 1})
		default:
			p := paragraph(r)
			plain := ""
			if !strings.Contains(p, "*") {
				plain = p
			}
			add(block{md: p, paragraphs: 1, plain: plain})
		}
	}
	if !coded {
		bs = append(bs, block{md: "The code the officials circulated read, in full:", paragraphs: 1}, block{md: goBlock(r)})
	}
	return bs
}

// markdown is the article's source file: front matter and body.
func (a *article) markdown() []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", a.title)
	if a.dek != "" {
		fmt.Fprintf(&b, "dek: %q\n", a.dek)
	}
	fmt.Fprintf(&b, "publication: %q\n", a.publication)
	b.WriteString("authors: [")
	for k, au := range a.authors {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", au)
	}
	b.WriteString("]\n")
	if a.credits != "" {
		fmt.Fprintf(&b, "credits: %q\n", a.credits)
	}
	if a.published != "" {
		fmt.Fprintf(&b, "published: %q\n", a.published)
	}
	if a.publishedSource != "" {
		fmt.Fprintf(&b, "published_source: %q\n", a.publishedSource)
	}
	fmt.Fprintf(&b, "url: %q\n", a.url)
	fmt.Fprintf(&b, "raw: raw/%s.txt\n", a.slug)
	fmt.Fprintf(&b, "event: %s\n", a.event)
	if a.photo != nil {
		fmt.Fprintf(&b, "photo:\n  caption: %q\n  credit: %q\n", a.photo.caption, a.photo.credit)
	}
	if len(a.notes) > 0 {
		b.WriteString("notes:\n")
		for _, n := range a.notes {
			fmt.Fprintf(&b, "  - %q\n", n)
		}
	}
	b.WriteString("---\n")
	for _, bl := range a.blocks {
		b.WriteString("\n")
		b.WriteString(bl.md)
		b.WriteString("\n")
	}
	return b.Bytes()
}

// raw is the article as it might have been saved from the web: the text
// with the page's boilerplate around and inside it, for the importer.
func (a *article) raw() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nSkip to main content\nSubscribe | Sign in\n\n%s\n\n", a.publication, a.title)
	if a.dek != "" {
		fmt.Fprintf(&b, "%s\n\n", a.dek)
	}
	if len(a.authors) > 0 {
		fmt.Fprintf(&b, "By %s\n", strings.Join(a.authors, " and "))
	}
	if a.published != "" {
		fmt.Fprintf(&b, "%s\n", a.published)
	}
	b.WriteString("\nShare this article\n\n")
	for k, bl := range a.blocks {
		text := strings.NewReplacer("*", "", "> ", "", "## ", "").Replace(bl.md)
		b.WriteString(text)
		b.WriteString("\n\n")
		if k == 3 {
			b.WriteString("Sign up for our newsletter to get the day's top stories.\n\nAdvertisement\n\n")
		}
	}
	if a.credits != "" {
		fmt.Fprintf(&b, "%s\n\n", a.credits)
	}
	b.WriteString("Related: More from our coverage\nSupport independent journalism: donate today.\n© All rights reserved.\n")
	return b.Bytes()
}

// citation picks a paragraph of the article whose text is plain (no
// Markdown), and a sentence of it as the quote.
func (a *article) citation(seed int64, i int) (Citation, bool) {
	r := rng(seed, i, 1)
	type cand struct {
		p     int
		plain string
	}
	var cands []cand
	p := 0
	for _, bl := range a.blocks {
		if bl.paragraphs == 0 {
			continue
		}
		p += bl.paragraphs
		if bl.plain != "" {
			cands = append(cands, cand{p, bl.plain})
		}
	}
	if len(cands) == 0 {
		return Citation{}, false
	}
	c := cands[r.IntN(len(cands))]
	quote, _, _ := strings.Cut(c.plain, ". ")
	return Citation{Slug: a.slug, Paragraph: c.p, Quote: strings.TrimSuffix(quote, ".")}, true
}

// slugify keeps the first n words of s, lower-cased, joined by hyphens.
func slugify(s string, n int) string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Map(func(r rune) rune {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				return r
			}
			return -1
		}, w)
		if w != "" {
			out = append(out, w)
		}
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, "-")
}

// A Cache writes each size of corpus once per process into a temporary
// directory, for benchmarks; Clean removes them all (call it from TestMain).
type Cache struct {
	dirs map[int]string
}

// Dir returns the directory of a corpus of n articles (seed 1), writing
// it on first use.
func (c *Cache) Dir(n int) (string, error) {
	if dir, ok := c.dirs[n]; ok {
		return dir, nil
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("dossier-corpus-%d-", n))
	if err != nil {
		return "", err
	}
	if err := Write(dir, n, 1); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	if c.dirs == nil {
		c.dirs = map[int]string{}
	}
	c.dirs[n] = dir
	return dir, nil
}

// Clean removes the corpora written so far.
func (c *Cache) Clean() {
	for _, dir := range c.dirs {
		os.RemoveAll(dir)
	}
}

package timeline

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"dossier/internal/content"
	"dossier/internal/markdown"
)

// A Text is a converted article: what provenance is checked against.
type Text struct {
	Article    *content.Article
	Paragraphs []markdown.Paragraph
	// Convert, when set and Paragraphs is nil, gives the paragraphs on
	// first use: a build converts only the articles a timeline quotes
	// before it renders them all.
	Convert func() []markdown.Paragraph
}

// paragraphs returns the article's paragraphs, converting it on first use.
func (t *Text) paragraphs() []markdown.Paragraph {
	if t.Paragraphs == nil && t.Convert != nil {
		t.Paragraphs = t.Convert()
	}
	return t.Paragraphs
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var offsetRE = regexp.MustCompile(`^[+-](0\d|1[0-4]):[0-5]\d$`)

// reservedIDs are the ids the timeline page uses for itself.
var reservedIDs = map[string]bool{"main": true, "scale": true, "sources": true, "comparison": true, "summary": true}

// Load reads every content/timelines/*.yaml of fsys and checks it against
// the articles, keyed by slug. All problems are returned together.
func Load(fsys fs.FS, articles map[string]*Text) ([]*Timeline, error) {
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil // no timelines
		}
		var e *content.Error
		if errors.As(err, &e) {
			return nil, e
		}
		return nil, content.Errorf(Dir, 0, 0, "cannot read directory: %v", err)
	}
	var errs content.List
	var out []*Timeline
	for _, e := range entries {
		name := e.Name()
		file := Dir + "/" + name
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case e.IsDir() || !strings.HasSuffix(name, ".yaml"):
			errs.Add(content.Errorf(file, 0, 0, "%s holds timeline .yaml files only", Dir))
			continue
		}
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs.Add(content.ReadError(file, err))
			continue
		}
		t, terrs := Parse(file, src, articles)
		errs = append(errs, terrs...)
		if len(terrs) == 0 {
			out = append(out, t)
		}
	}
	return out, errs.Err()
}

// Parse reads one timeline file, resolves its references, aligns its
// entries into rows and checks every quote.
func Parse(file string, src []byte, articles map[string]*Text) (*Timeline, content.List) {
	t := &Timeline{File: file, Slug: strings.TrimSuffix(path.Base(file), ".yaml")}
	var errs content.List
	if !idRE.MatchString(t.Slug) {
		errs.Add(content.Errorf(file, 0, 0, "file name %q is not a valid slug: use lower-case letters, digits and hyphens", path.Base(file)))
	}
	if err := content.CheckText(file, src, 1); err != nil {
		return nil, append(errs, err)
	}
	pos, yerrs := content.DecodeYAML(file, src, 0, t, "title", "caption", "events", "rows", "entries")
	if len(yerrs) > 0 {
		return nil, append(errs, yerrs...)
	}
	l := &loader{t: t, pos: pos, articles: articles, ids: map[string]string{}, sources: map[string]*Source{}}
	l.check()
	errs = append(errs, l.errs...)
	if len(errs) > 0 {
		return nil, errs
	}
	t.Scale = newScale(t)
	return t, nil
}

// loader holds one file's checks.
type loader struct {
	t        *Timeline
	pos      content.Positions
	articles map[string]*Text
	ids      map[string]string // id → YAML path of its first use
	sources  map[string]*Source
	events   map[string]*Event
	rows     map[string]*Row
	errs     content.List
}

// errf reports a problem at the YAML path p. where names the row and
// event it concerns, so the author finds the cell on the page too.
func (l *loader) errf(p, where, format string, args ...any) {
	at := l.pos.At(p)
	msg := fmt.Sprintf(format, args...)
	if where != "" {
		msg = where + ": " + msg
	}
	l.errs.Add(content.Errorf(l.t.File, at.Line, at.Col, "%s", msg))
}

func (l *loader) required(p, where, name, val string) {
	if strings.TrimSpace(val) == "" {
		l.errf(p, where, "%s is missing or empty; give it a value", name)
	}
}

// id checks an id's form and that no other element of the page has it.
func (l *loader) id(p, where, id string) {
	switch {
	case id == "":
		l.errf(p, where, "id is missing; give it a unique id of lower-case letters, digits and hyphens")
	case !idRE.MatchString(id):
		l.errf(p+".id", where, "id %q is not valid: use lower-case letters, digits and single hyphens", id)
	case reservedIDs[id]:
		l.errf(p+".id", where, "id %q is used by the page itself; choose another", id)
	case l.ids[id] != "":
		first := l.pos.At(l.ids[id])
		l.errf(p+".id", where, "duplicated id %q (first used on line %d); ids must be unique in the timeline", id, first.Line)
	default:
		l.ids[id] = p + ".id"
	}
}

func (l *loader) check() {
	t := l.t
	l.required("title", "", "title", t.Title)
	l.required("caption", "", "caption", t.Caption)
	l.gapSentence()
	for i, s := range t.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		l.id(p, "source "+quote(s.ID), s.ID)
		if idRE.MatchString(s.ID) {
			// The page lists the sources as src-<id>: keep those ids free too.
			l.id(p, "source "+quote(s.ID), "src-"+s.ID)
		}
		l.required(p+".name", "source "+quote(s.ID), "name", s.Name)
		l.sources[s.ID] = s
	}
	l.events = map[string]*Event{}
	if len(t.Events) < 2 {
		l.errf("events", "", "a comparison needs at least two events; there are %d", len(t.Events))
	}
	for i, e := range t.Events {
		p := fmt.Sprintf("events[%d]", i)
		where := "event " + quote(e.ID)
		l.id(p, where, e.ID)
		l.required(p+".label", where, "label", e.Label)
		l.required(p+".name", where, "name", e.Name)
		l.required(p+".place", where, "place", e.Place)
		l.scaleLabel(p+".label", where, e.Label)
		e.PlaceRefs = l.refs(p+".place_sources", where, e.PlaceSources)
		l.when(p+".when", where, &e.When)
		if !e.When.Exact() {
			l.errf(p+".when", where, "an event needs an exact date (YYYY-MM-DD) with its source")
		}
		if !offsetRE.MatchString(e.UTCOffset) {
			l.errf(p+".utc_offset", where, "utc_offset %q is not an offset such as \"+02:00\"", e.UTCOffset)
		}
		l.events[e.ID] = e
	}
	l.rows = map[string]*Row{}
	for i, r := range t.Rows {
		p := fmt.Sprintf("rows[%d]", i)
		where := "row " + quote(r.ID)
		l.id(p, where, r.ID)
		l.required(p+".label", where, "label", r.Label)
		for ev := range r.Nothing {
			if l.events[ev] == nil {
				l.errf(p+".nothing."+ev+":", where, "unknown event %q; known events: %s", ev, l.eventIDs())
			}
		}
		l.rows[r.ID] = r
	}
	for i, e := range t.Entries {
		l.entry(fmt.Sprintf("entries[%d]", i), e)
	}
	if len(l.errs) > 0 {
		return // alignment and provenance need sound references
	}
	l.align()
	for i, e := range t.Entries {
		l.provenance(fmt.Sprintf("entries[%d]", i), e)
	}
}

func (l *loader) entry(p string, e *Entry) {
	e.Line = l.pos.At(p).Line
	where := fmt.Sprintf("row %q, event %q, entry %q", e.Row, e.Event, e.ID)
	l.id(p, where, e.ID)
	if l.rows[e.Row] == nil {
		l.errf(p+".row", where, "unknown row %q; known rows: %s", e.Row, l.rowIDs())
	}
	if l.events[e.Event] == nil {
		l.errf(p+".event", where, "unknown event %q; known events: %s", e.Event, l.eventIDs())
	}
	l.required(p+".summary", where, "summary", e.Summary)
	l.required(p+".quote", where, "quote", e.Quote)
	switch txt := l.articles[e.Article]; {
	case e.Article == "":
		l.errf(p+".article", where, "article is missing; name the slug of the article the quote is from")
	case txt == nil:
		l.errf(p+".article", where, "unknown article %q; known articles: %s", e.Article, l.articleSlugs())
	default:
		e.Source = txt.Article
	}
	l.when(p+".when", where, &e.When)
	l.scaleLabel(p+".scale", where, e.Scale)
	if e.Scale != "" && !e.When.Exact() {
		l.errf(p+".scale", where, "only an exact date (YYYY-MM-DD) can be placed on the scale strip")
	}
}

func (l *loader) when(p, where string, w *When) {
	if w.Date == "" && w.Phrase == "" {
		l.errf(p, where, "when needs a date (YYYY, YYYY-MM or YYYY-MM-DD), a phrase such as \"before the meeting\", or both")
	}
	if w.Date != "" {
		d, err := content.ParseDate(w.Date)
		if err != nil {
			l.errf(p+".date", where, "%v", err)
		}
		w.Parsed = d
		if len(w.Sources) == 0 {
			l.errf(p+".date", where, "the date %s has no sources: name where it comes from (a source id, or the article that states it)", w.Date)
		}
	}
	w.Refs = l.refs(p+".sources", where, w.Sources)
}

// refs resolves source references: outside sources first, then articles.
func (l *loader) refs(p, where string, ids []string) Refs {
	var out Refs
	for i, id := range ids {
		switch {
		case l.sources[id] != nil:
			out = append(out, Ref{Outside: l.sources[id]})
		case l.articles[id] != nil:
			out = append(out, Ref{Article: l.articles[id].Article})
		default:
			l.errf(fmt.Sprintf("%s[%d]", p, i), where, "unknown source %q: add it under sources (the outside source that states the fact: id, name, detail), or name the slug of an article that states it", id)
		}
	}
	return out
}

func (l *loader) eventIDs() string {
	var ids []string
	for _, e := range l.t.Events {
		ids = append(ids, e.ID)
	}
	return strings.Join(ids, ", ")
}

func (l *loader) rowIDs() string {
	var ids []string
	for _, r := range l.t.Rows {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ", ")
}

func (l *loader) articleSlugs() string {
	var s []string
	for slug := range l.articles {
		s = append(s, slug)
	}
	return strings.Join(sorted(s), ", ")
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

// scaleLabel keeps a label narrow enough for the scale strip on a phone,
// where it may take the drawing's whole width but no more.
func (l *loader) scaleLabel(p, where, s string) {
	if w := TextWidth(s, true, narrowFont); w > NarrowMinWidth {
		l.errf(p, where, "%q is too long for the scale strip on a phone (about %.0f px of the %d px it has): shorten it", s, w, NarrowMinWidth)
	}
}

// gapSentence checks the placeholders of the timeline's gap_sentence.
func (l *loader) gapSentence() {
	rest := l.t.GapSentence
	for _, ph := range gapPlaceholders {
		rest = strings.ReplaceAll(rest, ph, "")
	}
	if i := strings.Index(rest, "{"); i >= 0 {
		j := strings.Index(rest[i:], "}")
		bad := rest[i:]
		if j >= 0 {
			bad = rest[i : i+j+1]
		}
		l.errf("gap_sentence", "", "gap_sentence has %q, which is not a placeholder; it may say %s", bad, strings.Join(gapPlaceholders, ", "))
	}
}

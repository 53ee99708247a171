package site

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The search index is a script (window.DOSSIER_SEARCH = {...}) loaded with
// <script src>, because fetch() is blocked on file://. It holds each text
// once: a document's title, subtitle and its paragraphs with their ids, so
// a result links to the paragraph (articles/x.html#p3).

// SearchIndexFile and its global variable, read by templates/search.js.
const (
	SearchIndexFile = "search-index.js"
	searchGlobal    = "DOSSIER_SEARCH"
)

// A searchDoc is one page in the search index.
type searchDoc struct {
	URL   string     `json:"u"`
	Title string     `json:"t"`
	Meta  string     `json:"m,omitempty"` // publication · date, or what the page is
	Dek   string     `json:"d,omitempty"`
	Parts [][]string `json:"p"` // [id, text], text with white space collapsed

	// json is the document as it stands in the index, marshalled once
	// when the document is made, so that writing the index after an edit
	// of one article (in the preview) is a concatenation, not N marshals.
	json []byte
}

func (r *renderer) articleSearchDoc(v *articleView) searchDoc {
	d := searchDoc{URL: v.Path(), Title: v.Title, Meta: v.Publication, Dek: v.Dek}
	if v.DateText != "" {
		d.Meta += " · " + v.DateText
	}
	for _, p := range v.Paragraphs {
		d.Parts = append(d.Parts, []string{p.ID, collapseSpace(p.Text)})
	}
	var err error
	if d.json, err = json.Marshal(d); err != nil {
		panic(err) // strings only: cannot fail
	}
	return d
}

// A searchTimeline indexes a timeline's entries by reference: each entry
// points at the span of article text its quote is (document, paragraph,
// start and length in UTF-16 code units, as JavaScript slices strings),
// and at its row-and-event label. The quote's words and the label find it;
// the index never holds the same words twice, which keeps it under 1.5
// times the articles' text even for a timeline as long as its articles.
type searchTimeline struct {
	URL     string   `json:"u"`
	Title   string   `json:"t"`
	Labels  []string `json:"l"`
	Entries [][]any  `json:"e"` // [id, label, doc, paragraph, start, length]
}

func (r *renderer) timelineSearch(docs []searchDoc) []searchTimeline {
	where := map[string]int{} // article URL → index in docs
	for i, d := range docs {
		where[d.URL] = i
	}
	out := []searchTimeline{}
	for _, t := range r.timelines {
		st := searchTimeline{URL: t.Path(), Title: t.Title, Labels: []string{}, Entries: [][]any{}}
		labels := map[string]int{}
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				for _, e := range c.Entries {
					d, ok := where[e.Source.Path()]
					if !ok {
						continue
					}
					for pi, part := range docs[d].Parts {
						if part[0] != e.Paragraph {
							continue
						}
						q := collapseSpace(e.Quote)
						at := strings.Index(part[1], q)
						if at < 0 {
							break
						}
						l, ok := labels[e.Label()]
						if !ok {
							l = len(st.Labels)
							labels[e.Label()] = l
							st.Labels = append(st.Labels, e.Label())
						}
						st.Entries = append(st.Entries, []any{e.ID, l, d, pi, utf16Len(part[1][:at]), utf16Len(q)})
						break
					}
				}
			}
		}
		out = append(out, st)
	}
	return out
}

// collapseSpace turns every run of white space (the no-break space
// included) into one space and trims the ends. Most paragraphs need no
// change, and are returned as they are without a copy.
func collapseSpace(s string) string {
	prevSpace := true // a leading space is to be trimmed
	for i := 0; i < len(s); {
		var sp bool
		if c := s[i]; c < utf8.RuneSelf {
			sp = asciiSpace[c]
			if sp && (c != ' ' || prevSpace) {
				return joinFields(s)
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return joinFields(s)
			}
			i += n
		}
		prevSpace = sp
	}
	if prevSpace && s != "" {
		return joinFields(s)
	}
	return s
}

// asciiSpace marks the ASCII bytes unicode.IsSpace takes for space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// joinFields is s's words joined by single spaces.
func joinFields(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, w := range strings.Fields(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// SearchShardSize is how many articles one file of the search index
// holds. The index is as large as the articles' text, so it is written in
// shards (search-index-1.js, ...): a preview edit rewrites one shard, not
// the whole index. search.html loads them all, in order, before
// search-index.js, which holds the timeline entries.
const SearchShardSize = 500

// searchShard is the path of the k-th shard (1-based).
func searchShard(k int) string { return fmt.Sprintf("search-index-%d.js", k) }

// searchShards is the number of shards for n articles (at least one).
func searchShards(n int) int { return max(1, (n+SearchShardSize-1)/SearchShardSize) }

const (
	shardHead = "// Part of the search index of this dossier, generated by Dossier.\n(window." + searchGlobal + "_DOCS = window." + searchGlobal + "_DOCS || []).push(["
	shardTail = "]);\n"
)

// searchIndexJS is search-index.js: the timeline entries, which point
// into the documents of the shards by their position in the whole index.
func searchIndexJS(timelines []searchTimeline) ([]byte, error) {
	tl, err := json.Marshal(timelines)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("// The search index of this dossier, generated by Dossier; the documents are in search-index-N.js.\nwindow." + searchGlobal + " = {\"tl\":")
	buf.Write(tl)
	buf.WriteString("};\n")
	return buf.Bytes(), nil
}

// A searchStream writes the index's documents to their shards in site
// order as the workers finish them, holding only the few that arrive
// early, so that a build never holds the whole index. It is the one
// writer of shards: a rebuild feeds one the documents of a shard it
// writes again.
type searchStream struct {
	mu      sync.Mutex
	create  func(name string) (io.WriteCloser, error)
	f       io.WriteCloser
	w       *bufio.Writer
	first   int // the index of the first document, at the start of a shard
	next    int // the index of the next document to write
	wrote   int // documents written to the current shard
	pending map[int][]byte
	err     error
}

// newSearchStream is a stream of the documents from the first (a
// multiple of SearchShardSize) on.
func newSearchStream(create func(string) (io.WriteCloser, error), first int) *searchStream {
	return &searchStream{create: create, first: first, next: first, pending: map[int][]byte{}}
}

// open starts shard k.
func (s *searchStream) open(k int) {
	f, err := s.create(searchShard(k))
	if err != nil {
		s.err = err
		return
	}
	s.f, s.w, s.wrote = f, bufio.NewWriterSize(f, 1<<16), 0
	s.w.WriteString(shardHead)
}

// finish ends the current shard.
func (s *searchStream) finish() {
	if s.w == nil {
		return
	}
	s.w.WriteString(shardTail)
	if err := s.w.Flush(); err != nil && s.err == nil {
		s.err = err
	}
	if err := s.f.Close(); err != nil && s.err == nil {
		s.err = err
	}
	s.f, s.w = nil, nil
}

// put hands over the i-th document (nil for an article that failed).
func (s *searchStream) put(i int, doc []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending[i] = doc
	for s.err == nil {
		d, ok := s.pending[s.next]
		if !ok {
			return
		}
		delete(s.pending, s.next)
		if s.next%SearchShardSize == 0 {
			s.finish()
			s.open(s.next/SearchShardSize + 1)
		}
		s.next++
		if d == nil || s.err != nil {
			continue
		}
		if s.wrote > 0 {
			s.w.WriteByte(',')
		}
		s.w.Write(d)
		s.wrote++
	}
}

// close ends the last shard (or writes the one, empty, shard of a
// dossier without articles).
func (s *searchStream) close() error {
	if s.next == s.first && s.err == nil {
		s.open(s.first/SearchShardSize + 1)
	}
	s.finish()
	return s.err
}

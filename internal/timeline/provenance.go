package timeline

import (
	"fmt"
	"strings"
	"unicode"
)

// provenance finds the entry's quote in one paragraph of its article.
// Only whitespace is normalised (the articles keep non-breaking spaces
// and line breaks from their sources); quote marks, dashes and typos must
// match, since the quote claims to be the article's words.
func (l *loader) provenance(p string, e *Entry) {
	txt := l.articles[e.Article]
	q := normalizeSpace(e.Quote)
	for _, para := range txt.paragraphs() {
		if strings.Contains(normalizeSpace(para.Text), q) {
			if para.ID == "" {
				break // paragraphs without ids cannot be linked to
			}
			e.Paragraph = para.ID
			return
		}
	}
	where := fmt.Sprintf("row %q, event %q, entry %q", e.Row, e.Event, e.ID)
	near, id := nearest(q, txt)
	msg := fmt.Sprintf("quote not found in article %q (%s): only whitespace is normalised, so quote marks, dashes and spelling must be the article's own, within one paragraph", e.Article, txt.Article.File)
	if near != "" {
		msg += fmt.Sprintf("; the nearest passage, in paragraph %s, reads: %s", strings.TrimPrefix(id, "p"), near)
	}
	l.errf(p+".quote", where, "%s", msg)
}

// normalizeSpace collapses every run of Unicode white space (including
// the no-break space) to one space and trims the ends.
func normalizeSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// nearest returns the passage of the article closest to q by edit distance,
// widened to whole words, and the id of its paragraph.
func nearest(q string, txt *Text) (string, string) {
	qr := []rune(q)
	best, bestID, bestD := "", "", -1
	for _, para := range txt.paragraphs() {
		pr := []rune(normalizeSpace(para.Text))
		start, end, d := approxMatch(qr, pr)
		if bestD < 0 || d < bestD {
			for start > 0 && !unicode.IsSpace(pr[start-1]) {
				start--
			}
			for end < len(pr) && !unicode.IsSpace(pr[end]) {
				end++
			}
			best, bestID, bestD = string(pr[start:end]), para.ID, d
		}
	}
	return best, bestID
}

// approxMatch finds the substring of text with the least edit distance to
// pat (Sellers' algorithm: a match may start anywhere for free) and
// returns its bounds and distance.
func approxMatch(pat, text []rune) (start, end, dist int) {
	m := len(pat)
	// col[i] is the distance of pat[:i] to the best substring ending at
	// the current text position; from[i] is where that substring starts.
	col := make([]int, m+1)
	from := make([]int, m+1)
	for i := range col {
		col[i] = i
	}
	dist = col[m]
	for j := 1; j <= len(text); j++ {
		diag, diagFrom := col[0], j-1
		col[0], from[0] = 0, j
		for i := 1; i <= m; i++ {
			up, upFrom := col[i], from[i]
			cost := 1
			if pat[i-1] == text[j-1] {
				cost = 0
			}
			v, f := diag+cost, diagFrom
			if up+1 < v {
				v, f = up+1, upFrom
			}
			if col[i-1]+1 < v {
				v, f = col[i-1]+1, from[i-1]
			}
			diag, diagFrom = up, upFrom
			col[i], from[i] = v, f
		}
		if col[m] < dist {
			dist, start, end = col[m], from[m], j
		}
	}
	return start, end, dist
}

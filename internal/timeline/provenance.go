package timeline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinQuoteWords is the fewest words a timeline quote may have. A word or
// two ("a", "said") is found in almost any article, so it proves nothing
// about where the entry comes from; three words make a phrase.
const MinQuoteWords = 3

// MinQuoteChars is the fewest characters a quote may have in the scripts
// written without spaces between words (Chinese, Japanese, Thai, Lao,
// Khmer), where words cannot be counted without a dictionary: six
// characters are about three words. In a quote that mixes scripts, each
// word counts for a third of the minimum and each such character for a
// sixth, so "G7 首相会談" (1 word, 4 characters) is long enough.
const MinQuoteChars = 6

// unspaced holds the scripts written without spaces between words: every
// boundary between two of their characters may be a word boundary.
// Hangul is written with spaces, so it counts by words like Latin.
var unspaced = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer}

// isUnspaced reports whether r belongs to a script written without
// spaces, counting the marks that Japanese shares between its kana (the
// prolonged sound mark "ー", full and half width).
func isUnspaced(r rune) bool {
	if r < 0x0E00 {
		return false // fast path: Latin, Greek, Cyrillic, Hebrew, Arabic, ...
	}
	return r == '\u30FC' || r == '\uFF70' || unicode.In(r, unspaced...)
}

// provenance finds the entry's quote in one paragraph of its article.
// Only whitespace is normalised (the articles keep non-breaking spaces
// and line breaks from their sources); quote marks, dashes and typos must
// match, since the quote claims to be the article's words. The quote must
// be whole words: it may not start or end inside one of the article's
// words ("eeting on Fri" is not a quote of "meeting on Friday"). In the
// scripts written without spaces every character boundary counts as a
// word boundary, so a quote may begin or end mid-sentence there.
func (l *loader) provenance(p string, e *Entry) {
	where := fmt.Sprintf("row %q, event %q, entry %q", e.Row, e.Event, e.ID)
	q := normalizeSpace(e.Quote)
	if n, chars := countWords(q); n*MinQuoteChars+chars*MinQuoteWords < MinQuoteWords*MinQuoteChars {
		switch {
		case chars == 0:
			l.errf(p+".quote", where, "quote %q has %d word(s), too few to show where the entry comes from: quote at least %d words of the article, a whole phrase", q, n, MinQuoteWords)
		default:
			has := fmt.Sprintf("%d character(s) of a script written without spaces", chars)
			if n > 0 {
				has += fmt.Sprintf(" and %d word(s)", n)
			}
			l.errf(p+".quote", where, "quote %q has %s, too few to show where the entry comes from: quote at least %d characters of the article in Chinese, Japanese or Thai (or %d words in scripts written with spaces), a whole phrase", q, has, MinQuoteChars, MinQuoteWords)
		}
		return
	}
	txt := l.articles[e.Article]
	midWord := ""
	for _, para := range txt.paragraphs() {
		pt := normalizeSpace(para.Text)
		i, inWord := wholeWords(pt, q)
		if i < 0 {
			if inWord != "" && midWord == "" {
				midWord = fmt.Sprintf("paragraph %s has it only inside a word, in %q", strings.TrimPrefix(para.ID, "p"), inWord)
			}
			continue
		}
		if para.ID == "" {
			break // paragraphs without ids cannot be linked to
		}
		e.Paragraph = para.ID
		return
	}
	if midWord != "" {
		l.errf(p+".quote", where, "quote %q starts or ends inside a word of article %q (%s): %s; quote whole words, as the article writes them", q, e.Article, txt.Article.File, midWord)
		return
	}
	near, id := nearest(q, txt)
	msg := fmt.Sprintf("quote not found in article %q (%s): only whitespace is normalised, so quote marks, dashes and spelling must be the article's own, within one paragraph", e.Article, txt.Article.File)
	if near != "" {
		msg += fmt.Sprintf("; the nearest passage, in paragraph %s, reads: %s", strings.TrimPrefix(id, "p"), near)
	}
	l.errf(p+".quote", where, "%s", msg)
}

// isWordRune reports whether r is part of a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// countWords counts the words of s: its space-separated fields that hold
// a letter or a digit (a dash or a quote mark alone is no word). Letters
// and digits of the scripts written without spaces are counted apart, as
// chars, and split a field: "G7首相" is one word and two characters.
func countWords(s string) (words, chars int) {
	for _, f := range strings.Fields(s) {
		inWord, inUnspaced := false, false
		for _, r := range f {
			switch {
			case unicode.IsMark(r) && inUnspaced:
				// a mark belongs to the character before it
			case isUnspaced(r):
				inWord, inUnspaced = false, true
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					chars++
				}
			case isWordRune(r):
				if !inWord {
					words++
				}
				inWord, inUnspaced = true, false
			default:
				inUnspaced = false
			}
		}
	}
	return words, chars
}

// joined reports whether the boundary between a and b lies inside a
// word: both are word runes, and neither is of a script written without
// spaces, or b is a mark, which belongs to the character before it.
func joined(a, b rune) bool {
	if !isWordRune(a) || !isWordRune(b) {
		return false
	}
	if unicode.IsMark(b) {
		return true
	}
	return !isUnspaced(a) && !isUnspaced(b)
}

// unspacedBreak reports whether a and b meet at a word boundary of a
// script written without spaces: widening a passage to whole words stops
// there as it does at white space (else a whole paragraph of Japanese
// would be one word).
func unspacedBreak(a, b rune) bool {
	return (isUnspaced(a) || isUnspaced(b)) && !joined(a, b)
}

// wholeWords returns the offset in text of the first occurrence of q that
// neither starts nor ends inside a word of text, or -1. When q occurs only
// inside words, inWord is the first such occurrence widened to the words
// around it, for the error message.
func wholeWords(text, q string) (at int, inWord string) {
	if q == "" {
		return -1, ""
	}
	for from := 0; ; {
		i := strings.Index(text[from:], q)
		if i < 0 {
			return -1, inWord
		}
		i += from
		j := i + len(q)
		first, _ := utf8.DecodeRuneInString(q)
		last, _ := utf8.DecodeLastRuneInString(q)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[j:])
		cutStart := i > 0 && joined(before, first)
		cutEnd := j < len(text) && joined(last, after)
		if !cutStart && !cutEnd {
			return i, ""
		}
		if inWord == "" {
			s, e := i, j
			for s > 0 {
				r, n := utf8.DecodeLastRuneInString(text[:s])
				next, _ := utf8.DecodeRuneInString(text[s:])
				if unicode.IsSpace(r) || unspacedBreak(r, next) {
					break
				}
				s -= n
			}
			for e < len(text) {
				r, n := utf8.DecodeRuneInString(text[e:])
				prev, _ := utf8.DecodeLastRuneInString(text[:e])
				if unicode.IsSpace(r) || unspacedBreak(prev, r) {
					break
				}
				e += n
			}
			inWord = text[s:e]
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		from = i + n
	}
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
			for start > 0 && !unicode.IsSpace(pr[start-1]) && (start == len(pr) || !unspacedBreak(pr[start-1], pr[start])) {
				start--
			}
			for end < len(pr) && !unicode.IsSpace(pr[end]) && (end == 0 || !unspacedBreak(pr[end-1], pr[end])) {
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

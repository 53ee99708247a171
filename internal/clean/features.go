package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// features are the measurements of one block that the classifier reasons
// with, after jusText and boilerpipe: length, stopword density, sentence
// punctuation and letter case.
type features struct {
	words     int     // word tokens
	stop      float64 // share of words that are English stopwords
	sentence  bool    // ends like a sentence (. ! ? : or a closing quote)
	sentences int     // sentence-final punctuation marks followed by a space or the end
	allCaps   bool    // letters are all upper case (section labels, buttons)
	titleLike bool    // 3 to 30 words, at most two sentences: could be a headline
	plain     string  // the text with Markdown markers dropped, for matching
}

// measure computes the features of a block's text.
func measure(text string) features {
	plain := stripMarkdown(text)
	var f features
	f.plain = plain
	ws := wordsOf(plain)
	f.words = len(ws)
	if f.words > 0 {
		n := 0
		for _, w := range ws {
			if stopwords[strings.ToLower(w)] {
				n++
			}
		}
		f.stop = float64(n) / float64(f.words)
	}
	trimmed := strings.TrimRightFunc(plain, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '_' })
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	switch last {
	case '.', '!', '?', ':', ';', '”', '"', '’', ')', '…', '。', '！', '？':
		f.sentence = true
	}
	for i, r := range plain {
		if r == '.' || r == '!' || r == '?' {
			rest := plain[i+1:]
			if rest == "" || strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "”") || strings.HasPrefix(rest, "\"") {
				f.sentences++
			}
		}
	}
	letters, upper := 0, 0
	for _, r := range plain {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	f.allCaps = letters >= 4 && upper == letters
	f.titleLike = f.words >= 3 && f.words <= 30 && (!strings.HasSuffix(trimmed, ".") || f.sentences <= 2)
	return f
}

// wordsOf splits text into word tokens: runs of letters and digits, with
// inner apostrophes and hyphens.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
	})
}

// stripMarkdown removes the Markdown markers that html-to-markdown adds, so
// that the features of an extracted block match those of copied text.
func stripMarkdown(s string) string {
	s = strings.TrimLeft(s, "#>*-+ \t")
	r := strings.NewReplacer("**", "", "__", "", "\\", "", "`", "")
	return r.Replace(s)
}

// readsAsProse is the classifier's guard: a block that reads as article
// prose is never removed except as an exact duplicate or for appeal or bio
// wording. It is deliberately generous, so that when unsure the block stays.
func readsAsProse(f features) bool {
	return f.words >= 10 && f.stop >= 0.15 && (f.sentence || f.words >= 30) ||
		f.words >= 40
}

// isGood is a block that anchors the article region: clear prose.
func isGood(f features, stopMin float64) bool {
	return f.words >= 12 && f.stop >= stopMin && (f.sentence || f.words >= 25) && !f.allCaps
}

// isNear is a block that may be article text depending on its neighbours:
// a short sentence, a list item, a subheading with function words.
func isNear(f features) bool {
	return f.words >= 5 && (f.sentence || f.stop >= 0.2)
}

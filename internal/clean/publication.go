package clean

import (
	"sort"
	"strings"
	"unicode"
)

// publication guesses the publication's name from the furniture that was
// removed: sign-up prompts, appeals and bios name the site ("Sign up for The
// Week's Free Newsletters", "Help Mother Jones' reporters"). The most
// frequent capitalised phrase there, seen at least twice, wins; on a tie the
// longer phrase wins. It returns "" when nothing recurs.
func (c *classifier) publication() string {
	counts := map[string]int{}
	for _, b := range c.blocks {
		switch b.Reason {
		case ReasonNewsletter, ReasonDonation, ReasonPromo, ReasonLegal, ReasonRepeated, ReasonBio, ReasonSocial:
		default:
			continue
		}
		for _, run := range capitalRuns(b.Text) {
			for i := range run {
				for j := i + 1; j <= len(run) && j-i <= 4; j++ {
					p := run[i:j]
					if j-i == 1 && (stopwords[strings.ToLower(p[0])] || isCueWord(p[0])) {
						continue
					}
					if stopwords[strings.ToLower(p[len(p)-1])] {
						continue
					}
					counts[strings.Join(p, " ")]++
				}
			}
		}
	}
	type cand struct {
		s string
		n int
	}
	var cs []cand
	for s, n := range counts {
		if n >= 2 {
			cs = append(cs, cand{s, n})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].n != cs[j].n {
			return cs[i].n > cs[j].n
		}
		if len(cs[i].s) != len(cs[j].s) {
			return len(cs[i].s) > len(cs[j].s)
		}
		return cs[i].s < cs[j].s
	})
	if len(cs) == 0 {
		return ""
	}
	return cs[0].s
}

func isCueWord(w string) bool {
	return newsletterCues.MatchString(w) || donationCues.MatchString(w) || promoCues.MatchString(w) ||
		socialCues.MatchString(w) || navCues.MatchString(w) || legalCues.MatchString(w)
}

// capitalRuns returns the runs of consecutive capitalised words of s, a run
// ending at punctuation or a possessive. The first word of a sentence
// starts no run unless the next word is capitalised too ("The Week").
func capitalRuns(s string) [][]string {
	var runs [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	sentenceStart := true
	for _, tok := range strings.Fields(s) {
		word := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		possessive := false
		for _, suf := range []string{"’s", "'s", "’", "'"} {
			if strings.HasSuffix(word, suf) {
				word, possessive = strings.TrimSuffix(word, suf), true
				break
			}
		}
		if strings.ContainsAny(word, "—–/") {
			word = strings.FieldsFunc(word, func(r rune) bool { return r == '—' || r == '–' || r == '/' })[0]
			possessive = true
		}
		r := []rune(word)
		capital := len(r) > 0 && unicode.IsUpper(r[0]) && !(len(r) > 1 && unicode.IsUpper(r[1]) && len(r) > 3)
		if capital && !(sentenceStart && len(cur) == 0 && stopwords[strings.ToLower(word)] && word != "The") {
			cur = append(cur, word)
		} else {
			flush()
		}
		last := tok[len(tok)-1]
		sentenceStart = last == '.' || last == ':' || last == '!' || last == '?'
		if possessive || strings.ContainsAny(tok[len(tok)-1:], ".,;:!?)”\"") {
			flush()
		}
	}
	flush()
	return runs
}

package clean

import "strings"

// When go-trafilatura finds no container for the article, it collects the
// page's loose paragraphs instead (its "wild text" recovery: <p>, quotes,
// code and tables only), and the headings and list items between them are
// lost. Its body then holds no heading and no list. In that case the blocks
// of the page's visible text, cleaned as copied text, that lie between two
// blocks the extractor kept are put back in their place: a heading, a list
// item, a paragraph in a <div>.

const (
	// anchorWords is how long a block of the visible text must be for
	// its place in the extracted body to be trusted.
	anchorWords = 5
	// gapWords is how long a missing block must be to be put back: menu
	// labels and buttons between the paragraphs are shorter.
	gapWords = 5
	// maxGap is the most blocks one gap may hold: a longer run between
	// two kept paragraphs is a box of its own (related links, a form).
	maxGap = 9
)

// flat reports whether a body holds no heading and no list, as the
// extractor's paragraph recovery gives.
func flat(body []string) bool {
	for _, b := range body {
		if strings.HasPrefix(b, "#") || blockStart.MatchString(b) && !strings.HasPrefix(b, ">") {
			return false
		}
	}
	return true
}

// fillGaps returns body with the blocks of visible (the same page cleaned as
// copied text) that are missing from it between two blocks it has, each put
// before the body block that holds the visible block after the gap, and the
// blocks added.
func fillGaps(body, visible []string) ([]string, []string) {
	seqs := make([]string, len(body))
	for j, b := range body {
		seqs[j] = renderedWords(b)
	}
	all := strings.Join(seqs, "")
	// at[i] is the body block that holds visible block i, or one of
	// inBody (its words are in the body, its place uncertain) and missing.
	const inBody, missing = -2, -1
	at := make([]int, len(visible))
	next := 0
	for i, v := range visible {
		s := renderedWords(v)
		at[i] = missing
		if strings.TrimSpace(s) == "" || strings.Contains(all, s) {
			at[i] = inBody
		}
		if at[i] == missing || len(wordsOf(v)) < anchorWords {
			continue
		}
		for j := next; j < len(seqs); j++ {
			if strings.Contains(seqs[j], s) {
				at[i], next = j, j
				break
			}
		}
	}
	before := map[int][]string{}
	var added []string
	prev := -1 // the body block of the last anchor
	for i := 0; i < len(visible); {
		if at[i] >= 0 {
			prev = at[i]
		}
		if at[i] != missing {
			i++
			continue
		}
		k := i
		for k < len(visible) && at[k] < 0 {
			k++
		}
		// visible[i:k] runs up to the next anchor, if there is one.
		n := 0
		for t := i; t < k; t++ {
			if at[t] == missing {
				n++
			}
		}
		if k < len(visible) && prev >= 0 && prev < at[k] && n <= maxGap {
			for t := i; t < k; t++ {
				if at[t] == missing && len(wordsOf(visible[t])) >= gapWords {
					before[at[k]] = append(before[at[k]], visible[t])
					added = append(added, visible[t])
				}
			}
		}
		i = k
	}
	if len(added) == 0 {
		return body, nil
	}
	out := make([]string, 0, len(body)+len(added))
	for j, b := range body {
		out = append(out, before[j]...)
		out = append(out, b)
	}
	return out, added
}

// renderedWords is a block as a reader sees it, as its word tokens.
func renderedWords(block string) string {
	return wordSeq((&Article{Body: []string{block}}).PlainText())
}

package clean

import (
	"strings"
)

// The classifier runs in two modes. For copied text it does the whole job:
// it removes furniture by wording, finds the article region (the run of
// clear prose blocks, jusText's "good" blocks, with the most words), and
// decides the short blocks inside that region by their neighbours. For text that an
// HTML extractor already chose, it only removes what extractors leave
// behind: duplicates, appeals, bios and headline lists.

type mode int

const (
	modeText      mode = iota // copied page text: find the article
	modeExtracted             // extractor output: only remove leftovers
)

type classifier struct {
	mode   mode
	blocks []Block
	f      []features
	dupOf  []int // index of the earlier block with the same text, or -1
}

func newClassifier(blocks []Block, m mode) *classifier {
	c := &classifier{mode: m, blocks: blocks, f: make([]features, len(blocks))}
	for i, b := range blocks {
		c.f[i] = measure(b.Text)
	}
	return c
}

// settled reports whether block i already has a role other than body.
func (c *classifier) settled(i int) bool { return c.blocks[i].Role != RoleBody }

func (c *classifier) remove(i int, r Reason) {
	c.blocks[i].Role = RoleRemoved
	c.blocks[i].Reason = r
}

// findDuplicates records, for each block, the earlier block with the same
// text. A run of three or more blocks that repeats as a whole and carries an
// appeal is a promo box the page shows twice; articles do not repeat their
// own paragraphs, so both copies go at once.
func (c *classifier) findDuplicates() {
	first := map[string]int{}
	c.dupOf = make([]int, len(c.blocks))
	for i, b := range c.blocks {
		c.dupOf[i] = -1
		key := strings.TrimSpace(b.Text)
		if j, ok := first[key]; ok {
			c.dupOf[i] = j
			continue
		}
		first[key] = i
	}
	for i := 0; i < len(c.blocks); {
		if c.dupOf[i] < 0 {
			i++
			continue
		}
		k := 1
		for i+k < len(c.blocks) && c.dupOf[i+k] == c.dupOf[i]+k {
			k++
		}
		if k >= 3 {
			src := c.dupOf[i]
			// The run must ask for something more than once, so that
			// an article the page carries twice is not taken for a box.
			appeals := 0
			for t := src; t < src+k; t++ {
				if appealCues.MatchString(c.f[t].plain) {
					appeals++
				}
			}
			if appeals >= 2 && appeals*8 >= k {
				for t := src; t < src+k; t++ {
					c.remove(t, ReasonRepeated)
					c.blocks[i+t-src].Role = RoleRemoved
					c.blocks[i+t-src].Reason = ReasonDuplicate
					c.blocks[i+t-src].Of = c.blocks[t].N
				}
			}
		}
		i += k
	}
}

// markDuplicates removes a block that repeats one kept earlier. It runs
// last, so that a repeat is judged on its own when the first copy went for
// another reason (a paragraph quoted in a teaser before the article).
func (c *classifier) markDuplicates() {
	for i, j := range c.dupOf {
		if j < 0 || c.settled(i) {
			continue
		}
		for ; j >= 0; j = c.dupOf[j] {
			if c.blocks[j].Role != RoleRemoved {
				c.remove(i, ReasonDuplicate)
				c.blocks[i].Of = c.blocks[j].N
				break
			}
		}
	}
}

// strongReason is the reason for a block with appeal or legal wording.
func strongReason(s string) (Reason, bool) {
	switch {
	case donationCues.MatchString(s):
		return ReasonDonation, true
	case newsletterCues.MatchString(s):
		return ReasonNewsletter, true
	case legalCues.MatchString(s):
		return ReasonLegal, true
	case promoCues.MatchString(s):
		return ReasonPromo, true
	}
	return "", false
}

// markByWording removes blocks whose wording says they are furniture. Prose
// only goes for an appeal addressed to the reader, a copyright line, or an
// author bio; the weaker cues (share, menu, related, dates) only remove
// short blocks that do not read as sentences.
func (c *classifier) markByWording() {
	for i := range c.blocks {
		if c.settled(i) {
			continue
		}
		f := c.f[i]
		s := f.plain
		prose := readsAsProse(f)
		if c.mode == modeExtracted && strings.Contains(c.blocks[i].Text, "\n") {
			// A list or table the extractor kept is judged item by item
			// only by a person; one cue word must not drop it whole. Only
			// a block of nothing but furniture lines goes (a post's
			// previous/next links, its author, date and reading time).
			if furnitureBlock(c.blocks[i].Text) {
				c.remove(i, ReasonNavigation)
			}
			continue
		}
		if f.words <= 150 && (isBio(s) || c.afterBioHeading(i)) {
			c.remove(i, ReasonBio)
			continue
		}
		if bioHeading.MatchString(strings.TrimSpace(s)) {
			c.remove(i, ReasonBio)
			continue
		}
		if f.words <= 20 && len(s) <= 200 && postedLine.MatchString(strings.TrimSpace(s)) {
			// A post's date line reads as a sentence but is furniture.
			c.remove(i, ReasonMeta)
			continue
		}
		if f.words <= 12 && len(s) <= 200 && ctaLine.MatchString(strings.TrimSpace(s)) {
			// A button's wording is an appeal even when it reads as a
			// sentence ("Join us for free to get updates.").
			c.remove(i, ReasonPromo)
			continue
		}
		// Prose goes only for an appeal or a copyright line, so for prose
		// those cheaper tests come first and the four cue sets of
		// strongReason are tried only when they could remove it.
		if !prose || f.words <= 60 && addressesReader(s) && appealCues.MatchString(s) ||
			f.words <= 80 && (strings.Contains(s, "©") || strings.Contains(strings.ToLower(s), "all rights reserved")) {
			if r, ok := strongReason(s); ok {
				c.remove(i, r)
				continue
			}
		}
		if prose || isCredit(f) || (caption(s) != nil && f.words >= 5) {
			continue
		}
		switch {
		case f.words == 0 || separatorLine.MatchString(s):
			c.remove(i, ReasonNavigation)
		case f.words <= 12 && len(s) <= 200 && furnitureLine.MatchString(strings.TrimSpace(s)):
			c.remove(i, furnitureReason(s))
		case isDate(s):
			c.remove(i, ReasonMeta)
		case isBreadcrumb(s):
			c.remove(i, ReasonNavigation)
		case f.words <= 6 && !f.sentence:
			switch {
			case socialCues.MatchString(s):
				c.remove(i, ReasonSocial)
			case relatedCues.MatchString(s):
				c.remove(i, ReasonRelated)
			case navCues.MatchString(s):
				c.remove(i, ReasonNavigation)
			case metaCues.MatchString(s):
				c.remove(i, ReasonMeta)
			}
		}
	}
}

// furnitureBlock reports whether a block of several lines holds nothing
// but page furniture: every line a furnitureLine, or short lines (a
// post's author, date) with a reading time among them.
func furnitureBlock(text string) bool {
	lines := strings.Split(text, "\n")
	allFurniture, reading, short := true, false, true
	for _, l := range lines {
		l = strings.TrimSpace(strings.TrimSuffix(stripMarkdown(strings.TrimSpace(l)), "\\"))
		l = strings.TrimSpace(strings.NewReplacer("**", "", "__", "").Replace(l))
		n := len(wordsOf(l))
		if n > 12 || len(l) > 200 {
			return false
		}
		allFurniture = allFurniture && furnitureLine.MatchString(l)
		reading = reading || readingTime.MatchString(l)
		short = short && n <= 4
	}
	return allFurniture || reading && short
}

// furnitureReason is the reason for a furnitureLine.
func furnitureReason(s string) Reason {
	if socialCues.MatchString(s) || strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "pin") {
		return ReasonSocial
	}
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "listen") || strings.Contains(strings.ToLower(s), "audio") {
		return ReasonMeta
	}
	return ReasonNavigation
}

// markEndBio removes an author bio among the last three blocks of the
// body (see endBio).
func (c *classifier) markEndBio() {
	seen := 0
	for i := len(c.blocks) - 1; i >= 0 && seen < 3; i-- {
		if c.settled(i) {
			continue
		}
		seen++
		if c.f[i].words <= 80 && endBio.MatchString(strings.TrimSpace(c.f[i].plain)) {
			c.remove(i, ReasonBio)
		}
	}
}

// afterBioHeading reports whether block i is the first block of some length
// after an "About the author" heading.
func (c *classifier) afterBioHeading(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if bioHeading.MatchString(strings.TrimSpace(c.f[j].plain)) {
			return true
		}
		if c.f[j].words > 6 {
			return false
		}
	}
	return false
}

func isCredit(f features) bool {
	return f.words <= 30 && len(f.plain) <= 300 && creditLine.MatchString(f.plain)
}

// isBreadcrumb is a short line of items joined by separators: "Home > Blog".
func isBreadcrumb(s string) bool {
	n := 0
	for _, sep := range []string{" > ", " » ", " / ", " • ", " · ", "|"} {
		n += strings.Count(s, sep)
	}
	return n >= 2 && len(wordsOf(s)) <= 3*(n+1)+3
}

// markHeadlineLists removes lists of related headlines: runs where
// separator-only lines ("-", "•") come every few blocks, as a copied list of
// teaser cards reads, and the short items under a "Related" or "Latest"
// heading. Long prose inside such a list is kept.
func (c *classifier) markHeadlineLists() {
	var seps []int
	for i, b := range c.blocks {
		if separatorLine.MatchString(b.Text) {
			seps = append(seps, i)
		}
	}
	for a := 0; a < len(seps); {
		b := a
		for b+1 < len(seps) && seps[b+1]-seps[b] <= 4 {
			b++
		}
		if b-a+1 >= 3 {
			gap := (seps[b] - seps[a]) / (b - a)
			end := min(seps[b]+gap, len(c.blocks)-1)
			for i := seps[a]; i <= end; i++ {
				// Teasers end without a full stop or with a question; a
				// paragraph that ends with one is prose and stays.
				if readsAsProse(c.f[i]) && endsWithFullStop(c.f[i].plain) {
					continue
				}
				if c.f[i].words < 40 && (c.blocks[i].Role == RoleBody || c.blocks[i].Reason == ReasonNavigation) {
					c.remove(i, ReasonRelated)
				}
			}
		}
		a = b + 1
	}
	// scanned is where the last heading's run ended: a later heading
	// inside that run would find the same blocks, so the scan resumes
	// there, which keeps this linear.
	scanned := 0
	for i := range c.blocks {
		if c.blocks[i].Reason != ReasonRelated || c.f[i].words > 6 {
			continue
		}
		j := max(i+1, scanned)
		for ; j < len(c.blocks); j++ {
			if c.settled(j) {
				continue
			}
			if readsAsProse(c.f[j]) || isNear(c.f[j]) && c.f[j].sentence {
				break
			}
			c.remove(j, ReasonRelated)
		}
		scanned = j
	}
}

// markComments removes a comment section: everything from a comments
// heading ("12 Comments", "Leave a Reply") to the end, once at least 150
// words of prose precede it, so that a comment count by the byline cannot
// cut the article. Readers' comments read as prose but are not the article.
func (c *classifier) markComments() {
	words := 0
	for i := range c.blocks {
		if !c.settled(i) && isGood(c.f[i], 0) {
			words += c.f[i].words
		}
		// A heading that names the post ("3 thoughts on “…”") is as long
		// as the post's title.
		// So is a notice that the comments below are the readers' own.
		long := c.f[i].words <= 40 && (commentsOnTitle.MatchString(strings.TrimSpace(c.f[i].plain)) || commentsNotice.MatchString(strings.TrimSpace(c.f[i].plain)))
		if words < 150 || c.f[i].words > 10 && !long || !commentsHeading.MatchString(strings.TrimSpace(c.f[i].plain)) {
			continue
		}
		for j := i; j < len(c.blocks); j++ {
			if c.blocks[j].Role == RoleBody {
				c.remove(j, ReasonComments)
			}
		}
		return
	}
}

// region returns the ends of the article: the run of clear prose blocks
// (jusText's "good" blocks) with the most words, where a run breaks at
// strong furniture (an appeal, a headline list, a bio) or a long stretch of
// short blocks. Footer prose elsewhere stays, under the prose guard, but the
// labels around it go. When no block passes with English stopwords the
// threshold drops, so that a page in another language still has an article.
func (c *classifier) region() (first, last int, ok bool) {
	for _, stopMin := range []float64{0.25, 0} {
		var goods []int
		for i := range c.blocks {
			if !c.settled(i) && isGood(c.f[i], stopMin) {
				goods = append(goods, i)
			}
		}
		if len(goods) == 0 {
			continue
		}
		bestWords, start := -1, 0
		for k := range goods {
			end := k == len(goods)-1 || c.breaks(goods[k], goods[k+1])
			if !end {
				continue
			}
			words := 0
			for _, g := range goods[start : k+1] {
				words += c.f[g].words
			}
			if words > bestWords {
				bestWords, first, last = words, goods[start], goods[k]
			}
			start = k + 1
		}
		return first, last, true
	}
	return -1, -1, false
}

// breaks reports whether the blocks between two good blocks a < b separate
// two runs of text rather than sit inside one article.
func (c *classifier) breaks(a, b int) bool {
	strong, other := 0, 0
	for i := a + 1; i < b; i++ {
		switch {
		case c.blocks[i].Role == RoleRemoved && !weakReason(c.blocks[i].Reason):
			strong++
		case isNear(c.f[i]):
		default:
			other++
		}
	}
	return strong >= 2 && other >= 2 || other > 30
}

// markByContext removes what lies outside the article region, and inside it
// decides short and middling blocks by their nearest clear neighbours, as
// jusText does: a subheading or list between two paragraphs stays; a label
// next to furniture goes.
func (c *classifier) markByContext(first, last int) {
	good := make([]bool, len(c.blocks))
	for i := range c.blocks {
		good[i] = !c.settled(i) && isGood(c.f[i], 0)
	}
	drop := make([]Reason, len(c.blocks))
	prevs, nexts := c.neighbours(good)
	boundary := false
	for i := range c.blocks {
		if i > last && c.blocks[i].Role == RoleRemoved && c.endsArticle(i) {
			boundary = true
		}
		if c.settled(i) {
			continue
		}
		prev, next := prevs[i], nexts[i]
		if i < first || i > last {
			switch {
			case readsAsProse(c.f[i]) && i+1 < len(c.blocks) && readMore.MatchString(strings.TrimSpace(c.f[i+1].plain)):
				// Outside the article, prose over a "Read more" link is
				// the excerpt of another post (inside it, a listicle's
				// items look the same and stay).
				drop[i] = ReasonRelated
			case boundary && readsAsProse(c.f[i]) && !(prev && next):
				// Past the article's end (see endsArticle), prose is the
				// site's: teasers of other posts, comments, a footer.
				drop[i] = ReasonOutside
			case !readsAsProse(c.f[i]) && !(prev && next && c.f[i].words >= 6):
				// Outside the main run, a line of some length between two
				// clear paragraphs (a list item, a table row) is theirs;
				// shorter labels there are mostly menus.
				drop[i] = ReasonOutside
			case c.isSlogan(i, prev, next):
				drop[i] = ReasonPromo
			}
			continue
		}
		if good[i] {
			// A short slogan between two pieces of furniture that speaks
			// to the reader is the site's own promo, not the article.
			if c.isSlogan(i, prev, next) {
				drop[i] = ReasonPromo
			}
			continue
		}
		keep := prev && next
		if isNear(c.f[i]) || readsAsProse(c.f[i]) {
			keep = prev || next
		}
		if !keep {
			drop[i] = ReasonContext
		}
	}
	for i, r := range drop {
		if r != "" {
			c.remove(i, r)
		}
	}
}

// endsArticle reports whether removed block i ends an article: what follows
// it, outside the article's run, is the site's. A comments section, an
// author bio, a donation appeal, a repeated promo box, or a "Related" /
// "More stories" heading (not an item of a list, which articles have too).
func (c *classifier) endsArticle(i int) bool {
	switch c.blocks[i].Reason {
	case ReasonComments, ReasonBio, ReasonDonation, ReasonRepeated:
		return true
	case ReasonRelated:
		return c.f[i].words <= 8 && relatedHeading.MatchString(strings.TrimSpace(c.f[i].plain))
	}
	return false
}

// isSlogan is a short line between two pieces of furniture that speaks to
// the reader ("Escape your echo chamber.", "Save big on a full year…"): the
// site's own promo, not the article, which narrates.
func (c *classifier) isSlogan(i int, prev, next bool) bool {
	return !prev && !next && c.f[i].words < 25 && addressesReader(c.f[i].plain)
}

// markSiteName removes a line that is only the publication's name: a logo
// or a box label, never article text.
func (c *classifier) markSiteName(pub string) {
	if pub == "" {
		return
	}
	for i := range c.blocks {
		if !c.settled(i) && strings.EqualFold(strings.TrimSpace(c.blocks[i].Text), pub) {
			c.remove(i, ReasonSiteName)
		}
	}
}

// neighbours reports, for each block, whether the nearest block before it
// (prev) and after it (next) that is either good or settled as strong
// furniture (skipping undecided short and middling blocks and weak
// removals) is good. One sweep each way keeps this linear on a page of
// many short blocks.
func (c *classifier) neighbours(good []bool) (prev, next []bool) {
	n := len(c.blocks)
	prev, next = make([]bool, n), make([]bool, n)
	sweep := func(out []bool, start, end, dir int) {
		state := false
		for i := start; i != end; i += dir {
			out[i] = state
			switch {
			case good[i]:
				state = true
			case c.blocks[i].Role == RoleRemoved && !weakReason(c.blocks[i].Reason):
				state = false
			}
		}
	}
	sweep(prev, 0, n, 1)
	sweep(next, n-1, -1, -1)
	return prev, next
}

// weakReason is a removal that says little about the blocks around it: a
// stray label, date or button inside an article.
func weakReason(r Reason) bool {
	switch r {
	case ReasonNavigation, ReasonMeta, ReasonSocial, ReasonDuplicate:
		return true
	}
	return false
}

// endsWithFullStop reports whether s ends with a full stop, perhaps inside a
// closing quote.
func endsWithFullStop(s string) bool {
	s = strings.TrimRight(s, " ”\"’')")
	return strings.HasSuffix(s, ".")
}

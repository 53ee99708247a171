package clean

import (
	"errors"
	"regexp"
	"strings"
)

// Errors for input that holds no article. RunImport names the file.
var (
	ErrEmpty     = errors.New("the file is empty: paste the article's text into it, or save the page again")
	ErrBinary    = errors.New("the file is binary, not text or HTML: give the copied text (.txt) or the saved page (.html)")
	ErrNotUTF8   = errors.New("the text is not UTF-8: convert it to UTF-8 first")
	ErrNoArticle = errors.New("no article text found: no block reads as prose; is this the article's page, copied whole?")
)

// Text cleans plain text as copied from a browser: one block per non-blank
// line. It returns the article with the fields the text states, and a report
// of every block.
func Text(raw []byte) (*Article, *Report, error) {
	return cleanText(raw, nil)
}

// cleanText is Text; links, for a saved page's visible text, are the
// page's texts shown only as links or labels (linkTexts), whose runs go
// first.
func cleanText(raw []byte, links map[string]bool) (*Article, *Report, error) {
	if err := checkText(raw); err != nil {
		return nil, nil, err
	}
	blocks := splitLines(string(raw))
	rep := &Report{Kind: "text", Blocks: blocks}
	c := newClassifier(blocks, modeText)
	c.findDuplicates()
	if links != nil {
		c.markLinkDense(links)
	}
	c.markByWording()
	c.markHeadlineLists()
	c.markComments()
	a := &Article{Authors: []string{}}
	c.markLeadTitle(a)
	first, last, ok := c.region()
	if !ok {
		return nil, rep, ErrNoArticle
	}
	c.markMetadata(a, first, last)
	a.Publication = c.publication()
	c.markSiteName(a.Publication)
	c.markByContext(first, last)
	c.markDuplicates()
	c.markEndBio()
	c.stripSignoff(a, rep)
	for _, b := range c.blocks {
		if b.Role == RoleBody {
			a.Body = append(a.Body, escapeMarkdown(b.Text))
		}
	}
	if len(a.Body) == 0 {
		return nil, rep, ErrNoArticle
	}
	return a, rep, nil
}

// splitLines makes one block per non-blank line. Browsers copy a paragraph
// as one line; blank lines between paragraphs are optional (The Week's copy
// has none). Trailing ASCII spaces go; a line of only spaces or no-break
// spaces is blank. Leading spaces go too, since Markdown would read an
// indented line as code.
func splitLines(s string) []Block {
	s = strings.TrimPrefix(s, "\uFEFF")
	var out []Block
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimFunc(line, isBlankRune) == "" {
			continue
		}
		line = strings.TrimLeft(line, " \t")
		out = append(out, Block{N: len(out) + 1, Line: n + 1, Text: line})
	}
	return out
}

func isBlankRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\u00a0' || r == '\u200b' || r == '\u2009' || r == '\u202f' || r == '\ufeff'
}

// markMetadata moves the title, dek, byline, credits and photo caption out
// of the body. Title and dek come from the head of the page (before the
// first prose block); the byline only where the text states one.
func (c *classifier) markMetadata(a *Article, first, last int) {
	title := -1
	for i := range c.blocks {
		if c.blocks[i].Role == RoleTitle {
			title = i
		}
	}
	for i := 0; i < first; i++ {
		if c.settled(i) {
			continue
		}
		f := c.f[i]
		if names := byline(c.blocks[i].Text); names != "" {
			c.blocks[i].Role = RoleByline
			a.Authors = append(a.Authors, splitNames(names)...)
			continue
		}
		if title < 0 && f.titleLike && caption(f.plain) == nil && !isCredit(f) {
			title = i
			c.blocks[i].Role = RoleTitle
			a.Title = c.blocks[i].Text
			continue
		}
		if title >= 0 && a.Dek == "" && i == c.nextOpen(title) && f.words >= 3 && f.words <= 40 && caption(f.plain) == nil && !isCredit(f) {
			c.blocks[i].Role = RoleDek
			a.Dek = c.blocks[i].Text
		}
	}
	for i := range c.blocks {
		if c.settled(i) || readsAsProse(c.f[i]) {
			continue
		}
		f := c.f[i]
		if isCredit(f) {
			c.blocks[i].Role = RoleCredits
			a.Credits = strings.TrimSpace(strings.Join([]string{a.Credits, c.blocks[i].Text}, " "))
			continue
		}
		if m := caption(c.blocks[i].Text); m != nil && f.words >= 5 && i <= last {
			if a.Photo != nil {
				c.remove(i, ReasonCaption)
				continue
			}
			c.blocks[i].Role = RoleCaption
			a.Photo = &Photo{Caption: strings.TrimSpace(m[1]), Credit: strings.TrimSpace(m[2])}
		}
	}
}

// nextOpen is the first block after i that has no role yet: the dek is
// the line after the headline once furniture between them ("Listen to this
// article") is gone.
func (c *classifier) nextOpen(i int) int {
	for j := i + 1; j < len(c.blocks); j++ {
		if !c.settled(j) {
			return j
		}
	}
	return len(c.blocks)
}

// markLeadTitle takes the first surviving block of the text as the title
// when it reads as a headline and the next block is longer, as a copy that
// starts at the headline does; such a headline may itself be a sentence
// ("… It looked like an inside joke.").
func (c *classifier) markLeadTitle(a *Article) {
	i := 0
	for i < len(c.blocks) && c.settled(i) {
		i++
	}
	j := i + 1
	for j < len(c.blocks) && c.settled(j) {
		j++
	}
	if j >= len(c.blocks) || !c.f[i].titleLike || c.f[i].words > 25 || c.f[j].words <= c.f[i].words {
		return
	}
	if caption(c.f[i].plain) != nil || byline(c.blocks[i].Text) != "" || isDate(c.blocks[i].Text) {
		return
	}
	c.blocks[i].Role = RoleTitle
	a.Title = c.blocks[i].Text
}

// splitNames splits "A B and C D" or "A B, C D & E F" into names.
func splitNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", "\u00a0", " ").Replace(s)
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// signoff is a name appended to the last paragraph, as The Week signs its
// short pieces: "…that moment below. Peter Weber".
var signoff = regexp.MustCompile(`([.!?”"’])\s+(\p{Lu}[\pL'’-]+(?: \p{Lu}[\pL'’-]+){1,2})$`)

// stripSignoff removes an author's sign-off from the end of the last body
// block when the page confirms it is the author: a stated byline or an
// author bio that starts with the same first name.
func (c *classifier) stripSignoff(a *Article, rep *Report) {
	last := -1
	for i := range c.blocks {
		if c.blocks[i].Role == RoleBody {
			last = i
		}
	}
	if last < 0 {
		return
	}
	m := signoff.FindStringSubmatchIndex(c.blocks[last].Text)
	if m == nil {
		return
	}
	text := c.blocks[last].Text
	name := text[m[4]:m[5]]
	firstName := strings.Fields(name)[0]
	confirmed := false
	for _, au := range a.Authors {
		confirmed = confirmed || au == name
	}
	for _, b := range c.blocks {
		if b.Reason == ReasonBio && (strings.HasPrefix(b.Text, firstName+" ") || strings.HasPrefix(b.Text, name+" ")) {
			confirmed = true
		}
	}
	if !confirmed {
		return
	}
	c.blocks[last].Text = strings.TrimRight(text[:m[3]], " ")
	if len(a.Authors) == 0 {
		a.Authors = []string{name}
	}
	rep.Notes = append(rep.Notes, "block "+itoa(c.blocks[last].N)+": "+string(ReasonSignoff)+" \""+name+"\" taken from the end of the paragraph as the byline")
}

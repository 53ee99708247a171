package clean

import (
	"regexp"
	"strconv"
	"strings"
)

// Plain text becomes Markdown one paragraph per block. Only characters that
// would change the rendering are escaped, so the committed body stays the
// source's words: a line that would start a heading, list, quote or
// thematic break, and inline emphasis, code, HTML and link syntax.

var (
	blockStart = regexp.MustCompile(`^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|={3,}\s*$|-{3,}\s*$|_{3,}\s*$|\*{3,}\s*$|~~~|` + "```" + `)`)
	orderedNum = regexp.MustCompile(`^(\d{1,9})([.)])`)
	inlineMeta = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `<`, `\<`, `~`, `\~`)
	underscore = regexp.MustCompile(`(^|[^\pL\pN])_|_([^\pL\pN]|$)`)
	linkSyntax = regexp.MustCompile(`\]\(|\]\[|\]:`)
	entity     = regexp.MustCompile(`&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

// escapeMarkdown escapes s. The patterns run only on text holding the
// character they look for: most paragraphs hold none, and on a page of
// thousands of them the patterns cost more than the rest of the cleaning.
func escapeMarkdown(s string) string {
	s = inlineMeta.Replace(s)
	if strings.Contains(s, "&") {
		s = entity.ReplaceAllString(s, `\&$1;`)
	}
	if strings.Contains(s, "_") {
		s = underscore.ReplaceAllStringFunc(s, func(m string) string { return strings.Replace(m, "_", `\_`, 1) })
	}
	if strings.Contains(s, "]") && linkSyntax.MatchString(s) {
		s = strings.ReplaceAll(s, "[", `\[`)
	}
	if blockStart.MatchString(s) {
		if m := orderedNum.FindStringSubmatchIndex(s); m != nil {
			s = s[:m[3]] + `\` + s[m[4]:]
		} else if !strings.HasPrefix(s, `\`) {
			s = `\` + s
		}
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

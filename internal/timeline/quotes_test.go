package timeline

import (
	"fmt"
	"strings"
	"testing"

	"dossier/internal/markdown"
)

// A quote must be a phrase of whole words: a word or two, or a cut
// through a word, is refused at the quote's line and column, naming the
// entry and what to do. The later entry's quote ("said so later") is
// replaced by each case's.
func TestHostileQuotes(t *testing.T) {
	texts := articles()
	texts["a"].Paragraphs = append(texts["a"].Paragraphs, markdown.Paragraph{ID: "p3", Text: "Unsaid it was; then it was said it was, she said."})
	const where = `row "said", event "one", entry "one-later"`
	tests := []struct {
		name, quote string
		para        string // the paragraph found, or ""
		msg         string // the error after file:line:col: where: , or ""
	}{
		{"one letter", `"a"`, "", `quote "a" has 1 word(s), too few to show where the entry comes from: quote at least 3 words of the article, a whole phrase`},
		{"two words", `"said so"`, "", `quote "said so" has 2 word(s), too few to show where the entry comes from: quote at least 3 words of the article, a whole phrase`},
		{"punctuation is no word", `"— so later —"`, "", `quote "— so later —" has 2 word(s), too few to show where the entry comes from: quote at least 3 words of the article, a whole phrase`},
		{"spaces only", `"   "`, "", `quote is missing or empty; give it a value`},
		{"starts inside a word", `"aid so later"`, "", `quote "aid so later" starts or ends inside a word of article "a" (content/articles/a.md): paragraph 2 has it only inside a word, in "said so later."; quote whole words, as the article writes them`},
		{"ends inside a word", `"He said so lat"`, "", `quote "He said so lat" starts or ends inside a word of article "a" (content/articles/a.md): paragraph 2 has it only inside a word, in "He said so later."; quote whole words, as the article writes them`},
		{"mid-word first, whole later", `"said it was"`, "p3", ""},
		{"three words", `"said so later"`, "p2", ""},
		{"ends at punctuation", `"He said so later."`, "p2", ""},
		{"starts at a quote mark", `"“It was said,”"`, "p2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(good, `quote: "said so later"`, "quote: "+tt.quote, 1)
			tl, errs := Parse(file, []byte(src), texts)
			if tt.msg == "" {
				if len(errs) > 0 {
					t.Fatalf("Parse: %v", errs)
				}
				if got := tl.Entries[1].Paragraph; got != tt.para {
					t.Errorf("quote found in %q, want %q", got, tt.para)
				}
				return
			}
			line := lineOf(t, src, "quote: "+tt.quote)
			col := len("    quote: ") + 1
			want := fmt.Sprintf("%s:%d:%d: %s: %s", file, line, col, where, tt.msg)
			if len(errs) != 1 || errs[0].Error() != want {
				t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
			}
		})
	}
}

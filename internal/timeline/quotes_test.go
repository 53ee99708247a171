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

// Chinese, Japanese and Thai are written without spaces between words:
// a quote from mid-sentence is whole words there, and its length is
// counted in characters (MinQuoteChars), not in space-separated fields.
// Hangul is written with spaces and keeps the word rules.
func TestQuotesUnspacedScripts(t *testing.T) {
	texts := articles()
	texts["a"].Paragraphs = append(texts["a"].Paragraphs,
		markdown.Paragraph{ID: "p3", Text: "大阪で、首相は会談で干渉について述べたと報じられた。"},
		markdown.Paragraph{ID: "p4", Text: "总统在会谈中表示反对干涉。"},
		markdown.Paragraph{ID: "p5", Text: "นายกรัฐมนตรีกล่าวในการประชุมเมื่อวันศุกร์"},
		markdown.Paragraph{ID: "p6", Text: "대통령은 회담에서 간섭에 대해 말했다."},
		markdown.Paragraph{ID: "p7", Text: "G7サミットで首相が発言した。"},
	)
	const where = `row "said", event "one", entry "one-later"`
	tests := []struct {
		name, quote string
		para        string // the paragraph found, or ""
		msg         string // the error after file:line:col: where: , or ""
	}{
		{"japanese mid-sentence", `"首相は会談で干渉について述べた"`, "p3", ""},
		{"japanese six characters", `"会談で干渉に"`, "p3", ""},
		{"chinese mid-sentence", `"在会谈中表示反对"`, "p4", ""},
		{"thai mid-sentence", `"กล่าวในการประชุม"`, "p5", ""},
		{"latin and kana", `"G7サミットで"`, "p7", ""},
		{"japanese five characters", `"会談で干渉"`, "", `quote "会談で干渉" has 5 character(s) of a script written without spaces, too few to show where the entry comes from: quote at least 6 characters of the article in Chinese, Japanese or Thai (or 3 words in scripts written with spaces), a whole phrase`},
		{"japanese punctuation is no character", `"、首相は。"`, "", `quote "、首相は。" has 3 character(s) of a script written without spaces, too few to show where the entry comes from: quote at least 6 characters of the article in Chinese, Japanese or Thai (or 3 words in scripts written with spaces), a whole phrase`},
		{"mixed too short", `"G7 首相"`, "", `quote "G7 首相" has 2 character(s) of a script written without spaces and 1 word(s), too few to show where the entry comes from: quote at least 6 characters of the article in Chinese, Japanese or Thai (or 3 words in scripts written with spaces), a whole phrase`},
		{"latin cut next to kana", `"7サミットで首相"`, "", `quote "7サミットで首相" starts or ends inside a word of article "a" (content/articles/a.md): paragraph 7 has it only inside a word, in "G7サミットで首相"; quote whole words, as the article writes them`},
		{"thai cut before a vowel mark", `"นายกรัฐมนตรีกล"`, "", `quote "นายกรัฐมนตรีกล" starts or ends inside a word of article "a" (content/articles/a.md): paragraph 5 has it only inside a word, in "นายกรัฐมนตรีกล่"; quote whole words, as the article writes them`},
		{"hangul by words", `"회담에서 간섭에"`, "", `quote "회담에서 간섭에" has 2 word(s), too few to show where the entry comes from: quote at least 3 words of the article, a whole phrase`},
		{"hangul three words", `"회담에서 간섭에 대해"`, "p6", ""},
		{"hangul inside a word", `"담에서 간섭에 대해"`, "", `quote "담에서 간섭에 대해" starts or ends inside a word of article "a" (content/articles/a.md): paragraph 6 has it only inside a word, in "회담에서 간섭에 대해"; quote whole words, as the article writes them`},
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

func TestCountWords(t *testing.T) {
	tests := []struct {
		s            string
		words, chars int
	}{
		{"said so later", 3, 0},
		{"— so later —", 2, 0},
		{"co-operate, don't", 2, 0},
		{"首相は会談で干渉について述べた", 0, 15},
		{"G7サミットで", 1, 5},
		{"ゲーム", 0, 3},
		{"กล่าวในการประชุม", 0, 14},
		{"회담에서 간섭에 대해", 3, 0},
	}
	for _, tt := range tests {
		if w, c := countWords(tt.s); w != tt.words || c != tt.chars {
			t.Errorf("countWords(%q) = %d, %d; want %d, %d", tt.s, w, c, tt.words, tt.chars)
		}
	}
}

func TestWholeWordsUnspaced(t *testing.T) {
	text := "大阪で、首相は会談で干渉について述べたと報じられた。"
	q := "首相は会談で干渉について述べた"
	if at, in := wholeWords(text, q); at != strings.Index(text, q) {
		t.Errorf("wholeWords(%q, %q) = %d, %q; want %d", text, q, at, in, strings.Index(text, q))
	}
}

package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The fuzz target checks the cleaner's promise on any input: it never
// panics, it never edits a block it keeps, and it never drops a block that
// the oracle marks as prose. The oracle's prose is the paragraphs of the
// hand-cleaned articles, written by journalists, placed anywhere among
// fuzzed lines. Such a paragraph may only leave the body for the front
// matter (title or dek), or when it is not unique in the input (an exact
// duplicate), when it sits next to bullet separators (a list item), or when
// it follows a comments heading (a reader's comment).
//
//	go test -fuzz=FuzzText ./internal/clean

func oracleProse(t testing.TB) []string {
	var out []string
	for _, s := range seeds {
		data, err := os.ReadFile(filepath.Join(contentDir, "articles", s.article))
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(data), "---\n", 3)
		for _, p := range strings.Split(strings.TrimSpace(parts[2]), "\n\n") {
			out = append(out, strings.TrimRight(p, " "))
		}
	}
	return out
}

func FuzzText(f *testing.F) {
	prose := oracleProse(f)
	for _, s := range seeds {
		raw, err := os.ReadFile(filepath.Join(contentDir, "raw", s.raw))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw, uint32(0))
	}
	f.Add([]byte("Home\nMenu\n-\nHeadline one\n-\nHeadline two\n-\nHeadline three\nSubscribe"), uint32(0x3ff))
	f.Add([]byte("Sign up for our newsletter\n\nDonate today to support our journalism.\n© 2025 X"), uint32(0x155))
	f.Add([]byte("By Jane Doe\nJune 28, 2019\nPhoto: A man.Jane Doe/AP\n"), uint32(0x2aa))
	f.Fuzz(func(t *testing.T, junk []byte, layout uint32) {
		// Raw bytes exercise the input checks and must not panic either.
		Text(junk)

		clean := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && r != '\n' && r != '\t' {
				return -1
			}
			return r
		}, strings.ToValidUTF8(string(junk), ""))
		lines := strings.Split(clean, "\n")
		var inserted []string
		for k, p := range prose {
			if layout>>k&1 == 0 {
				continue
			}
			at := int(uint64(layout)*uint64(k+7)) % (len(lines) + 1)
			lines = slices.Insert(lines, at, p)
			inserted = append(inserted, p)
		}
		doc := strings.Join(lines, "\n")
		a, rep, err := Text([]byte(doc))
		if len(inserted) == 0 {
			return
		}
		if err != nil {
			t.Fatalf("error on a text with article prose: %v", err)
		}
		input := map[string]bool{}
		for _, b := range splitLines(doc) {
			input[b.Text] = true
		}
		for _, b := range rep.Blocks {
			if b.Role == RoleBody && !input[b.Text] && !strings.HasPrefix(doc, b.Text) && !isPrefixOfLine(doc, b.Text) {
				t.Errorf("kept block %q is not a line of the input", b.Text)
			}
		}
		blocks := splitLines(doc)
		for _, p := range inserted {
			n, listItem := 0, false
			for i, b := range blocks {
				if b.Text == strings.TrimLeft(p, " \t") {
					n++
					listItem = listItem || i > 0 && separatorLine.MatchString(blocks[i-1].Text) ||
						i+1 < len(blocks) && separatorLine.MatchString(blocks[i+1].Text)
				}
			}
			if n != 1 || listItem || afterComments(blocks, p) {
				continue
			}
			if a.Title == p || a.Dek == p || slices.Contains(a.Body, escapeMarkdown(p)) {
				continue
			}
			for _, b := range rep.Blocks {
				if b.Text == p {
					t.Fatalf("prose dropped as %s (%s): %.80q", b.Role, b.Explain(), p)
				}
			}
			t.Fatalf("prose lost: %.80q", p)
		}
	})
}

// isPrefixOfLine allows the one edit the cleaner makes: a sign-off cut from
// the end of the last paragraph.
func isPrefixOfLine(doc, text string) bool {
	for _, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), text) {
			return true
		}
	}
	return false
}

// afterComments reports whether paragraph p comes after a comments heading
// or past the end of the article.
func afterComments(blocks []Block, p string) bool {
	seen := false
	for _, b := range blocks {
		if b.Text == p {
			return seen
		}
		t := strings.TrimSpace(stripMarkdown(b.Text))
		// After a comments heading, or past the article's end (a
		// related-stories heading, an author bio, an appeal for money),
		// prose is the site's, not the article's.
		seen = seen || commentsHeading.MatchString(t) || relatedHeading.MatchString(t) || isBio(t) || endBio.MatchString(t) ||
			bioHeading.MatchString(t) || donationCues.MatchString(t) || commentsOnTitle.MatchString(t)
	}
	return false
}

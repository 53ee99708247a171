package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
	"golang.org/x/text/unicode/norm"
)

// What only a person can know is left for a person: the importer writes
// these fields empty with a TODO comment, and the build rejects an empty
// required field, so an unfinished import cannot be published by accident.
const todoComment = "# TODO by hand: %s (the importer cannot know these; the build rejects them empty).\n"

// Markdown renders the article as a content/articles/*.md file: YAML front
// matter between --- lines, a blank line, and one paragraph per block.
func (a *Article) Markdown() ([]byte, error) {
	fm, err := yaml.MarshalWithOptions(a, yaml.UseLiteralStyleIfMultiline(false))
	if err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	if todo := a.todo(); len(todo) > 0 {
		fmt.Fprintf(&buf, todoComment, strings.Join(todo, ", "))
	}
	buf.Write(fm)
	buf.WriteString("---\n\n")
	buf.WriteString(strings.Join(a.Body, "\n\n"))
	buf.WriteString("\n")
	return buf.Bytes(), nil
}

// todo lists the required fields left empty.
func (a *Article) todo() []string {
	var out []string
	for _, f := range []struct {
		name, val string
	}{{"title", a.Title}, {"publication", a.Publication}, {"url", a.URL}, {"event", a.Event}} {
		if f.val == "" {
			out = append(out, f.name)
		}
	}
	return out
}

// Slug is the article's file name without .md: the first six words of the
// title, lower case, accents dropped, joined by hyphens.
func Slug(title string) string {
	var words []string
	for _, w := range strings.Fields(norm.NFD.String(title)) {
		var b strings.Builder
		for _, r := range strings.ToLower(w) {
			switch {
			case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				b.WriteRune(r)
			case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
			default:
				if b.Len() > 0 {
					words = append(words, b.String())
					b.Reset()
				}
			}
		}
		if b.Len() > 0 {
			words = append(words, b.String())
		}
		if len(words) >= 6 {
			break
		}
	}
	if len(words) > 6 {
		words = words[:6]
	}
	if len(words) == 0 {
		return "untitled"
	}
	return strings.Join(words, "-")
}

package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// pathological are article bodies of shapes that once stalled a build, or
// that could: each is about the size given, made of the shape repeated.
// BenchmarkPathological builds each; TestPathologicalBounded and the
// fuzz target use them as hostile inputs.
var pathological = []struct {
	name string
	body func() string
}{
	{"fence-language", func() string {
		var b strings.Builder
		for i := 0; b.Len() < 1<<20; i++ {
			fmt.Fprintf(&b, "```%s%d\ncode\n```\n\n", strings.Repeat("x", 2048), i)
		}
		return b.String()
	}},
	{"dash-lines", func() string { return strings.Repeat("- \n", 40000) }},
	{"nested-lists", func() string {
		var b strings.Builder
		for i := 0; b.Len() < 1<<20; i++ {
			b.WriteString(strings.Repeat("  ", i%2000) + "- x\n")
		}
		return b.String()
	}},
	{"nested-quotes", func() string { return strings.Repeat(">", 1<<20) + " x\n" }},
	{"nested-ordered", func() string {
		var b strings.Builder
		for i := 0; b.Len() < 1<<20; i++ {
			b.WriteString(strings.Repeat("   ", i%1000) + "1. x\n")
		}
		return b.String()
	}},
	{"dash-line", func() string { return strings.Repeat("- ", 40000) + "x\n" }},
	{"one-line-lists", func() string { return strings.Repeat("1) ", 1<<18) + "x\n" }},
	{"one-line-quoted-lists", func() string { return strings.Repeat("> - ", 1<<18) + "x\n" }},
	{"brackets", func() string { return strings.Repeat("[", 1<<20) + "\n" }},
	{"link-openers", func() string { return strings.Repeat("[a](", 1<<18) + "\n" }},
	{"link-openers-angle", func() string { return strings.Repeat("[a](< ", 1<<17) + "\n" }},
	{"image-openers", func() string { return strings.Repeat("![a](", 1<<18) + "\n" }},
	{"emphasis", func() string { return strings.Repeat("*a _b ", 1<<17) + "\n" }},
	{"backticks", func() string {
		var b strings.Builder
		for i := 1; b.Len() < 1<<20; i++ {
			b.WriteString(strings.Repeat("`", i%500+1) + "a ")
		}
		return b.String() + "\n"
	}},
	{"one-paragraph", func() string { return strings.Repeat("word ", 1<<18) + "\n" }},
	{"paragraphs", func() string { return strings.Repeat("A short paragraph.\n\n", 1<<16) }},
	{"headings", func() string { return strings.Repeat("## Same\n\n", 1<<17) }},
	{"footnotes", func() string {
		var b strings.Builder
		for i := 0; b.Len() < 1<<20; i++ {
			fmt.Fprintf(&b, "Claim[^%d].\n\n[^%d]: Note.\n\n", i, i)
		}
		return b.String()
	}},
	{"link-definitions", func() string { return strings.Repeat("[a]: /b\n", 1<<17) }},
	{"link-definitions-grouped", func() string {
		var b strings.Builder
		for i := 0; b.Len() < 1<<20; i++ {
			fmt.Fprintf(&b, "[a%d]: /b\n", i)
			if i%500 == 499 {
				b.WriteString("\n")
			}
		}
		return b.String()
	}},
	{"links", func() string { return strings.Repeat("[a](#p1) ", 1<<17) + "\n" }},
	{"autolinks", func() string { return strings.Repeat("www.example.org/a ", 1<<16) + "\n" }},
	{"emails", func() string { return strings.Repeat("a@b.c ", 1<<17) + "\n" }},
	{"table", func() string {
		row := strings.Repeat("|a", 2000) + "|\n"
		return strings.Repeat("|h", 2000) + "|\n" + strings.Repeat("|-", 2000) + "|\n" + strings.Repeat(row, 250)
	}},
	{"entities", func() string { return strings.Repeat("&amp;&#1234;&nbsp;\\* ", 1<<16) + "\n" }},
	{"raw-html", func() string { return strings.Repeat("<b>x</b> ", 1<<17) + "\n" }},
}

// pathologicalSite is the site fixture with one article whose body is body.
func pathologicalSite(t testing.TB, body string) fstest.MapFS {
	fsys := loadTxtar(t, "testdata/site.txtar")
	fsys["content/articles/beta.md"] = &fstest.MapFile{Data: []byte(betaWith(body))}
	return fsys
}

// BenchmarkPathological builds a site holding one article of each
// pathological shape; MB/s is of the article's source:
//
//	go test -run '^$' -bench Pathological ./internal/site
func BenchmarkPathological(b *testing.B) {
	for _, p := range pathological {
		b.Run(p.name, func(b *testing.B) {
			body := p.body()
			fsys := pathologicalSite(b, body)
			b.SetBytes(int64(len(body)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				// A refused input is as good as a built one: both are bounded.
				_, _ = Render(fsys, Options{})
			}
		})
	}
}

package markdown

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// codeRenderer renders a fenced code block with chroma, with CSS classes
// (the colours are in style.css, see CSS), inside a focusable, labelled
// region so that a keyboard user can scroll a wide block:
//
//	<div class="code" tabindex="0" role="region" aria-label="Code: go"><pre class="chroma"><code>…</code></pre></div>
//
// The fence's first word names the language; the rest of the info string
// is ignored. A block with no language, or one chroma does not know, is
// shown as plain text the same way, so its spacing is kept.
//
// One chroma formatter serves every block: a formatter works out the CSS
// of its style once and keeps it, where one per block (as
// goldmark-highlighting makes) works it out again for every block.
type codeRenderer struct{}

var (
	codeFormatter = chromahtml.New(chromahtml.WithClasses(true))
	// codeStyle is a style for the formatter to read token classes from;
	// with classes it sets no colours in the HTML.
	codeStyle = styles.Get(lightStyle)
	// codeLexers caches, by language, the lexer (coalesced, as chroma
	// recommends for formatting) or nil when chroma has none.
	codeLexers sync.Map // string → chroma.Lexer
)

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
}

func renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := string(n.Language(src))
	label := "Code"
	if lang != "" {
		label = "Code: " + lang
	}
	w.WriteString(`<div class="code" tabindex="0" role="region" aria-label="`)
	w.Write(util.EscapeHTML([]byte(label)))
	w.WriteString(`">`)
	var code strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	it, err := lexerFor(lang).Tokenise(nil, code.String())
	if err == nil {
		err = codeFormatter.Format(w, codeStyle, it)
	}
	if err != nil {
		return ast.WalkStop, err
	}
	w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}

// MaxFenceLanguage is the longest fence language name looked up, in
// bytes. chroma's longest lexer name is under 30 bytes; its lookup tries
// every lexer's file name patterns against the name, which for a name of
// kilobytes takes seconds, so a longer name is shown as plain text at
// once, as an unknown language is.
const MaxFenceLanguage = 64

// maxCachedLexers bounds codeLexers: a source with many distinct
// language names must not grow it without end in a long preview session.
const maxCachedLexers = 1024

var (
	cachedLexers atomic.Int64
	// lexerRunes are the characters some lexer's name, alias or file name
	// pattern holds: a language holding another is unknown to chroma, and
	// is not looked up.
	lexerRunes = sync.OnceValue(func() map[rune]bool {
		runes := map[rune]bool{}
		for _, l := range lexers.GlobalLexerRegistry.Lexers {
			c := l.Config()
			for _, s := range append(append([]string{c.Name}, c.Aliases...), c.Filenames...) {
				for _, r := range s {
					runes[unicode.ToLower(r)] = true
					runes[unicode.ToUpper(r)] = true
				}
			}
		}
		return runes
	})
)

// lookable reports whether chroma's lookup of lang can find a lexer and
// takes little time: lang is short and holds only characters that lexer
// names do.
func lookable(lang string) bool {
	if lang == "" || len(lang) > MaxFenceLanguage {
		return false
	}
	runes := lexerRunes()
	for _, r := range lang {
		if !runes[r] {
			return false
		}
	}
	return true
}

// lexerFor returns chroma's lexer for a fence's language, or its plain
// text lexer.
func lexerFor(lang string) chroma.Lexer {
	if !lookable(lang) {
		return plainLexer
	}
	if l, ok := codeLexers.Load(lang); ok {
		return l.(chroma.Lexer)
	}
	l := plainLexer
	if found := lexers.Get(lang); found != nil {
		l = chroma.Coalesce(found)
	}
	if cachedLexers.Add(1) <= maxCachedLexers {
		codeLexers.Store(lang, l)
	}
	return l
}

// plainLexer shows a block of no language, or of one chroma does not know.
var plainLexer = chroma.Coalesce(lexers.Fallback)

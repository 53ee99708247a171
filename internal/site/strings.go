package site

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"dossier/internal/content"
	"dossier/internal/timeline"
	"dossier/templates"
)

// StringsFile holds the theme's wording, by language: the words of the
// pages that are not the dossier's content ("Skip to content", "Published:",
// month names). Templates say {{t "key"}}, or {{t "key" arg...}} for a
// value with fmt verbs (%s, %d, %[2]s to reorder). English is the default
// and the fallback: a site's language without a table, or a key its table
// lacks, reads in English. A site adds a language, or changes a phrase, in
// its own templates/strings.yaml, which is laid over the default one key
// by key (unlike the other theme files, which replace the default whole),
// so it holds only what differs. Each of its texts must use the verbs of
// the English text of its key (checkVerbs), since the arguments are the
// same whatever the language.
const StringsFile = "strings.yaml"

// defaultLang is the language of the default wording and the fallback.
const defaultLang = "en"

// A lang is the wording of one language, merged from the tables.
type lang struct {
	code  string
	table map[string]string
	// layer is, for each key, how specific the language its text comes
	// from is: 0 for English, then the language without its region, then
	// the language itself. A singular ("key.one") is only used over a
	// plural that comes from a layer no more specific (see lookup).
	layer map[string]int

	mu        sync.Mutex
	misprints map[string]error // key → what text printed wrong, for the build to report
}

// A stringsTable is one strings file, as language → key → text, with
// where its values are.
type stringsTable struct {
	langs map[string]map[string]string
	pos   content.Positions
}

// stringsTables reads the default table and the site's, if it has one.
func stringsTables(site fs.FS) ([]stringsTable, error) {
	var tables []stringsTable
	read := func(fsys fs.FS, name string, optional bool) error {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			if optional {
				return nil
			}
			return fmt.Errorf("%s: %w", path.Join(ThemeDir, StringsFile), err)
		}
		var tb map[string]map[string]string
		pos, errs := content.DecodeYAML(path.Join(ThemeDir, StringsFile), src, 0, &tb)
		if len(errs) > 0 {
			return errs.Err()
		}
		tables = append(tables, stringsTable{tb, pos})
		return nil
	}
	if err := read(templates.FS, StringsFile, false); err != nil {
		return nil, err
	}
	if site != nil {
		if err := read(site, path.Join(ThemeDir, StringsFile), true); err != nil {
			return nil, err
		}
	}
	return tables, nil
}

// loadLang merges the wording of code: English first, then the language
// without its region ("pt" for "pt-BR"), then the language itself, each
// from the default table and then the site's. Every text of the site's
// table, in any language, must have the verbs of the English text of its
// key (see checkVerbs), so that a mistake in a language the site does not
// use yet is found as soon as it is written.
func loadLang(site fs.FS, code string) (*lang, error) {
	tables, err := stringsTables(site)
	if err != nil {
		return nil, err
	}
	if len(tables) > 1 {
		if errs := checkVerbs(tables[0].langs[defaultLang], tables[1]); len(errs) > 0 {
			return nil, errs.Err()
		}
	}
	l := &lang{code: code, table: map[string]string{}, layer: map[string]int{}}
	chain := []string{defaultLang}
	if base, _, _ := strings.Cut(code, "-"); base != defaultLang {
		chain = append(chain, base)
	}
	if code != chain[len(chain)-1] {
		chain = append(chain, code)
	}
	for i, c := range chain {
		for _, tb := range tables {
			for k, v := range tb.langs[c] {
				l.table[k] = v
				l.layer[k] = i
			}
		}
	}
	return l, nil
}

// lookup is the text of key. A singular ("key.one") reads as its plural
// when the plural comes from a more specific language than the singular:
// a site that writes de: {facet-count: "%d Artikel"} and no singular means
// "1 Artikel", not the English "1 article", and a language without
// singulars (Japanese, Chinese) needs no ".one" keys at all.
func (l *lang) lookup(key string) (string, bool) {
	s, ok := l.table[key]
	if plural, isOne := strings.CutSuffix(key, ".one"); isOne && ok {
		if p, has := l.table[plural]; has && l.layer[plural] > l.layer[key] {
			return p, true
		}
	}
	return s, ok
}

// t is the template function: the text of key, formatted with args. A key
// with a ".one" variant ("days.one") takes it when the first argument is
// the integer 1, for the singular (see lookup). A text whose verbs do not
// fit its arguments is an error naming the key, not "%!d(string=…)" on a
// page.
func (l *lang) t(key string, args ...any) (string, error) {
	s, ok := l.lookup(key)
	if !ok {
		return "", fmt.Errorf("unknown string %q%s; add it to %s", key, l.suggest(key), path.Join(ThemeDir, StringsFile))
	}
	if len(args) == 0 {
		return s, nil
	}
	if n, isInt := args[0].(int); isInt && n == 1 {
		if one, ok := l.lookup(key + ".one"); ok {
			key, s = key+".one", one
		}
	}
	out := fmt.Sprintf(s, args...)
	if strings.Contains(out, "%!") && misprinted(s, args) {
		return "", fmt.Errorf("string %q for language %q, %q, prints %q: its verbs do not fit the %d argument(s) it is given; give it the verbs of its English text in %s", key, l.code, s, out, len(args), path.Join(ThemeDir, StringsFile))
	}
	return out, nil
}

// misprinted reports whether format prints an error mark ("%!") with
// args whatever their text: the mark may be an argument's own (a title
// "Up 50%!"), so the text arguments are emptied and it is printed again.
func misprinted(format string, args []any) bool {
	plain := make([]any, len(args))
	for i, a := range args {
		plain[i] = a
		if v := reflect.ValueOf(a); v.Kind() == reflect.String {
			plain[i] = reflect.Zero(v.Type()).Interface()
		}
	}
	return strings.Contains(fmt.Sprintf(format, plain...), "%!")
}

// text is t for Go code, whose keys are all in the default table. A
// text that prints wrong is kept for misprintErrors, which the build
// reports.
func (l *lang) text(key string, args ...any) string {
	s, err := l.t(key, args...)
	if err != nil {
		l.mu.Lock()
		if l.misprints == nil {
			l.misprints = map[string]error{}
		}
		if l.misprints[key] == nil {
			l.misprints[key] = err
		}
		l.mu.Unlock()
		return key
	}
	return s
}

// misprintErrors are the errors of text so far, by key.
func (l *lang) misprintErrors() content.List {
	l.mu.Lock()
	defer l.mu.Unlock()
	var errs content.List
	for _, k := range sortedKeys(l.misprints) {
		errs.Add(l.misprints[k])
	}
	return errs
}

func (l *lang) suggest(key string) string {
	keys := make([]string, 0, len(l.table))
	for k := range l.table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if s := content.Suggest(key, keys); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// date is a date as a reader sees it, to its precision: "7 July 2017",
// "July 2017", "2017", with the language's month names (month-1 …
// month-12) and orders (date-day, date-month); "" when unknown.
func (l *lang) date(d content.Date) string {
	switch d.Precision() {
	case "day":
		return l.text("date-day", d.Day, l.text("month-"+strconv.Itoa(d.Month)), d.Year)
	case "month":
		return l.text("date-month", l.text("month-"+strconv.Itoa(d.Month)), d.Year)
	case "year":
		return strconv.Itoa(d.Year)
	}
	return ""
}

// when is a timeline date as a reader sees it: with its weekday when the
// day is known ("Friday 7 July 2017"), "about …" when approximate.
func (l *lang) when(w timeline.When) string {
	s := l.date(w.Parsed)
	if w.Parsed.Exact() {
		s = l.text("date-weekday", l.text("weekday-"+strconv.Itoa(int(w.Parsed.Time().Weekday()))), s)
	}
	if w.About && s != "" {
		s = l.text("about", s)
	}
	return s
}

// funcs are the template functions that speak the language.
func (l *lang) funcs() template.FuncMap {
	return template.FuncMap{"t": l.t, "date": l.date, "when": l.when}
}

// checkKeys reports every {{t "key"}} of the templates whose key the
// language's wording lacks, at the template's file:line:col, so that a
// misspelt key fails the build even in a template no page executes.
func (l *lang) checkKeys(ts []*template.Template, seen map[string]bool) content.List {
	var errs content.List
	for _, tm := range ts {
		if tm.Tree == nil || tm.Tree.Root == nil {
			continue
		}
		tree := tm.Tree
		walkTree(tree.Root, func(c *parse.CommandNode) {
			if len(c.Args) < 2 {
				return
			}
			id, ok := c.Args[0].(*parse.IdentifierNode)
			key, isStr := c.Args[1].(*parse.StringNode)
			if !ok || id.Ident != "t" || !isStr {
				return
			}
			if _, known := l.table[key.Text]; known {
				return
			}
			loc, _ := tree.ErrorContext(key)
			if seen[loc] {
				return
			}
			seen[loc] = true
			errs.Add(fmt.Errorf("%s: unknown string %q for language %q%s; add it to %s (English, the fallback, under en:) or fix the key",
				loc, key.Text, l.code, l.suggest(key.Text), path.Join(ThemeDir, StringsFile)))
		})
	}
	return errs
}

// foldConstants replaces each {{t "key"}} without arguments by the text it
// gives, a constant of the template, once the keys are checked: its value
// cannot change for the language, and a page would otherwise pay a call
// through reflection for every one (html/template still escapes the
// constant for where it stands). A call with arguments, or with a key the
// language lacks (an error checkKeys reports), stays a call.
func (l *lang) foldConstants(ts []*template.Template) {
	for _, tm := range ts {
		if tm.Tree == nil || tm.Tree.Root == nil {
			continue
		}
		walkTree(tm.Tree.Root, func(c *parse.CommandNode) {
			if len(c.Args) != 2 {
				return
			}
			id, ok := c.Args[0].(*parse.IdentifierNode)
			key, isStr := c.Args[1].(*parse.StringNode)
			if !ok || id.Ident != "t" || !isStr {
				return
			}
			text, known := l.lookup(key.Text)
			if !known {
				return
			}
			c.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: key.Pos, Quoted: strconv.Quote(text), Text: text}}
		})
	}
}

// walkTree calls f on every command under n.
func walkTree(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkTree(c, f)
		}
	case *parse.ActionNode:
		walkTree(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkTree(c, f)
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			walkTree(a, f)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walkTree(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(*parse.CommandNode)) {
	walkTree(b.Pipe, f)
	walkTree(b.List, f)
	walkTree(b.ElseList, f)
}

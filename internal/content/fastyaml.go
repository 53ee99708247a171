package content

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	yamlv3 "go.yaml.in/yaml/v3"
)

// Positions only when needed
//
// DecodeYAML parses with goccy/go-yaml, whose AST gives every key's line
// and column for the error messages and their "did you mean" suggestions.
// Only a front matter with something wrong needs them, yet on a valid
// article that positioned parse is most of the cost of loading it (issue
// 8). So an article is first decoded by decodeFast, with go.yaml.in/yaml/v3
// (a port of libyaml, about twice as fast), and DecodeYAML runs only when
// decodeFast declines, to give the verdict and the errors, or when a later
// check fails and needs a line to name (Article.keyPos).
//
// The two libraries read some corners differently: goccy drops a tab
// from a plain scalar, reads a byte order mark into a key and rejects some
// block scalar headers that v3 takes; DecodeYAML reports a quoted or
// explicit ("? title") key that v3 accepts. So decodeFast accepts only
// what both read alike: a block mapping of plain, known keys, every
// required one among them, whose values are strings, plain or quoted, or
// plain numbers, dates or booleans, kept as written (not null, nor | or >
// block scalars),
// lists of them or such mappings; no tag, anchor, alias, tab, byte order
// mark, Unicode line break or lone CR. TestDecodeFastAgrees and
// FuzzDecodeFast check that it accepts nothing that DecodeYAML rejects or
// reads otherwise.

// decodeFast decodes src into v, a pointer to a struct whose fields carry
// `yaml` tags, and reports true, when DecodeYAML would return no error and
// the same value. Otherwise it reports false, and v is to be discarded.
func decodeFast(src []byte, v any, required ...string) bool {
	// goccy drops a tab from a plain scalar ("A\tB" is "AB") and reads a
	// byte order mark into a key, where libyaml does neither; libyaml
	// takes NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (which text copied
	// from web pages holds) and a lone CR for line breaks, goccy for
	// characters.
	if unlike(src) {
		return false
	}
	dec := yamlv3.NewDecoder(bytes.NewReader(src))
	var doc, next yamlv3.Node
	if dec.Decode(&doc) != nil || dec.Decode(&next) != io.EOF || doc.Kind != yamlv3.DocumentNode || len(doc.Content) != 1 {
		return false
	}
	top := doc.Content[0]
	for _, k := range required {
		if !hasKey(top, k) {
			return false
		}
	}
	return fill(src, top, reflect.ValueOf(v).Elem())
}

// unlike reports whether src holds a tab, a byte order mark, NEL, LINE
// SEPARATOR, PARAGRAPH SEPARATOR or a lone CR. Each is looked for with
// bytes.IndexByte or bytes.Index, which scan many bytes at a time, where
// bytes.ContainsAny with non-ASCII characters decodes src rune by rune
// (30 times slower on a front matter).
func unlike(src []byte) bool {
	return bytes.IndexByte(src, '\t') >= 0 ||
		bytes.IndexByte(src, '\r') >= 0 && bytes.Count(src, []byte("\r")) != bytes.Count(src, []byte("\r\n")) ||
		bytes.Contains(src, []byte("\ufeff")) || bytes.Contains(src, []byte("\u0085")) ||
		bytes.Contains(src, []byte("\u2028")) || bytes.Contains(src, []byte("\u2029"))
}

// fill stores n, parsed from src, into v, as Node.Decode would, and
// reports true, when n decodes into v in the same way with both
// libraries, with no key that DecodeYAML would report. Checking and
// storing in one walk spares Node.Decode's second walk, with its boxing
// of every string. Otherwise it reports false, and v is to be discarded.
func fill(src []byte, n *yamlv3.Node, v reflect.Value) bool {
	if n.Anchor != "" || n.Style&yamlv3.TaggedStyle != 0 {
		return false
	}
	if v.Kind() == reflect.Pointer { // a null is declined below, as not a string
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	switch n.Kind {
	case yamlv3.ScalarNode:
		// Not a block scalar (| or >): libyaml takes headers that goccy
		// rejects, such as ">#x". A plain number, boolean or date is its
		// text, as written, in a string field, as DecodeYAML keeps it
		// (see asText); a null is not a string.
		if v.Kind() != reflect.String || n.Style&(yamlv3.LiteralStyle|yamlv3.FoldedStyle) != 0 {
			return false
		}
		switch n.ShortTag() {
		case "!!str":
		case "!!int", "!!float", "!!bool", "!!timestamp":
			if n.Style != 0 {
				return false
			}
		default:
			return false
		}
		v.SetString(n.Value)
		return true
	case yamlv3.SequenceNode:
		if v.Kind() != reflect.Slice {
			return false
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, el := range n.Content {
			// In a flow sequence, libyaml folds a plain scalar continued
			// on the next line ("[a\nb]" is ["a b"]), which goccy rejects
			// when the continuation is not indented.
			if n.Style&yamlv3.FlowStyle != 0 && el.Kind == yamlv3.ScalarNode && el.Style == 0 && !verbatim(src, el) {
				return false
			}
			if !fill(src, el, s.Index(i)) {
				return false
			}
		}
		v.Set(s)
		return true
	case yamlv3.MappingNode:
		if v.Kind() != reflect.Struct || n.Style&yamlv3.FlowStyle != 0 {
			return false
		}
		fields := yamlFields(v.Type())
		var seen uint64 // Node.Decode rejects a key given twice
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			f, known := fields[k.Value]
			// A key quoted, tagged or not a string, or explicit ("? title":
			// its column is past the mapping's), is unknown to DecodeYAML.
			if !known || seen&(1<<f) != 0 || k.Kind != yamlv3.ScalarNode || k.Style != 0 || k.Anchor != "" ||
				k.ShortTag() != "!!str" || k.Column != n.Column || !fill(src, n.Content[i+1], v.Field(f)) {
				return false
			}
			seen |= 1 << f
		}
		return true
	}
	return false // an alias
}

// verbatim reports whether src holds the plain scalar n's value as it is,
// at n's line and column: whether n is on one line, not folded from two
// or more. Lines end at "\n" (a lone CR and the other line breaks of
// libyaml are declined before), and libyaml counts columns in characters.
func verbatim(src []byte, n *yamlv3.Node) bool {
	off := 0
	for range n.Line - 1 {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return false
		}
		off += i + 1
	}
	for range n.Column - 1 {
		_, size := utf8.DecodeRune(src[off:])
		if size == 0 {
			return false
		}
		off += size
	}
	rest := src[off:]
	return len(rest) >= len(n.Value) && string(rest[:len(n.Value)]) == n.Value // no copy
}

func hasKey(m *yamlv3.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

var fieldsCache sync.Map // reflect.Type → map[string]int

// yamlFields maps the `yaml` names of struct type t's fields to their
// indexes in t, as fieldType finds them. It leaves out an unexported
// field, which Node.Decode does not set, and one past the 64th, which
// fill's set of the keys seen cannot hold: their keys are declined.
func yamlFields(t reflect.Type) map[string]int {
	if m, ok := fieldsCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for _, name := range fieldNames(t) {
		for i := range t.NumField() {
			f := t.Field(i)
			if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag == name {
				if f.IsExported() && i < 64 {
					m[name] = i
				}
				break
			}
		}
	}
	fieldsCache.Store(t, m)
	return m
}

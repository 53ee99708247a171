package content

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// A Pos is a 1-based line and column in a source file.
type Pos struct{ Line, Col int }

// Positions maps a YAML path to where its value starts in the file. Paths
// look like "title", "photo.caption", "rows[2].cells.hamburg-2017[0].quote";
// a key's own position is stored under the path with a trailing ":".
type Positions map[string]Pos

// At returns the position of path, or of its nearest recorded ancestor.
func (p Positions) At(path string) Pos {
	for path != "" {
		if pos, ok := p[path]; ok {
			return pos
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return p[""]
}

// DecodeYAML strictly decodes src into v, which must point to a struct
// whose fields carry `yaml` tags. lineOffset is added to every line
// (the front matter of a Markdown file starts on its line 2). Every
// unknown key, type error, and missing key named in required (top-level
// keys) is returned in the List, each naming file:line:col. The returned
// Positions let callers report their own checks at the right line.
func DecodeYAML(file string, src []byte, lineOffset int, v any, required ...string) (Positions, List) {
	pos, errs, _ := decodeYAML(file, src, lineOffset, v, required...)
	return pos, errs
}

// decodeYAML is DecodeYAML; it also reports whether v was decoded whole
// (the library can stop partway: see nodeToValue), so that the caller does
// not report as empty the values that were never read.
func decodeYAML(file string, src []byte, lineOffset int, v any, required ...string) (Positions, List, bool) {
	pos := Positions{"": {Line: lineOffset + 1, Col: 1}}
	var errs List
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		errs.Add(yamlError(file, lineOffset, err, "fix the YAML syntax"))
		return pos, errs, true
	}
	var body ast.Node
	if len(f.Docs) > 1 {
		errs.Add(Errorf(file, lineOffset+1, 1, "more than one YAML document; keep a single mapping"))
		return pos, errs, true
	}
	if len(f.Docs) == 1 {
		body = f.Docs[0].Body
	}
	if body == nil {
		for _, k := range required {
			errs.Add(Errorf(file, lineOffset+1, 1, "missing required field %q", k))
		}
		return pos, errs, true
	}
	w := walker{file: file, off: lineOffset, pos: pos, suggested: map[string]bool{}}
	w.walk(body, reflect.TypeOf(v), "")
	errs = append(errs, w.errs...)
	// NodeToValue ignores unknown keys (reported above), so type errors
	// in the known ones are reported in the same pass.
	whole := true
	var pe *panicError
	if err := nodeToValue(body, v); errors.As(err, &pe) {
		whole = false
		p := pos[""]
		if pe.tag != nil {
			tp := pe.tag.GetToken().Position
			p = Pos{Line: tp.Line + lineOffset, Col: tp.Column}
		}
		errs.Add(Errorf(file, p.Line, p.Col, "%v", err))
	} else if err != nil {
		errs.Add(yamlError(file, lineOffset, err, "give the value the type the field expects"))
	}
	for _, k := range required {
		if _, ok := pos[k+":"]; !ok && !w.suggested[k] {
			errs.Add(Errorf(file, lineOffset+1, 1, "missing required field %q; add it to the front matter", k))
		}
	}
	return pos, errs, whole
}

// nodeToValue is yaml.NodeToValue with a panic of the library turned into
// an error: v1.19.2 panics on a tag on a scalar where a list or mapping is
// expected (goccy/go-yaml#735, fixed upstream but not yet released), which
// would stop a whole build with a stack trace instead of naming the file.
func nodeToValue(n ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			pe := &panicError{}
			ast.Walk(tagFinder{&pe.tag}, n)
			err = pe
		}
	}()
	return yaml.NodeToValue(n, v)
}

// A panicError is a panic of the YAML library while decoding, with the
// first tagged value, which is what makes v1.19.2 panic.
type panicError struct{ tag *ast.TagNode }

func (e *panicError) Error() string {
	if e.tag != nil {
		return fmt.Sprintf("the YAML library cannot read the tag %s here; remove it (Dossier's fields take no tags)", e.tag.Start.Value)
	}
	return "the YAML library failed on this front matter; remove any tag (such as !x) from its values"
}

// tagFinder is an ast.Visitor that finds the first tagged node.
type tagFinder struct{ found **ast.TagNode }

func (f tagFinder) Visit(n ast.Node) ast.Visitor {
	if *f.found != nil {
		return nil
	}
	if t, ok := n.(*ast.TagNode); ok {
		*f.found = t
		return nil
	}
	return f
}

// definedAtRE matches where goccy/go-yaml says a duplicated key was first given.
var definedAtRE = regexp.MustCompile(`already defined at \[([0-9]+:[0-9]+)\]`)

func yamlError(file string, off int, err error, hint string) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		msg := strings.TrimSpace(ye.GetMessage())
		// The library names the first of two equal keys by its place in
		// the YAML it was given, which is not the file's when off > 0.
		if definedAtRE.MatchString(msg) {
			hint = "keep one of them"
		}
		msg = definedAtRE.ReplaceAllStringFunc(msg, func(m string) string {
			var line, col int
			fmt.Sscanf(definedAtRE.FindStringSubmatch(m)[1], "%d:%d", &line, &col)
			return fmt.Sprintf("already defined at line %d, column %d", line+off, col)
		})
		return Errorf(file, p.Line+off, p.Column, "%s (%s)", msg, hint)
	}
	return Errorf(file, off+1, 0, "%v (%s)", err, hint)
}

type walker struct {
	file      string
	off       int
	pos       Positions
	errs      List
	suggested map[string]bool // known keys offered for a typo, not reported missing too
}

func (w *walker) mark(path string, n ast.Node) Pos {
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{}
	}
	p := Pos{Line: tk.Position.Line + w.off, Col: tk.Position.Column}
	w.pos[path] = p
	return p
}

// walk records positions and reports keys that t does not declare.
func (w *walker) walk(n ast.Node, t reflect.Type, path string) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n == nil || t == nil {
		return
	}
	if path != "" {
		w.mark(path, n)
	}
	switch n := n.(type) {
	case *ast.TagNode:
		w.walk(n.Value, t, path)
	case *ast.AnchorNode:
		w.walk(n.Value, t, path)
	case *ast.MappingValueNode:
		w.walkPair(n, t, path)
	case *ast.MappingNode:
		for _, mv := range n.Values {
			w.walkPair(mv, t, path)
		}
	case *ast.SequenceNode:
		if t.Kind() != reflect.Slice {
			return // NodeToValue reports the type error
		}
		for i, el := range n.Values {
			n.Values[i] = asText(el, t.Elem())
			w.walk(n.Values[i], t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	}
}

func (w *walker) walkPair(mv *ast.MappingValueNode, t reflect.Type, path string) {
	// A quoted key is the same key as a plain one: its value, not its text.
	key := strings.TrimSpace(mv.Key.String())
	if k, ok := mv.Key.(*ast.StringNode); ok {
		key = k.Value
	}
	child := key
	if path != "" {
		child = path + "." + key
	}
	kp := w.mark(child+":", mv.Key)
	switch t.Kind() {
	case reflect.Map:
		mv.Value = asText(mv.Value, t.Elem())
		w.walk(mv.Value, t.Elem(), child)
	case reflect.Struct:
		ft, ok := fieldType(t, key)
		if !ok {
			msg := fmt.Sprintf("unknown field %q", key)
			if s := suggest(key, fieldNames(t)); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
				if path == "" {
					w.suggested[s] = true
				}
			} else {
				msg += fmt.Sprintf("; known fields: %s", strings.Join(fieldNames(t), ", "))
			}
			w.errs.Add(Errorf(w.file, kp.Line, kp.Col, "%s", msg))
			return
		}
		mv.Value = asText(mv.Value, ft)
		w.walk(mv.Value, ft, child)
	}
}

// asText returns n, a value for a field of type t, as a string node
// holding its text as written when t is a string and n a plain number,
// boolean or infinity (or a scalar tagged !!str): the library would store
// its value, so that "title: 1.10" became "1.1", 007 "7" and 0x10 "16",
// even under !!str. A Dossier field that is a string is text, which the
// site shows as the author wrote it. A null stays a null (an empty
// string); an anchored value is converted in place, so its aliases read
// the same text.
func asText(n ast.Node, t reflect.Type) ast.Node {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.String {
		return n
	}
	switch v := n.(type) {
	case *ast.AnchorNode:
		v.Value = asText(v.Value, t)
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return textNode(v.GetToken())
	case *ast.TagNode:
		if v.Start.Value != "!!str" && v.Start.Value != "tag:yaml.org,2002:str" {
			return n
		}
		switch inner := v.Value.(type) {
		case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode, *ast.NullNode, *ast.StringNode:
			if s, ok := inner.(*ast.StringNode); ok {
				return s
			}
			return textNode(inner.GetToken())
		}
	}
	return n
}

// textNode is a plain string node with tk's text, at tk's position.
func textNode(tk *token.Token) *ast.StringNode {
	c := *tk
	c.Type = token.StringType
	return ast.String(&c)
}

func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name == key && name != "-" {
			return f.Type, true
		}
	}
	return nil, false
}

func fieldNames(t reflect.Type) []string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// suggest returns the known name closest to key when it is a likely typo.
func suggest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(key, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// SplitFrontMatter splits a Markdown source into its YAML front matter and
// body. It returns the line on which the body starts.
func SplitFrontMatter(file string, src []byte) (yml, body []byte, bodyLine int, err error) {
	if bytes.Contains(src, []byte("\r\n")) { // ReplaceAll copies even when nothing matches
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	if bytes.HasPrefix(src, []byte(bom)) {
		return nil, nil, 0, bomError(file)
	}
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, 0, Errorf(file, 1, 1, "no front matter: the file must start with a line \"---\", then YAML, then a line \"---\"")
	}
	rest := src[4:]
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \t")) == "---" {
			next := len(rest)
			if end >= 0 {
				next = off + end + 1
			}
			return rest[:off], rest[next:], line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 0, Errorf(file, 1, 1, "front matter is not closed: add a line \"---\" after the YAML")
}

// Suggest returns the name of names closest to key when key looks like a
// typo of it, else "": for "did you mean" in errors found after loading.
func Suggest(key string, names []string) string { return suggest(key, names) }

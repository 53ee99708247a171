package site

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"dossier/internal/content"
)

// A verb is one use of an argument by a format string: "%[2]s" is
// argument 2 as text.
type verb struct {
	arg int  // 1-based
	c   byte // the verb's letter; '*' for a width or precision read from the argument
}

// verbKinds names what an argument must be for a verb: a translation may
// use another verb of the same kind (%x for %d), or %v for any.
var verbKinds = map[byte]string{
	'd': "a number", 'b': "a number", 'o': "a number", 'O': "a number", 'x': "a number", 'X': "a number", 'c': "a number", 'U': "a number", '*': "a number",
	'e': "a decimal", 'E': "a decimal", 'f': "a decimal", 'F': "a decimal", 'g': "a decimal", 'G': "a decimal",
	's': "text", 'q': "text",
	't': "true or false",
	'v': "any value",
}

// parseVerbs returns the verbs of format as fmt reads them, whether it
// numbers its arguments ("%[2]s"), and what is wrong with it ("" if
// nothing): a lone '%' at the end, an unknown verb, a bad index.
func parseVerbs(format string) (vs []verb, numbered bool, bad string) {
	arg := 1
	index := func(i int) (int, bool) { // reads "[n]" at format[i], if any
		if i >= len(format) || format[i] != '[' {
			return i, true
		}
		end := strings.IndexByte(format[i:], ']')
		n, err := strconv.Atoi(format[i+1 : i+max(end, 1)])
		if end < 0 || err != nil || n < 1 {
			return i, false
		}
		arg, numbered = n, true
		return i + end + 1, true
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		ok := true
		for part := 0; part < 2 && ok; part++ { // the width, then the precision
			if i, ok = index(i); !ok {
				break
			}
			if i < len(format) && format[i] == '*' {
				vs = append(vs, verb{arg, '*'})
				arg++
				i++
			}
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
			if part == 0 && i < len(format) && format[i] == '.' {
				i++
			} else {
				break
			}
		}
		if ok {
			i, ok = index(i)
		}
		if !ok {
			return vs, numbered, "an argument index that is not [1], [2], …"
		}
		if i >= len(format) {
			return vs, numbered, "a lone % at the end (write %% for a percent sign)"
		}
		if format[i] == '%' {
			continue
		}
		if _, known := verbKinds[format[i]]; !known {
			r, _ := utf8.DecodeRuneInString(format[i:])
			return vs, numbered, fmt.Sprintf("an unknown verb %%%c (write %%%% for a percent sign)", r)
		}
		vs = append(vs, verb{arg, format[i]})
		arg++
	}
	return vs, numbered, ""
}

// verbMismatch is what is wrong with a translation's verbs against the
// English text's, or "". Both must use the same arguments, each as the
// same kind of value; a translation that numbers its arguments may leave
// one out (a singular need not print its count), as fmt allows.
func verbMismatch(text, english string) string {
	vs, numbered, bad := parseVerbs(text)
	if bad != "" {
		return "it has " + bad
	}
	want, _, _ := parseVerbs(english)
	kinds := map[int]string{}
	for _, v := range want {
		if k := kinds[v.arg]; k == "" || k == "any value" {
			kinds[v.arg] = verbKinds[v.c]
		}
	}
	used := map[int]bool{}
	for _, v := range vs {
		k, ok := kinds[v.arg]
		switch {
		case !ok:
			return fmt.Sprintf("it uses argument %d, and there are only %d", v.arg, len(kinds))
		case v.c != 'v' && k != "any value" && verbKinds[v.c] != k:
			return fmt.Sprintf("%%%c takes argument %d as %s, and it is %s", v.c, v.arg, verbKinds[v.c], k)
		}
		used[v.arg] = true
	}
	for a := 1; a <= len(kinds); a++ {
		if !used[a] && !numbered {
			return fmt.Sprintf("it leaves out argument %d (leave one out only with numbered verbs, as in %%[2]s)", a)
		}
	}
	return ""
}

// describeVerbs lists the arguments of an English text for an error:
// "%d (a number)", "%[1]d (a number), %[2]s (text)".
func describeVerbs(english string) string {
	vs, _, _ := parseVerbs(english)
	seen := map[int]bool{}
	var parts []string
	for _, v := range vs {
		if seen[v.arg] {
			continue
		}
		seen[v.arg] = true
		parts = append(parts, fmt.Sprintf("%%[%d]%c (%s)", v.arg, v.c, verbKinds[v.c]))
	}
	sort.Strings(parts)
	if len(parts) == 1 {
		return strings.Replace(parts[0], "[1]", "", 1)
	}
	return strings.Join(parts, ", ")
}

// checkVerbs reports every text of the site's strings table whose verbs
// do not fit the arguments its key is given, at the text's line and
// column: the English text of the key (the default table's, else the
// site's own English) says which those are. A text whose English has no
// verbs is shown as written, so it is not checked.
func checkVerbs(english map[string]string, site stringsTable) content.List {
	file := path.Join(ThemeDir, StringsFile)
	var errs content.List
	for _, code := range sortedKeys(site.langs) {
		for _, key := range sortedKeys(site.langs[code]) {
			ref, ok := english[key]
			if !ok {
				if plural, isOne := strings.CutSuffix(key, ".one"); isOne {
					ref, ok = english[plural]
				}
			}
			if !ok && code != defaultLang {
				ref, ok = site.langs[defaultLang][key]
			}
			if vs, _, _ := parseVerbs(ref); !ok || len(vs) == 0 {
				continue
			}
			text := site.langs[code][key]
			if why := verbMismatch(text, ref); why != "" {
				p := site.pos.At(code + "." + key)
				errs.Add(content.Errorf(file, p.Line, p.Col, "%s %q for language %q does not fit its arguments: %s; the English %q takes %s: use those verbs (in any order, numbered as %%[2]s)", key, text, code, why, ref, describeVerbs(ref)))
			}
		}
	}
	return errs
}

package content

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// An Error is a problem with one source file, at a line and column where known.
type Error struct {
	File string // slash-separated path from the site root, e.g. "content/articles/x.md"
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errorf returns an *Error at file:line:col.
func Errorf(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// A List collects the errors of one load or build so that they are
// reported together, sorted by file and position.
type List []error

// Add appends err, flattening another List.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var other List
	if errors.As(err, &other) {
		*l = append(*l, other...)
		return
	}
	*l = append(*l, err)
}

// Err returns the list as an error, sorted, or nil when empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool { return less(l[i], l[j]) })
	return l
}

func (l List) Error() string {
	var b strings.Builder
	for i, err := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

func less(a, b error) bool {
	var ea, eb *Error
	if errors.As(a, &ea) && errors.As(b, &eb) {
		if ea.File != eb.File {
			return ea.File < eb.File
		}
		if ea.Line != eb.Line {
			return ea.Line < eb.Line
		}
		return ea.Col < eb.Col
	}
	return a.Error() < b.Error()
}

// bom is the UTF-8 byte-order mark, which some Windows editors write at
// the start of a file.
const bom = "\ufeff"

// bomError is the error for a file that starts with a byte-order mark:
// YAML would read it into the first key, and a front matter would not be
// found.
func bomError(file string) *Error {
	return Errorf(file, 1, 1, "the file starts with a byte-order mark; remove the byte-order mark (save the file as UTF-8 without BOM)")
}

// CheckText reports a source file that is not plain UTF-8 text: one that
// starts with a byte-order mark, or holds bytes that are not UTF-8, which
// would be published as they are. The error names the first bad byte's
// line and column (in characters); firstLine is the line src starts on in
// the file.
func CheckText(file string, src []byte, firstLine int) error {
	if firstLine <= 1 && bytes.HasPrefix(src, []byte(bom)) {
		return bomError(file)
	}
	if utf8.Valid(src) {
		return nil
	}
	line, col := firstLine, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return Errorf(file, line, col, "the text is not UTF-8 (byte 0x%02X); convert the file to UTF-8", src[i])
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}

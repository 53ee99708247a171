package content

import (
	"errors"
	"fmt"
	"sort"
	"strings"
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

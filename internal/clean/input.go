package clean

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Kind is the kind of a raw input.
type Kind int

const (
	KindText Kind = iota // plain text copied from a browser
	KindHTML             // a saved web page
)

// maxInput bounds a raw file, and what it may decompress to, so that a
// hostile gzip cannot fill the memory. What is read is then capped again:
// a page's markup by maxMarkup, copied text by maxText.
const maxInput = 64 << 20

// maxText bounds copied text: an article's text is a few hundred KiB at
// most, and past this it is not a copy of one article.
const maxText = 1 << 20

// Decode undoes gzip (by its magic number, whatever the name) and tells
// text from HTML by the name (.html, .htm, with or without .gz) or, failing
// that, by the content.
func Decode(name string, raw []byte) ([]byte, Kind, error) {
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, 0, fmt.Errorf("gzip: %w", err)
		}
		data, err := io.ReadAll(io.LimitReader(zr, maxInput+1))
		if err != nil {
			return nil, 0, fmt.Errorf("gzip: %w", err)
		}
		if len(data) > maxInput {
			return nil, 0, &TooLargeError{What: "the file, uncompressed,", Limit: maxInput}
		}
		raw = data
	}
	base := strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(base) {
	case ".html", ".htm", ".xhtml":
		return raw, KindHTML, nil
	case ".txt", ".text", ".md":
		return raw, KindText, nil
	}
	head := strings.ToLower(string(bytes.TrimLeft(raw[:min(len(raw), 512)], " \t\r\n\uFEFF")))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<html") {
		return raw, KindHTML, nil
	}
	return raw, KindText, nil
}

// checkText rejects what is not text: nothing at all, binary data, or bytes
// that are not UTF-8.
func checkText(raw []byte) error {
	if len(bytes.TrimSpace(raw)) == 0 {
		return ErrEmpty
	}
	if len(raw) > maxText {
		return &TooLargeError{What: "the text", Limit: maxText}
	}
	if isBinary(raw) {
		return ErrBinary
	}
	if !utf8.Valid(raw) {
		return ErrNotUTF8
	}
	return nil
}

// isBinary looks for what text never holds: NUL bytes, or many control
// characters, in the first 8 KiB.
func isBinary(raw []byte) bool {
	head := raw[:min(len(raw), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*20 > len(head)
}

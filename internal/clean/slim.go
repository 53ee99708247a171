package clean

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// A saved page's weight is mostly what holds no article text: scripts
// (a framework's state, often megabytes of JSON), styles, SVG drawings and
// images inlined as data: URIs. slimHTML streams the page through the
// tokenizer once and drops those contents before the page is parsed into
// a tree, which go-trafilatura then copies several times; what remains,
// the markup that can hold text, is what the cap bounds. JSON-LD scripts
// stay whole: they carry the metadata (headline, author, date). Only a page
// larger than the cap is slimmed, so a page's other scripts, where the date
// extractor may find a date, are lost only on pages that would otherwise
// be refused.

// maxMarkup bounds the markup left after slimHTML. Of 711 real article
// pages the largest holds 0.7 MiB of it, the median 90 KiB. The cost of an
// import grows faster than the markup (go-trafilatura joins the text of
// every paragraph once per candidate, quadratic in the paragraphs, which
// joinParagraphs only softens): 1 MiB of dense paragraphs takes about a
// second. Past the cap the import is refused with advice, rather than
// taking minutes and gigabytes.
const maxMarkup = 1 << 20

// maxAttr is the longest attribute value kept whole. A longer data: URI
// (an inlined image or font) is cut to its header, and a longer value of an
// attribute that holds no text or address (SVG path data, srcset lists,
// inline styles, data-* state) is emptied.
const maxAttr = 1024

// bulky reports whether attribute key with value v is dead weight for the
// importer.
func bulky(key, v string) bool {
	if len(v) <= maxAttr {
		return false
	}
	switch {
	case strings.HasPrefix(strings.TrimSpace(strings.ToLower(v[:16])), "data:"):
		return true
	case key == "d", key == "points", key == "srcset", key == "style", strings.HasPrefix(key, "data-"):
		return true
	}
	return false
}

// TooLargeError is returned for input past one of the importer's caps.
type TooLargeError struct {
	What  string // what is too large, e.g. "the page's markup (scripts, styles and inlined images not counted)"
	Limit int64  // the cap in bytes
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is more than the importer's limit of %d MiB: copy the article's text from the browser into a .txt file and import that", e.What, e.Limit>>20)
}

// slimHTML returns the page with the contents of scripts (except JSON-LD),
// styles, SVG drawings and comments removed and long data: URIs cut, or
// a TooLargeError once what remains passes maxMarkup.
func slimHTML(raw []byte) ([]byte, error) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	out := bytes.NewBuffer(make([]byte, 0, min(len(raw), 1<<20)))
	skip := "" // the raw-text element whose contents are being dropped
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if skip != "" {
			// The tokenizer reads a script or style as raw text up to its
			// end tag, as the parser does, so the end tag always comes.
			if tt == html.EndTagToken {
				skip = ""
				out.Write(z.Raw())
			}
			continue
		}
		switch tt {
		case html.CommentToken:
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
			raw := append([]byte(nil), z.Raw()...)
			tok := z.Token()
			cut := false
			for i, a := range tok.Attr {
				if bulky(a.Key, a.Val) {
					// A data: URI keeps its header ("data:image/png;base64,").
					tok.Attr[i].Val = ""
					if strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val[:16])), "data:") {
						tok.Attr[i].Val = a.Val[:strings.IndexByte(a.Val, ',')+1]
					}
					cut = true
				}
			}
			if cut {
				out.WriteString(tok.String())
			} else {
				out.Write(raw)
			}
			if tt == html.StartTagToken {
				switch tok.Data {
				case "script":
					if !isJSONLD(tok) {
						skip = "script"
					}
				case "style":
					skip = tok.Data
				}
			}
		default:
			out.Write(z.Raw())
		}
		if out.Len() > maxMarkup {
			return nil, &TooLargeError{What: "the page's markup (scripts, styles and inlined images not counted)", Limit: maxMarkup}
		}
	}
	return out.Bytes(), nil
}

func isJSONLD(t html.Token) bool {
	for _, a := range t.Attr {
		if a.Key == "type" && strings.Contains(strings.ToLower(a.Val), "ld+json") {
			return true
		}
	}
	return false
}

package clean

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// writeExplain prints, for a person to check, every block that left the body:
// the removed ones with their reason, and those moved to the front matter.
func writeExplain(w io.Writer, rep *Report) {
	for _, b := range rep.Blocks {
		switch b.Role {
		case RoleBody:
			continue
		case RoleRemoved:
			fmt.Fprintf(w, "  removed block %d (line %d), %s: %s\n", b.N, b.Line, b.Explain(), quote(b.Text))
		default:
			fmt.Fprintf(w, "  block %d (line %d) is the %s: %s\n", b.N, b.Line, b.Role, quote(b.Text))
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	kept := 0
	for _, b := range rep.Blocks {
		if b.Role == RoleBody {
			kept++
		}
	}
	fmt.Fprintf(w, "  kept %d of %d blocks as the body\n", kept, len(rep.Blocks))
}

// quote shortens a block to one readable line.
func quote(s string) string {
	s = strings.ReplaceAll(s, "\n", " ⏎ ")
	const max = 100
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

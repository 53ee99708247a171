package timeline

import (
	"strings"
	"testing"
)

// TestHostileTimelines: bytes that are not plain UTF-8 text, and keys
// given twice, are reported at their line in the timeline file.
func TestHostileTimelines(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"byte-order mark", "\ufeff" + good,
			"content/timelines/t.yaml:1:1: the file starts with a byte-order mark; remove the byte-order mark (save the file as UTF-8 without BOM)"},
		{"not UTF-8", strings.Replace(good, `place: "There"`, "place: \"Th\xe8re\"", 1),
			"content/timelines/t.yaml:16:15: the text is not UTF-8 (byte 0xE8); convert the file to UTF-8"},
		{"duplicate key", strings.Replace(good, `    place: "There"`, "    place: \"There\"\n    place: \"Again\"", 1),
			`content/timelines/t.yaml:17:5: mapping key "place" already defined at line 16, column 5 (keep one of them)`},
	}
	for _, tt := range tests {
		_, errs := Parse(file, []byte(tt.src), articles())
		if got := errs.Err(); got == nil || got.Error() != tt.want {
			t.Errorf("%s: got\n%v\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// TestTimelineStringsAsWritten: a label or a name that YAML reads as a
// number keeps its text.
func TestTimelineStringsAsWritten(t *testing.T) {
	src := strings.Replace(good, `label: "Two"`, "label: 1.10", 1)
	src = strings.Replace(src, `name: "Event two"`, "name: !!str 0x10", 1)
	src = strings.Replace(src, `place: "There"`, "place: 007", 1)
	tl, errs := Parse(file, []byte(src), articles())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	e := tl.Events[1]
	if e.Label != "1.10" || e.Name != "0x10" || e.Place != "007" {
		t.Errorf("label %q, name %q, place %q; want 1.10, 0x10, 007", e.Label, e.Name, e.Place)
	}
}

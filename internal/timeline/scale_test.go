package timeline

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"dossier/internal/content"
)

// synthetic builds a timeline's scale from events and context marks given
// as days from a start date, with labels of the given lengths.
func synthetic(events, context []int, label func(i int) string) *Scale {
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	date := func(d int) When {
		t := base.AddDate(0, 0, d)
		return When{Parsed: content.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}}
	}
	tl := &Timeline{}
	n := 0
	for _, d := range events {
		tl.Events = append(tl.Events, &Event{ID: fmt.Sprintf("e%d", n), Label: label(n), When: date(d)})
		n++
	}
	for _, d := range context {
		tl.Entries = append(tl.Entries, &Entry{ID: fmt.Sprintf("c%d", n), Scale: label(n), When: date(d)})
		n++
	}
	s := newScale(tl)
	s.Lay(english, content.Date.Human)
	return s
}

// english is the gap's label as the default theme words it.
func english(n int) string { return fmt.Sprintf("%d days", n) }

// checkLayout asserts, at widths from the layout's least to four times
// it, that no two labels intersect, every label is inside the drawing,
// and no two markers overlap.
func checkLayout(t *testing.T, name string, lo *Layout) {
	t.Helper()
	for _, k := range []float64{1, 1.37, 2, 4} {
		w := lo.MinWidth * k
		boxes := lo.Boxes(w)
		for i, a := range boxes {
			if a[0] < -0.01 || a[2] > w+0.01 || a[1] < 0 || a[3] > float64(lo.Height) {
				t.Errorf("%s %s at %.0fpx: label %d %v is outside the drawing (%.0f × %v)", name, lo.Class, w, i, a, w, lo.Height)
			}
			for j := i + 1; j < len(boxes); j++ {
				b := boxes[j]
				if a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] {
					t.Errorf("%s %s at %.0fpx: labels %d %v and %d %v overlap", name, lo.Class, w, i, a, j, b)
				}
			}
		}
		for i := 1; i < len(lo.Marks); i++ {
			x0, x1 := float64(lo.Marks[i-1].X)*w/100, float64(lo.Marks[i].X)*w/100
			if x1-x0 < 14-0.02 {
				t.Errorf("%s %s at %.0fpx: markers %d and %d are %.1fpx apart: they overlap", name, lo.Class, w, i-1, i, x1-x0)
			}
		}
		for _, m := range lo.Marks {
			if m.X < 0 || m.X > 100 {
				t.Errorf("%s %s: marker at %v%%", name, lo.Class, m.X)
			}
		}
	}
}

// TestScaleNoOverlap lays out many synthetic strips, with markers on the
// same day, a few days apart, and at both ends, and labels up to the
// longest the loader accepts.
func TestScaleNoOverlap(t *testing.T) {
	words := strings.Fields("Meeting summit assessment published report released call Mueller Hamburg Osaka interview tweet hearing vote")
	r := rand.New(rand.NewPCG(1, 2))
	label := func(int) string {
		var b strings.Builder
		for {
			w := words[r.IntN(len(words))]
			next := strings.TrimSpace(b.String() + " " + w)
			if TextWidth(next, true, narrowFont) > NarrowMinWidth || b.Len() > 0 && r.IntN(4) == 0 {
				break
			}
			b.Reset()
			b.WriteString(next)
		}
		return b.String()
	}
	fixed := []struct {
		name            string
		events, context []int
	}{
		{"context on the start day", []int{0, 700}, []int{0}},
		{"context 6 days after the start", []int{0, 700}, []int{6}},
		{"context 1 to 6 days apart", []int{0, 700}, []int{1, 2, 3, 4, 5, 6}},
		{"events a day apart", []int{0, 1}, nil},
		{"events on one day", []int{0, 0}, nil},
		{"crowded at the end", []int{0, 700}, []int{694, 695, 698, 700}},
		{"crowded at both ends", []int{3, 697}, []int{0, 1, 2, 698, 699, 700}},
		{"three events close", []int{100, 103, 106}, []int{0, 500}},
	}
	for _, f := range fixed {
		s := synthetic(f.events, f.context, label)
		checkLayout(t, f.name, s.Wide)
		checkLayout(t, f.name, s.Narrow)
	}
	for n := 0; n < 300; n++ {
		var evs, ctx []int
		span := 1 + r.IntN(1500)
		for i := 0; i < 2+r.IntN(3); i++ {
			evs = append(evs, r.IntN(span+1))
		}
		for i := 0; i < r.IntN(8); i++ {
			d := r.IntN(span + 1)
			if r.IntN(3) == 0 && len(ctx) > 0 { // near another: 0–6 days on
				d = min(span, ctx[len(ctx)-1]+r.IntN(7))
			}
			ctx = append(ctx, d)
		}
		s := synthetic(evs, ctx, label)
		name := fmt.Sprintf("random %d (events %v, context %v)", n, evs, ctx)
		checkLayout(t, name, s.Wide)
		checkLayout(t, name, s.Narrow)
	}
}

// TestScaleToScale: markers far apart sit at their dates' share of the
// span, and the gap's bar joins the events' markers.
func TestScaleToScale(t *testing.T) {
	s := synthetic([]int{100, 400}, []int{0}, func(i int) string { return fmt.Sprintf("Mark %d", i) })
	for _, lo := range []*Layout{s.Wide, s.Narrow} {
		want := []Num{0, 25, 100}
		for i, m := range lo.Marks {
			if m.X != want[i] {
				t.Errorf("%s: mark %d at %v%%, want %v%%", lo.Class, i, m.X, want[i])
			}
		}
		if g := lo.Gaps[0]; g.X1 != 25 || g.X2 != 100 || g.Text != "300 days" {
			t.Errorf("%s: gap %+v, want a bar from 25%% to 100%% labelled 300 days", lo.Class, g)
		}
	}
}

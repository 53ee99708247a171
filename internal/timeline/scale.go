package timeline

import (
	"fmt"
	"html"
	"html/template"
	"sort"
	"strings"

	"dossier/internal/content"
)

// A Scale is the strip above the table: the span from the earliest marked
// date to the last event, drawn to scale at build time as inline SVG, so
// it needs no script and prints as it shows.
type Scale struct {
	Start, End content.Date
	Marks      []Mark // by date
	Gaps       []Gap  // between consecutive events
	// Wide is drawn horizontally for wide screens, Narrow vertically for
	// phones, where a horizontal strip would shrink its labels unreadably.
	Wide, Narrow template.HTML
	// Alt is the text alternative of the drawing.
	Alt string
}

// A Mark is one dated point on the strip.
type Mark struct {
	Label  string
	When   When
	Event  bool   // one of the timeline's events, not a context entry
	Anchor string // id on the page of the event's column or the entry
}

// A Gap is the time between two events.
type Gap struct {
	From, To *Event
	Days     int
}

// maxScaleLabel keeps labels inside the phone drawing's 320 units.
const maxScaleLabel = 34

func newScale(t *Timeline) *Scale {
	s := &Scale{}
	for _, e := range t.Events {
		s.Marks = append(s.Marks, Mark{Label: e.Label, When: e.When, Event: true, Anchor: e.ID})
	}
	for _, e := range t.Entries {
		if e.Scale != "" {
			s.Marks = append(s.Marks, Mark{Label: e.Scale, When: e.When, Anchor: e.ID})
		}
	}
	sort.SliceStable(s.Marks, func(i, j int) bool { return s.Marks[i].When.Parsed.Before(s.Marks[j].When.Parsed) })
	s.Start, s.End = s.Marks[0].When.Parsed, s.Marks[len(s.Marks)-1].When.Parsed
	var evs []*Event
	evs = append(evs, t.Events...)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].When.Parsed.Before(evs[j].When.Parsed) })
	for i := 1; i < len(evs); i++ {
		s.Gaps = append(s.Gaps, Gap{From: evs[i-1], To: evs[i], Days: days(evs[i-1].When.Parsed, evs[i].When.Parsed)})
	}
	var alt []string
	alt = append(alt, fmt.Sprintf("A time line drawn to scale from %s to %s.", s.Start.Human(), s.End.Human()))
	for _, m := range s.Marks {
		alt = append(alt, fmt.Sprintf("%s: %s.", m.When.Parsed.Human(), m.Label))
	}
	for _, g := range s.Gaps {
		alt = append(alt, g.Sentence())
	}
	s.Alt = strings.Join(alt, " ")
	s.Wide = s.wide()
	s.Narrow = s.narrow()
	return s
}

// Sentence states the gap in days.
func (g Gap) Sentence() string {
	return fmt.Sprintf("%d days passed between the %s meeting and the %s meeting.", g.Days, g.From.Label, g.To.Label)
}

// span is the position of d on the strip, from 0 to 1.
func (s *Scale) span(d content.Date) float64 {
	total := days(s.Start, s.End)
	if total == 0 {
		return 0
	}
	return float64(days(s.Start, d)) / float64(total)
}

// textWidth estimates the width of a label in drawing units; the strip
// uses the system sans-serif at 14 units, about 0.56 em per character.
func textWidth(s string, bold bool) float64 {
	w := 0.56
	if bold {
		w = 0.6
	}
	return float64(len([]rune(s))) * 14 * w
}

type svgBuf struct{ strings.Builder }

func (b *svgBuf) f(format string, args ...any) { fmt.Fprintf(&b.Builder, format, args...) }

func (s *Scale) open(b *svgBuf, class string, w, h float64) {
	b.f(`<svg class="scale-%s" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, class, w, h, html.EscapeString(s.Alt))
}

func markLabel(m Mark) (string, string) { return m.Label, m.When.Parsed.Human() }

// wide draws the strip horizontally: events labelled above the axis,
// context below, each side in as many lanes as overlapping labels need.
func (s *Scale) wide() template.HTML {
	const W, margin, lane = 720.0, 8.0, 38.0
	x := func(d content.Date) float64 { return margin + 6 + s.span(d)*(W-2*margin-12) }
	type placed struct {
		m       Mark
		x, left float64
		lane    int
	}
	var above, below []placed
	for _, m := range s.Marks {
		l1, l2 := markLabel(m)
		w := max(textWidth(l1, m.Event), textWidth(l2, false))
		px := x(m.When.Parsed)
		left := min(max(px-w/2, margin), W-margin-w)
		p := placed{m: m, x: px, left: left}
		// Lanes: the first one free of overlap with the labels already there.
		side := &below
		if m.Event {
			side = &above
		}
		for ln := 0; ; ln++ {
			free := true
			for _, q := range *side {
				ql1, ql2 := markLabel(q.m)
				qw := max(textWidth(ql1, q.m.Event), textWidth(ql2, false))
				if q.lane == ln && left < q.left+qw+12 && q.left < left+w+12 {
					free = false
				}
			}
			if free {
				p.lane = ln
				break
			}
		}
		*side = append(*side, p)
	}
	lanes := func(ps []placed) int {
		n := 0
		for _, p := range ps {
			n = max(n, p.lane+1)
		}
		return n
	}
	axis := 12 + float64(lanes(above))*lane + 14
	h := axis + 16 + float64(lanes(below))*lane + 4
	var b svgBuf
	s.open(&b, "wide", W, h)
	b.f(`<line class="scale-axis" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, margin, axis, W-margin, axis)
	for _, g := range s.Gaps {
		x1, x2 := x(g.From.When.Parsed), x(g.To.When.Parsed)
		b.f(`<line class="scale-gap" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x1, axis, x2, axis)
		b.f(`<text class="scale-days" x="%.1f" y="%.1f" text-anchor="middle">%d days</text>`, (x1+x2)/2, axis+20, g.Days)
	}
	draw := func(p placed, up bool) {
		l1, l2 := markLabel(p.m)
		var y1 float64 // baseline of the first line
		if up {
			y1 = axis - 14 - float64(p.lane)*lane - 17
			b.f(`<line class="scale-tick" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, p.x, axis, p.x, y1+22)
		} else {
			y1 = axis + 16 + float64(p.lane)*lane + 14
			b.f(`<line class="scale-tick" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, p.x, axis, p.x, y1-12)
		}
		s.marker(&b, p.m, p.x, axis)
		b.f(`<text x="%.1f" y="%.1f"><tspan class="%s">%s</tspan><tspan class="scale-date" x="%.1f" dy="17">%s</tspan></text>`,
			p.left, y1, labelClass(p.m), html.EscapeString(l1), p.left, html.EscapeString(l2))
	}
	for _, p := range above {
		draw(p, true)
	}
	for _, p := range below {
		draw(p, false)
	}
	b.f(`</svg>`)
	return template.HTML(b.String())
}

// narrow draws the strip vertically for phones: time runs down, labels
// sit to the right and are pushed down (with a leader) when they crowd.
func (s *Scale) narrow() template.HTML {
	const W, top, length, axisX, textX, block = 320.0, 16.0, 420.0, 28.0, 50.0, 40.0
	y := func(d content.Date) float64 { return top + 6 + s.span(d)*length }
	type item struct {
		m      *Mark
		gap    *Gap
		at, ly float64 // position on the axis, baseline of the label
	}
	var items []item
	for i := range s.Marks {
		items = append(items, item{m: &s.Marks[i], at: y(s.Marks[i].When.Parsed)})
	}
	for i := range s.Gaps {
		g := &s.Gaps[i]
		items = append(items, item{gap: g, at: (y(g.From.When.Parsed) + y(g.To.When.Parsed)) / 2})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].at < items[j].at })
	next := 0.0
	for i := range items {
		it := &items[i]
		it.ly = max(it.at+5, next+14)
		next = it.ly + block - 14
		if it.gap != nil {
			next = it.ly + 12
		}
	}
	h := max(top+length+12, next+8)
	var b svgBuf
	s.open(&b, "narrow", W, h)
	b.f(`<line class="scale-axis" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, axisX, top, axisX, top+length+12)
	for _, g := range s.Gaps {
		b.f(`<line class="scale-gap" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, axisX, y(g.From.When.Parsed), axisX, y(g.To.When.Parsed))
	}
	for _, it := range items {
		if it.gap != nil {
			b.f(`<text class="scale-days" x="%.1f" y="%.1f">%d days between the meetings</text>`, textX, it.ly, it.gap.Days)
			continue
		}
		b.f(`<polyline class="scale-tick" points="%.1f,%.1f %.1f,%.1f %.1f,%.1f"/>`, axisX, it.at, axisX+10, it.at, textX-4, it.ly-5)
		s.marker(&b, *it.m, axisX, it.at)
		l1, l2 := markLabel(*it.m)
		b.f(`<text x="%.1f" y="%.1f"><tspan class="%s">%s</tspan><tspan class="scale-date" x="%.1f" dy="17">%s</tspan></text>`,
			textX, it.ly, labelClass(*it.m), html.EscapeString(l1), textX, html.EscapeString(l2))
	}
	b.f(`</svg>`)
	return template.HTML(b.String())
}

// marker draws events as filled discs and context as open diamonds, so
// the two kinds differ by shape, not by colour alone.
func (s *Scale) marker(b *svgBuf, m Mark, x, y float64) {
	if m.Event {
		b.f(`<circle class="scale-event" cx="%.1f" cy="%.1f" r="7"/>`, x, y)
		return
	}
	b.f(`<path class="scale-context" d="M%.1f %.1fl6 6l-6 6l-6-6z"/>`, x, y-6)
}

func labelClass(m Mark) string {
	if m.Event {
		return "scale-label scale-label-event"
	}
	return "scale-label"
}

package timeline

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"dossier/internal/content"
)

// A Scale is the strip above the table: the span from the earliest marked
// date to the last event, laid out to scale at build time and drawn as
// inline SVG by the theme (templates/timeline.html), so it needs no
// script, prints as it shows, and a theme can restyle it.
type Scale struct {
	Start, End content.Date
	Marks      []Mark // by date
	Gaps       []Gap  // between consecutive events
	// Wide is laid out for wide screens, Narrow for phones, where the
	// labels need more lanes.
	Wide, Narrow *Layout
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
	// Sentence is the timeline's gap_sentence with its placeholders
	// filled in, or "" for the theme's neutral wording.
	Sentence string
}

// A Layout is the geometry of one drawing of the strip. The drawing is as
// wide as its container (width="100%"): horizontal positions are fractions
// of the width (Pct, 0 to 100) plus offsets in pixels (DX), while the text
// keeps its size. The layout is made for the narrowest width it is shown
// at, MinWidth: labels that do not overlap there do not overlap at any
// greater width, since every label's edges are at a fraction of the width
// plus a constant, and a label right of another never has a smaller
// fraction (see fits). Vertical positions are in pixels.
type Layout struct {
	Class    string  // "wide" or "narrow": the drawing's CSS class is scale-<Class>
	MinWidth float64 // px: the narrowest width the drawing is shown at
	FontSize float64 // px, which the estimated label widths assume: the drawing's font-size
	Height   Num     // px
	Axis     Num     // y of the axis
	Marks    []PlacedMark
	Gaps     []PlacedGap
	Scale    *Scale // the strip, for the drawing's text alternative
}

// A PlacedMark is a mark with its marker and its two-line label (the
// label, then the date) placed.
type PlacedMark struct {
	Mark
	Date   string // the date as the label gives it
	X      Num    // the marker's position, in % of the width
	LabelX Num    // the label's anchor, in % of the width
	DX     Num    // px added to LabelX
	Anchor string // text-anchor of the label: start, end
	Y      Num    // baseline of the label's first line
	Y2     Num    // baseline of its second line, the date
	// TickY is where the tick from the axis to the label ends.
	TickY Num

	box box
}

// A PlacedGap is a gap with its bar and its label ("721 days").
type PlacedGap struct {
	Gap
	Text      string // the label
	X1, X2, X Num    // the bar's ends and the label's centre, in % of the width
	Y         Num    // the label's baseline
	box       box
}

// A Num is a coordinate, printed with at most two decimals, so the
// drawing's markup stays short and deterministic.
type Num float64

func (n Num) String() string {
	return strconv.FormatFloat(math.Round(float64(n)*100)/100, 'f', -1, 64)
}

// The drawing's measures, in px. Labels are two lines of lineH; lanes of
// labels stack away from the axis, lanePitch apart.
const (
	markerSep = 16.0 // least distance between two markers' centres (a disc has r=7)
	labelDX   = 5.0  // from a tick to the label beside it
	labelPad  = 12.0 // least room between two labels side by side
	tickPad   = 3.0  // a tick passing a label keeps this clear of it
	lineH     = 17.0
	boxH      = 2 * lineH
	lanePitch = boxH + 6
	axisRoom  = 12.0 // between the axis and the nearest lane
	edge      = 4.0  // above the top lane and below the bottom one
)

// The widths the drawings are laid out for: the theme shows the narrow one
// below 40em (640px), where the page's column is at least 320 - 32 px
// wide, and the wide one from 640px, where it is at least 640 - 32 px.
// The drawing's box has 8px of padding each side (markers at the ends
// reach into it).
const (
	NarrowMinWidth = 320 - 32 - 16
	WideMinWidth   = 640 - 32 - 16
	narrowFont     = 13.0
	wideFont       = 14.0
)

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
		g := Gap{From: evs[i-1], To: evs[i], Days: days(evs[i-1].When.Parsed, evs[i].When.Parsed)}
		g.Sentence = gapSentence(t.GapSentence, g)
		s.Gaps = append(s.Gaps, g)
	}
	return s
}

// Lay lays the strip out with its words in the page's language: gap gives
// a gap's label ("721 days"), date a mark's date ("7 July 2017"). The
// words come with the geometry, since their widths decide where the
// labels go; Wide and Narrow are nil until the strip is laid out.
func (s *Scale) Lay(gap func(days int) string, date func(content.Date) string) {
	s.Wide = s.layout("wide", WideMinWidth, wideFont, gap, date)
	s.Narrow = s.layout("narrow", NarrowMinWidth, narrowFont, gap, date)
}

// gapPlaceholders are what a timeline's gap_sentence may say.
var gapPlaceholders = []string{"{days}", "{from}", "{to}"}

// gapSentence fills in the timeline's wording of a gap: "{days} days
// between the {from} meeting and the {to} meeting".
func gapSentence(wording string, g Gap) string {
	if wording == "" {
		return ""
	}
	return strings.NewReplacer("{days}", strconv.Itoa(g.Days), "{from}", g.From.Label, "{to}", g.To.Label).Replace(wording)
}

// span is the position of d on the strip, from 0 to 1.
func (s *Scale) span(d content.Date) float64 {
	total := days(s.Start, s.End)
	if total == 0 {
		return 0.5
	}
	return float64(days(s.Start, d)) / float64(total)
}

// A box is a label's extent: its left edge is at A·width + B px, its
// right edge W px further; its top and bottom are in px.
type box struct {
	A, B, W     float64
	Top, Bottom float64
}

func (b box) left(width float64) float64  { return b.A*width + b.B }
func (b box) right(width float64) float64 { return b.left(width) + b.W }

// Rect is the box at the given drawing width: left, top, right, bottom.
func (b box) Rect(width float64) [4]float64 {
	return [4]float64{b.left(width), b.Top, b.right(width), b.Bottom}
}

// fits reports whether b and c can share a lane: apart by labelPad at the
// layout's width, and the right one's fraction no less than the left
// one's, so that they stay apart at every greater width.
func fits(b, c box, width float64) bool {
	if b.left(width) > c.left(width) {
		b, c = c, b
	}
	return b.right(width)+labelPad <= c.left(width) && c.A >= b.A
}

// crosses reports whether a tick at fraction f of the width passes
// through b (or within tickPad of it) at the layout's width or any greater
// one: the tick is at f·w px, b's left edge at A·w + B.
func crosses(f float64, b box, width float64) bool {
	g := (f - b.A) * width // the tick from b's left edge, less B, at this width; it grows with w when f > A
	lo, hi := b.B-tickPad, b.B+b.W+tickPad
	switch {
	case f == b.A:
		return lo < 0 && 0 < hi
	case f > b.A:
		return g < hi
	default:
		return g > lo
	}
}

// lanes holds the labels of one side of the axis, lane by lane (0 is
// next to the axis).
type lanes struct {
	boxes [][]box
	ticks [][]float64 // the fractions of the ticks reaching each lane's labels
}

// free reports whether lane k takes b, whose tick (at fraction f, or -1
// for none) crosses the nearer lanes; strict also keeps b clear of the
// ticks that cross it to reach the farther lanes.
func (l *lanes) free(k int, b box, f, width float64, strict bool) bool {
	if k < len(l.boxes) {
		for _, c := range l.boxes[k] {
			if !fits(b, c, width) {
				return false
			}
		}
	}
	if !strict {
		return true
	}
	for j := 0; j < len(l.boxes); j++ {
		if j < k && f >= 0 {
			for _, c := range l.boxes[j] {
				if crosses(f, c, width) {
					return false
				}
			}
		}
		if j > k {
			for _, tf := range l.ticks[j] {
				if crosses(tf, b, width) {
					return false
				}
			}
		}
	}
	return true
}

func (l *lanes) add(k int, b box, f float64) {
	for len(l.boxes) <= k {
		l.boxes = append(l.boxes, nil)
		l.ticks = append(l.ticks, nil)
	}
	l.boxes[k] = append(l.boxes[k], b)
	if f >= 0 {
		l.ticks[k] = append(l.ticks[k], f)
	}
}

// place finds the nearest lane for a label, trying each of its candidate
// boxes (in order of preference), first keeping it clear of other labels'
// ticks, then, only when no lane is, allowing a tick to cross it (the
// labels are drawn after the ticks, over them).
func (l *lanes) place(cands []box, f, width float64) (int, box) {
	for _, strict := range []bool{true, false} {
		for k := 0; k <= len(l.boxes); k++ {
			for _, b := range cands {
				if l.free(k, b, f, width, strict) {
					return k, b
				}
			}
		}
	}
	// A label wider than the drawing (which the loader refuses).
	return len(l.boxes), cands[0]
}

// positions are the markers' positions in px at width: to scale, but for
// markers closer than markerSep, which are moved apart just enough to
// show each one (the labels carry the exact dates).
func (s *Scale) positions(width float64) []float64 {
	n := len(s.Marks)
	xs := make([]float64, n)
	for i, m := range s.Marks {
		xs[i] = s.span(m.When.Parsed) * width
	}
	sep := markerSep
	if n > 1 {
		sep = min(sep, width/float64(n-1))
	}
	for i := 1; i < n; i++ {
		xs[i] = max(xs[i], xs[i-1]+sep)
	}
	for i := n - 1; i >= 0; i-- {
		limit := width
		if i < n-1 {
			limit = xs[i+1] - sep
		}
		xs[i] = min(xs[i], limit)
	}
	for i := range xs {
		xs[i] = max(xs[i], 0)
	}
	return xs
}

// layout places the markers, the gaps and the labels for a drawing shown
// at least width px wide: events are labelled above the axis, context and
// the gaps below it, each side in as many lanes as the labels need.
func (s *Scale) layout(class string, width, font float64, gapText func(int) string, date func(content.Date) string) *Layout {
	lo := &Layout{Class: class, MinWidth: width, FontSize: font, Scale: s}
	xs := s.positions(width)
	at := map[*Event]float64{}
	for i, m := range s.Marks {
		if m.Event {
			for _, g := range s.Gaps {
				for _, e := range []*Event{g.From, g.To} {
					if e.ID == m.Anchor {
						at[e] = xs[i]
					}
				}
			}
		}
	}
	var above, below lanes
	gapKs := make([]int, len(s.Gaps))
	gapBoxes := make([]box, len(s.Gaps))
	for i, g := range s.Gaps {
		x1, x2 := at[g.From], at[g.To]
		f := (x1 + x2) / 2 / width
		text := gapText(g.Days)
		w := TextWidth(text, false, font)
		b := box{A: f, B: -w / 2, W: w}
		if b.left(width) < 0 {
			b.B = -f * width
		}
		if b.right(width) > width {
			b.B = (1-f)*width - w
		}
		gapKs[i], gapBoxes[i] = below.place([]box{b}, -1, width)
		below.add(gapKs[i], gapBoxes[i], -1)
		lo.Gaps = append(lo.Gaps, PlacedGap{Gap: g, X1: pct(x1, width), X2: pct(x2, width), X: Num(100 * (b.left(width) + w/2) / width), Text: text})
	}
	type label struct {
		k   int
		b   box
		cat int // 0 start, 1 end (beside the tick), 2 left edge, 3 right edge
	}
	placed := make([]label, len(s.Marks))
	dates := make([]string, len(s.Marks))
	for i, m := range s.Marks {
		x, f := xs[i], xs[i]/width
		d := date(m.When.Parsed)
		dates[i] = d
		w := max(TextWidth(m.Label, m.Event, font), TextWidth(d, false, font))
		start := box{A: f, B: labelDX, W: w}
		end := box{A: f, B: -labelDX - w, W: w}
		var cands []box
		var cats []int
		if x+labelDX+w <= width {
			cands, cats = append(cands, start), append(cats, 0)
		}
		if x-labelDX-w >= 0 {
			cands, cats = append(cands, end), append(cats, 1)
		}
		if len(cands) == 0 {
			// Too wide to sit beside its tick: against the nearer edge,
			// with the tick pointing at it.
			if f < 0.5 {
				cands, cats = append(cands, box{A: 0, B: 0, W: w}), append(cats, 2)
			} else {
				cands, cats = append(cands, box{A: 1, B: -w, W: w}), append(cats, 3)
			}
		}
		side := &below
		if m.Event {
			side = &above
		}
		k, b := side.place(cands, f, width)
		side.add(k, b, f)
		cat := cats[0]
		for j, c := range cands {
			if c == b {
				cat = cats[j]
			}
		}
		placed[i] = label{k: k, b: b, cat: cat}
	}
	nAbove, nBelow := len(above.boxes), len(below.boxes)
	axis := edge + float64(nAbove)*lanePitch - 6 + axisRoom
	if nAbove == 0 {
		axis = edge + axisRoom
	}
	lo.Axis = Num(axis)
	lo.Height = Num(axis + axisRoom + max(0, float64(nBelow)*lanePitch-6) + edge)
	for i := range lo.Gaps {
		top := axis + axisRoom + float64(gapKs[i])*lanePitch
		lo.Gaps[i].Y = Num(top + 13)
		b := gapBoxes[i]
		b.Top, b.Bottom = top, top+lineH
		lo.Gaps[i].box = b
	}
	for i, m := range s.Marks {
		p := placed[i]
		var top float64
		if m.Event {
			top = axis - axisRoom - boxH - float64(p.k)*lanePitch
		} else {
			top = axis + axisRoom + float64(p.k)*lanePitch
		}
		b := p.b
		b.Top, b.Bottom = top, top+boxH
		pm := PlacedMark{Mark: m, Date: dates[i], X: pct(xs[i], width), Y: Num(top + 13), Y2: Num(top + 13 + lineH), box: b}
		switch p.cat {
		case 0:
			pm.LabelX, pm.DX, pm.Anchor = pm.X, labelDX, "start"
		case 1:
			pm.LabelX, pm.DX, pm.Anchor = pm.X, -labelDX, "end"
		case 2:
			pm.LabelX, pm.Anchor = 0, "start"
		case 3:
			pm.LabelX, pm.Anchor = 100, "end"
		}
		// Beside its label, the tick runs its full height; pointing at
		// it, the tick stops short of it.
		switch {
		case p.cat < 2 && m.Event:
			pm.TickY = Num(top)
		case p.cat < 2:
			pm.TickY = Num(top + boxH)
		case m.Event:
			pm.TickY = Num(top + boxH + 2)
		default:
			pm.TickY = Num(top - 2)
		}
		lo.Marks = append(lo.Marks, pm)
	}
	return lo
}

func pct(x, width float64) Num { return Num(100 * x / width) }

// Boxes are the label boxes of the drawing at width px (at least
// MinWidth): the marks' labels, then the gaps'; left, top, right, bottom.
func (lo *Layout) Boxes(width float64) [][4]float64 {
	var out [][4]float64
	for _, m := range lo.Marks {
		out = append(out, m.box.Rect(width))
	}
	for _, g := range lo.Gaps {
		out = append(out, g.box.Rect(width))
	}
	return out
}

// TextWidth estimates the width in px of s set in a sans-serif at size
// px. The advances are DejaVu Sans's, among the widest of the system
// fonts the theme asks for, so the estimate errs on the wide side.
func TextWidth(s string, bold bool, size float64) float64 {
	em := 0.0
	for _, r := range s {
		switch {
		case r < 128 && advance[r] > 0:
			em += advance[r]
		case r >= 0x2e80: // CJK and wider: a full em
			em++
		case r == '–':
			em += 0.5
		case r == '—':
			em += 1
		default:
			em += 0.7
		}
	}
	if bold {
		em *= 1.1
	}
	return em * size * 1.03
}

// advance is the advance width, in em, of the printable ASCII characters.
var advance = func() [128]float64 {
	var a [128]float64
	set := func(chars string, w float64) {
		for _, c := range chars {
			a[c] = w
		}
	}
	set(" ,.", 0.318)
	set(":;", 0.337)
	set("ijl'|!", 0.278)
	set("-", 0.361)
	set("()[]{}", 0.39)
	set("ft", 0.392)
	set("r", 0.411)
	set("\"", 0.46)
	set("sz", 0.525)
	set("c", 0.55)
	set("k", 0.579)
	set("vxy", 0.592)
	set("aeo", 0.615)
	set("bdghnpqu", 0.635)
	set("0123456789", 0.636)
	set("w", 0.818)
	set("m", 0.974)
	set("IJ", 0.295)
	set("L", 0.557)
	set("F", 0.575)
	set("PTY", 0.611)
	set("E", 0.632)
	set("S", 0.635)
	set("K", 0.656)
	set("ABVXZ", 0.686)
	set("R", 0.695)
	set("C", 0.698)
	set("U", 0.732)
	set("HN", 0.752)
	set("DGOQ", 0.787)
	set("M", 0.863)
	set("W", 0.989)
	set("/\\?&#%@$*+=<>^_`~", 0.7)
	return a
}()

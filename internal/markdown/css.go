package markdown

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// The chroma styles for light and dark reading. Their token colours are
// adjusted at build time to reach WCAG AA contrast (4.5:1) on the page's
// code background, since several stock styles fall short for comments.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
	lightBg    = "#f6f8fa"
	darkBg     = "#161b22"
)

// CSS returns the stylesheet for highlighted code: the light style, then
// the dark one inside @media (prefers-color-scheme: dark).
func CSS() ([]byte, error) {
	var buf bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	light, err := readable(styles.Get(lightStyle), lightBg)
	if err != nil {
		return nil, err
	}
	dark, err := readable(styles.Get(darkStyle), darkBg)
	if err != nil {
		return nil, err
	}
	buf.WriteString("/* Code highlighting: chroma " + lightStyle + " and " + darkStyle + ", contrast-adjusted. */\n")
	if err := f.WriteCSS(&buf, light); err != nil {
		return nil, err
	}
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := f.WriteCSS(&buf, dark); err != nil {
		return nil, err
	}
	resetLeaks(&buf, light, dark)
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}

// resetLeaks writes, for every token the light style colours and the dark
// style leaves in its plain text colour, a rule giving it that colour. The
// formatter writes no rule for such a token, so without one the light
// colour would stay on the dark background (unreadable: 1.1:1 for names).
func resetLeaks(buf *bytes.Buffer, light, dark *chroma.Style) {
	lightBg, darkBg := light.Get(chroma.Background), dark.Get(chroma.Background)
	types := light.Types() // in map order: sort, for a deterministic build
	slices.Sort(types)
	for _, t := range types {
		class, ok := chroma.StandardTypes[t]
		if t == chroma.Background || !ok || class == "" {
			continue
		}
		if !light.Get(t).Sub(lightBg).Colour.IsSet() || dark.Get(t).Sub(darkBg).Colour.IsSet() {
			continue
		}
		fmt.Fprintf(buf, ".chroma .%s { color: %s }\n", class, darkBg.Colour)
	}
}

// readable returns a copy of s on background bg whose every token colour
// has a contrast ratio of at least 4.5 against bg.
func readable(s *chroma.Style, bg string) (*chroma.Style, error) {
	b := s.Builder()
	back := chroma.ParseColour(bg)
	b.Add(chroma.Background, "bg:"+bg)
	for _, t := range s.Types() {
		e := s.Get(t)
		if t == chroma.Background {
			e.Background = back
			e.Colour = fix(e.Colour, back)
			b.AddEntry(t, e)
			continue
		}
		e.Background = 0 // token backgrounds (error, diff) would fight the page's
		if e.Colour.IsSet() {
			e.Colour = fix(e.Colour, back)
		}
		b.AddEntry(t, e)
	}
	return b.Build()
}

// fix moves c towards black or white, whichever contrasts with bg, until
// the contrast ratio reaches 4.5.
func fix(c, bg chroma.Colour) chroma.Colour {
	if !c.IsSet() {
		return c
	}
	toward := 0.0
	if luminance(bg) < 0.5 {
		toward = 255
	}
	for i := 0; i < 100 && contrast(c, bg) < 4.6; i++ {
		step := func(v uint8) uint8 { return uint8(math.Round(float64(v) + (toward-float64(v))*0.08)) }
		c = chroma.NewColour(step(c.Red()), step(c.Green()), step(c.Blue()))
	}
	return c
}

func luminance(c chroma.Colour) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.Red()) + 0.7152*lin(c.Green()) + 0.0722*lin(c.Blue())
}

func contrast(a, b chroma.Colour) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

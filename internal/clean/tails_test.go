package clean

import (
	"strings"
	"testing"
)

func TestProtectTails(t *testing.T) {
	t.Parallel()
	// Text after a script, an icon or a noscript image is article text; the
	// extractor removes those elements with the text that follows them.
	page := strings.Replace(testPage, `<p>They spoke`,
		`<p><b><noscript><img src="a.png"></noscript>Trade and arms control</b></p>
<p>The meeting ran late <script>track();</script>because the interpreters had to be replaced halfway through the second hour.</p>
<ul><li><svg><path d="M0"/></svg>They also discussed the climate talks planned for the autumn in Glasgow.</li><li><svg><path d="M0"/></svg>And the fate of the nuclear arms treaty that expires in two years.</li></ul>
<p>They spoke`, 1)
	a, _, err := Clean("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	text := a.PlainText()
	for _, want := range []string{"Trade and arms control", "because the interpreters", "climate talks planned", "nuclear arms treaty"} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q:\n%s", want, text)
		}
	}
}

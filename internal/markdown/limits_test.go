package markdown

import (
	"strings"
	"testing"
)

// A fence language name chroma cannot know (too long, or holding a
// character no lexer name has) is shown as plain text without a lookup,
// and is not cached: chroma's lookup of a name of kilobytes takes seconds,
// and a cache of every name a source holds would grow without end.
func TestFenceLanguageBounded(t *testing.T) {
	long := strings.Repeat("x", 2048)
	tests := []struct {
		lang     string
		lookable bool
	}{
		{"go", true},
		{"Go", true},
		{"c++", true},
		{strings.Repeat("g", MaxFenceLanguage), true},
		{strings.Repeat("g", MaxFenceLanguage+1), false},
		{long, false},
		{"go\x00", false},
		{"gö", false},
	}
	for _, tt := range tests {
		if got := lookable(tt.lang); got != tt.lookable {
			t.Errorf("lookable(%.20q) = %v, want %v", tt.lang, got, tt.lookable)
		}
	}
	d := convert(t, "```"+long+"\nplain <text>\n```\n\n```go\npackage main\n```\n", Options{})
	html := string(d.HTML)
	if !strings.Contains(html, "plain &lt;text&gt;") || !strings.Contains(html, `<span class="kn">package</span>`) {
		t.Errorf("HTML:\n%.500s", html)
	}
	if _, cached := codeLexers.Load(long); cached {
		t.Error("a 2 KB language name was looked up and cached")
	}
}

package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplainSavedPage imports a saved page with -explain: the lines of its
// visible text that go-trafilatura dropped (menu, aside, footer) are listed
// with that reason, the newsletter box the classifier dropped with its own,
// and no article paragraph is listed; -explain=all lists the kept
// paragraphs too.
func TestExplainSavedPage(t *testing.T) {
	t.Parallel()
	src := filepath.Join("testdata", "explain-page.html")
	run := func(flag string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := RunImport([]string{"-o", t.TempDir(), flag, src}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit status %d: %s", flag, code, stderr.String())
		}
		return stdout.String()
	}
	out := run("-explain")
	for _, want := range []string{
		`removed visible line 3, left out by go-trafilatura: "Sport"`,
		`left out by go-trafilatura: "Ferry times change for the spring"`,
		`left out by go-trafilatura: "© 2024 The Harbour Gazette. All rights reserved."`,
		`newsletter prompt: "Sign up for our free newsletter`,
		"go-trafilatura left out 11 of the page's 18 lines of visible text",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("-explain lacks %q:\n%s", want, out)
		}
	}
	for _, para := range []string{"The council said on Monday", "Engineers for the council", "What the work is for"} {
		if strings.Contains(out, para) {
			t.Errorf("-explain lists the kept %q:\n%s", para, out)
		}
	}
	all := run("-explain=all")
	for _, want := range []string{`kept block 2 (line 3): "The council said on Monday`, `kept block 4 (line 7): "## What the work is for"`, `left out by go-trafilatura: "Sport"`} {
		if !strings.Contains(all, want) {
			t.Errorf("-explain=all lacks %q:\n%s", want, all)
		}
	}
}

// TestExplainAllSeeds checks on the real seeds that -explain=all accounts
// for every block exactly once (kept, moved or removed) and that plain
// -explain lists no kept block.
func TestExplainAllSeeds(t *testing.T) {
	t.Parallel()
	for _, s := range seeds {
		dir := t.TempDir()
		src := copySeed(t, dir, s.raw)
		var stdout, stderr bytes.Buffer
		if code := RunImport([]string{"-o", filepath.Join(dir, "content", "articles"), "-explain=all", src}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit status %d: %s", s.raw, code, stderr.String())
		}
		_, rep, err := Clean(s.raw, mustRead(t, src))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(stdout.String(), "\n")
		for _, b := range rep.Blocks {
			n := 0
			for _, l := range lines {
				if strings.Contains(l, " block "+itoa(b.N)+" (line ") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s: block %d (%s) listed %d times by -explain=all", s.raw, b.N, b.Role, n)
			}
		}
		stdout.Reset()
		if code := RunImport([]string{"-o", filepath.Join(dir, "content", "articles"), "-force", "-explain", src}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit status %d: %s", s.raw, code, stderr.String())
		}
		if strings.Contains(stdout.String(), "kept block") {
			t.Errorf("%s: plain -explain lists kept blocks", s.raw)
		}
	}
}

func TestExplainFlag(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	if code := RunImport([]string{"-explain=some", "x.txt"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "-explain=all") {
		t.Errorf("bad -explain value: status %d, stderr %q", code, stderr.String())
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPlainBlockRendersAsItself checks the shortcut leftOut takes: a block
// plainBlock passes renders, normalised, as its own text. The inputs are
// the lines of the raw seeds and lines with each kind of Markdown syntax.
func TestPlainBlockRendersAsItself(t *testing.T) {
	t.Parallel()
	inputs := []string{"Plain words, and a comma.", "*emphasis* here", "A [link](x) in it", "1. An item", "- An item", "Tom &amp; Jerry", "a_b_c _d_", "# Heading", "> quote", "Text  with  spaces", "Line one\nline two", "Café — «quoted» 50% off?"}
	for _, s := range seeds {
		raw, err := os.ReadFile(filepath.Join(contentDir, "raw", s.raw))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, strings.Split(string(raw), "\n")...)
	}
	plain := 0
	for _, s := range inputs {
		if !plainBlock(s) {
			continue
		}
		plain++
		if got := snippetForm((&Article{Body: []string{s}}).PlainText()); got != snippetForm(s) {
			t.Errorf("plainBlock(%q), but it renders as %q", s, got)
		}
	}
	if plain < 10 {
		t.Errorf("only %d inputs are plain blocks", plain)
	}
}

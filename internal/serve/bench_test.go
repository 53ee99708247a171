package serve

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchArticles is the size the preview is built for.
const benchArticles = 10_000

var words = strings.Fields(`the a of to and in that for on was said with he it as at by his from
have be has an are but not this who they their after about more would been were which one over
president election summit meeting russia russian interference officials talks reporters white house
minister state department trade security campaign investigation report counsel government foreign
week told asked news statement leaders diplomats agreement sanctions policy press conference`)

// genArticle writes article i in Dossier's format: front matter, then
// about 790 words in paragraphs of 60 to 140 words. One in ten links to
// an earlier article's paragraph, so the link check has work to do.
func genArticle(rng *rand.Rand, i int, variant string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Article %d: %s %s %s\"\ndek: \"%s %s\"\npublication: The Paper\nauthors: [Jane Doe]\n",
		i, words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))])
	fmt.Fprintf(&b, "published: \"%d-%02d-%02d\"\nurl: https://example.org/%d\nraw: raw/a.txt\nevent: e%d\n---\n\n", 2010+i%15, 1+i%12, 1+i%28, i, i%7)
	for n := 0; n < 790; {
		p := 60 + rng.IntN(80)
		for w := 0; w < p; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		n += p
		b.WriteString(".\n\n")
	}
	if i%10 == 9 {
		fmt.Fprintf(&b, "See [an earlier report](a%05d.md#p2).\n\n", i-5)
	}
	b.WriteString(variant + "\n")
	return b.String()
}

func genSite(b *testing.B, n int) string {
	dir := b.TempDir()
	writeFile(b, dir, "content/site.yaml", siteYAML)
	writeFile(b, dir, "content/raw/a.txt", "raw\n")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		writeFile(b, dir, fmt.Sprintf("content/articles/a%05d.md", i), genArticle(rng, i, ""))
	}
	return dir
}

// BenchmarkRebuild measures, on a site of 10,000 synthetic articles, the
// time from writing a source file to the reload event reaching a tab
// through the real watcher, builder and event stream (the debounce
// included):
//
//	go test -run '^$' -bench 'Rebuild/(body|title)' -benchtime 20x ./internal/serve
//	go test -run '^$' -bench 'Rebuild/full' -benchtime 3x ./internal/serve
//
// body: one article's text changes (its page alone is rendered again);
// title: its title changes (its neighbours and the index too; the index
// lists every article, so this one is O(N)); full: site.yaml changes,
// the baseline of a full render.
func BenchmarkRebuild(b *testing.B) {
	if testing.Verbose() {
		testLog = os.Stderr
		defer func() { testLog = io.Discard }()
	}
	dir := genSite(b, benchArticles)
	start := time.Now()
	ts := startServer(b, dir, "/")
	b.Logf("%d articles: first build and start in %s", benchArticles, time.Since(start).Round(time.Millisecond))
	ev := ts.listen(b, "/")
	ev.timeout = 5 * time.Minute // a full render of 10,000 articles takes seconds

	n := 0 // counts edits across runs, so that every write changes the file
	edit := func(b *testing.B, name string, data func(n int) string) {
		b.Run(name, func(b *testing.B) {
			var total, worst time.Duration
			b.ResetTimer()
			for range b.N {
				n++
				t0 := time.Now()
				writeFile(b, dir, name2file(name), data(n))
				ev.reload(b)
				d := time.Since(t0)
				total += d
				worst = max(worst, d)
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/edit")
			b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms/edit")
		})
	}
	const k = 4242 // the article edited: mid-site, not cited by any other
	edit(b, "body", func(i int) string {
		return genArticle(rand.New(rand.NewPCG(1, uint64(k))), k, fmt.Sprintf("Edit %d.", i))
	})
	edit(b, "title", func(i int) string {
		s := genArticle(rand.New(rand.NewPCG(1, uint64(k))), k, "")
		return strings.Replace(s, "title: \"Article", fmt.Sprintf("title: \"Edited %d article", i), 1)
	})
	edit(b, "full", func(i int) string {
		return siteYAML + fmt.Sprintf("description: Edit %d.\n", i)
	})
}

func name2file(name string) string {
	if slices.Contains([]string{"body", "title"}, name) {
		return "content/articles/a04242.md"
	}
	return "content/site.yaml"
}

package clean

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// The benchmark measures the importer over a WCXB-style directory: html/
// (saved pages, gzipped), text/ (the same pages as copied text) and
// ground-truth/ (the reference main content and snippets). The metric is the
// benchmark's own: word-level F1 over lower-cased \w+ tokens, the share of
// "with" snippets found and of "without" snippets found (leaked), both as
// substrings of the rendered body, both sides in snippetForm (case, quotes
// and white space normalised). Snippet shares are pooled over all snippets.

const benchUsage = `usage: dossier-bench-import [-kind html|text|raw] [-split all|even|odd] [-sites N] [-v] WCXB_DIR

Imports every page of WCXB_DIR (html/NNNN.html.gz or text/NNNN.txt) and
scores the article body against ground-truth/NNNN.json. -kind raw scores the
uncleaned text as a baseline. -split even|odd takes the even or odd ids only.
`

type groundTruth struct {
	URL         string `json:"url"`
	GroundTruth struct {
		Title       string   `json:"title"`
		MainContent string   `json:"main_content"`
		With        []string `json:"with"`
		Without     []string `json:"without"`
	} `json:"ground_truth"`
}

// Score is the benchmark's figures for a set of pages.
type Score struct {
	Pages, Scored, Failed int
	// FailedTitled counts the failed copied-text pages whose text holds
	// the reference title: a copy with its headline should import.
	FailedTitled         int
	MeanF1               float64 // mean of per-page word F1 over pages with a reference
	MeanPrecision        float64
	MeanRecall           float64
	WithFound, WithTotal int
	LeakFound, LeakTotal int
	// The same snippet shares matched on word tokens (the \w+ sequence of
	// the snippet within that of the extraction), which forgives what copy
	// and reference render differently: curly quotes, tabs, line breaks,
	// list markers.
	WithWords, LeakWords int
}

func (s Score) String() string {
	return fmt.Sprintf("pages %d (F1 over %d, %d failed, %d of them holding the title): mean F1 %.3f (P %.3f, R %.3f), with %.3f (%d/%d), without %.3f (%d/%d); by words: with %.3f, without %.3f",
		s.Pages, s.Scored, s.Failed, s.FailedTitled, s.MeanF1, s.MeanPrecision, s.MeanRecall,
		ratio(s.WithFound, s.WithTotal), s.WithFound, s.WithTotal, ratio(s.LeakFound, s.LeakTotal), s.LeakFound, s.LeakTotal,
		ratio(s.WithWords, s.WithTotal), ratio(s.LeakWords, s.LeakTotal))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// pythonWord is Python's Unicode \w, which the benchmark's metric uses.
var pythonWord = regexp.MustCompile(`[\pL\pN_]+`)

// wordF1 is the benchmark's word-level precision, recall and F1.
func wordF1(got, want string) (p, r, f1 float64) {
	g := pythonWord.FindAllString(strings.ToLower(got), -1)
	w := pythonWord.FindAllString(strings.ToLower(want), -1)
	counts := map[string]int{}
	for _, t := range w {
		counts[t]++
	}
	overlap := 0
	for _, t := range g {
		if counts[t] > 0 {
			counts[t]--
			overlap++
		}
	}
	if overlap == 0 {
		return 0, 0, 0
	}
	p, r = float64(overlap)/float64(len(g)), float64(overlap)/float64(len(w))
	return p, r, 2 * p * r / (p + r)
}

// snippetForm is the form in which snippets are matched, applied to both
// the extraction and the snippet: lower case, curly and other typographic
// quotes as straight ones, no-break and other Unicode spaces as a space,
// and every run of white space (line breaks included) as one space. A
// verbatim importer keeps the page's own quotes and spaces, which the
// reference often writes differently ("it’s" for "it's"); matching them
// as equal scores the words kept, not the typography.
func snippetForm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drops leading white space
	for _, r := range strings.ToLower(s) {
		switch r {
		case '‘', '’', '‚', '‛', '′', '`', '´':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		}
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007' || r == '\u200b' || r == '\ufeff' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

// wordSeq is the text as its lower-cased word tokens, space-separated and
// padded, so that a snippet's sequence can be found with strings.Contains.
func wordSeq(s string) string {
	return " " + strings.Join(pythonWord.FindAllString(strings.ToLower(s), -1), " ") + " "
}

// extraction is what the benchmark scores for one page: the body, one
// paragraph a line.
func extraction(kind, dir, id string) (string, error) {
	switch kind {
	case "raw":
		b, err := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
		return string(b), err
	case "text":
		name := filepath.Join(dir, "text", id+".txt")
		raw, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		a, _, err := Clean(name, raw)
		if err != nil {
			return "", err
		}
		return a.PlainText(), nil
	case "html":
		name := filepath.Join(dir, "html", id+".html.gz")
		raw, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		a, _, err := Clean(name, raw)
		if err != nil {
			return "", err
		}
		return a.PlainText(), nil
	}
	return "", fmt.Errorf("unknown kind %q", kind)
}

// pageResult is one page's figures.
type pageResult struct {
	id, site             string
	err                  error
	failedTitled         bool
	hasRef               bool
	p, r, f1             float64
	with, withN, wo, woN int
	withW, woW           int
}

// Bench scores every page of dir whose id passes keep.
func Bench(dir, kind string, keep func(id int) bool, verbose io.Writer) (Score, error) {
	results, err := benchPages(dir, kind, keep)
	if err != nil {
		return Score{}, err
	}
	return total(results, verbose), nil
}

// benchPages imports and scores every page of dir whose id passes keep,
// on as many goroutines as there are CPUs (GOMAXPROCS bounds the cores).
func benchPages(dir, kind string, keep func(id int) bool) ([]pageResult, error) {
	files, err := filepath.Glob(filepath.Join(dir, "ground-truth", "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no ground-truth/*.json files", dir)
	}
	sort.Strings(files)
	var ids []string
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		if n, err := strconv.Atoi(id); err == nil && keep(n) {
			ids = append(ids, id)
		}
	}
	results := make([]pageResult, len(ids))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i] = scorePage(dir, kind, ids[i])
			}
		})
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	return results, nil
}

// scorePage imports one page and scores it against its ground truth.
func scorePage(dir, kind, id string) pageResult {
	res := pageResult{id: id}
	var gt groundTruth
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth", id+".json"))
	if err == nil {
		err = json.Unmarshal(b, &gt)
	}
	if err != nil {
		res.err = err
		return res
	}
	res.site = siteOf(gt.URL)
	got, err := extraction(kind, dir, id)
	res.err = err
	g := gt.GroundTruth
	if err != nil && kind == "text" && strings.TrimSpace(g.Title) != "" {
		raw, _ := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
		res.failedTitled = strings.Contains(snippetForm(string(raw)), snippetForm(g.Title))
	}
	if strings.TrimSpace(g.MainContent) != "" {
		res.hasRef = true
		res.p, res.r, res.f1 = wordF1(got, g.MainContent)
	}
	low, seq := snippetForm(got), wordSeq(got)
	for _, s := range g.With {
		res.withN++
		if strings.Contains(low, snippetForm(s)) {
			res.with++
		}
		if strings.Contains(seq, wordSeq(s)) {
			res.withW++
		}
	}
	for _, s := range g.Without {
		res.woN++
		if strings.Contains(low, snippetForm(s)) {
			res.wo++
		}
		if strings.Contains(seq, wordSeq(s)) {
			res.woW++
		}
	}
	return res
}

// siteOf is the site a page belongs to, for grouping: its host without
// "www.", or "" when the URL has none.
func siteOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// total sums page results into a Score, printing a line per page to
// verbose when it is not nil.
func total(results []pageResult, verbose io.Writer) Score {
	var s Score
	for _, r := range results {
		s.Pages++
		if r.err != nil {
			s.Failed++
		}
		if r.failedTitled {
			s.FailedTitled++
		}
		if verbose != nil {
			fmt.Fprintf(verbose, "%s f1=%.3f p=%.3f r=%.3f with=%d/%d without=%d/%d words: with=%d without=%d site=%s err=%v\n",
				r.id, r.f1, r.p, r.r, r.with, r.withN, r.wo, r.woN, r.withW, r.woW, r.site, r.err)
		}
		if r.hasRef {
			s.Scored++
			s.MeanF1 += r.f1
			s.MeanPrecision += r.p
			s.MeanRecall += r.r
		}
		s.WithFound += r.with
		s.WithTotal += r.withN
		s.LeakFound += r.wo
		s.LeakTotal += r.woN
		s.WithWords += r.withW
		s.LeakWords += r.woW
	}
	if s.Scored > 0 {
		s.MeanF1 /= float64(s.Scored)
		s.MeanPrecision /= float64(s.Scored)
		s.MeanRecall /= float64(s.Scored)
	}
	return s
}

// bySite groups page results into folds by site: every page of a site is
// in the same fold (an FNV hash of the site, modulo folds), so a fold's
// figures are those of sites the other folds do not hold. With no rule
// fitted to data, the spread of the folds' figures shows how much the
// score depends on which sites happen to be measured.
func bySite(results []pageResult, folds int) [][]pageResult {
	out := make([][]pageResult, folds)
	for _, r := range results {
		h := fnv.New32a()
		h.Write([]byte(r.site))
		k := int(h.Sum32() % uint32(folds))
		out[k] = append(out[k], r)
	}
	return out
}

// RunBench is the benchmark command: it prints the figures for the chosen
// input kind and split.
func RunBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench-import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, benchUsage); fs.PrintDefaults() }
	kind := fs.String("kind", "html", "input kind: html, text, or raw (the uncleaned text, a baseline)")
	split := fs.String("split", "all", "pages to score: all, even or odd ids")
	verbose := fs.Bool("v", false, "print one line per page")
	folds := fs.Int("sites", 0, "also score N folds of whole sites (a page's site is its host) and print each fold and the spread")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	keep := map[string]func(int) bool{
		"all":  func(int) bool { return true },
		"even": func(n int) bool { return n%2 == 0 },
		"odd":  func(n int) bool { return n%2 == 1 },
	}[*split]
	if keep == nil {
		fmt.Fprintf(stderr, "bench-import: unknown -split %q\n", *split)
		return 2
	}
	var v io.Writer
	if *verbose {
		v = stdout
	}
	results, err := benchPages(fs.Arg(0), *kind, keep)
	if err != nil {
		fmt.Fprintf(stderr, "bench-import: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s %s: %s\n", *kind, *split, total(results, v))
	if *folds > 1 {
		var f1s, withs, leaks []float64
		for k, fold := range bySite(results, *folds) {
			s := total(fold, nil)
			fmt.Fprintf(stdout, "  sites fold %d: %s\n", k, s)
			f1s = append(f1s, s.MeanF1)
			withs = append(withs, ratio(s.WithFound, s.WithTotal))
			leaks = append(leaks, ratio(s.LeakFound, s.LeakTotal))
		}
		fmt.Fprintf(stdout, "  spread over %d site folds: mean F1 %.3f to %.3f, with %.3f to %.3f, without %.3f to %.3f\n",
			*folds, slices.Min(f1s), slices.Max(f1s), slices.Min(withs), slices.Max(withs), slices.Min(leaks), slices.Max(leaks))
	}
	return 0
}

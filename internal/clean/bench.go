package clean

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The benchmark measures the importer over a WCXB-style directory: html/
// (saved pages, gzipped), text/ (the same pages as copied text) and
// ground-truth/ (the reference main content and snippets). The metric is the
// benchmark's own: word-level F1 over lower-cased \w+ tokens, the share of
// "with" snippets found and of "without" snippets found (leaked), both as
// case-insensitive substrings. Snippet shares are pooled over all snippets.

const benchUsage = `usage: dossier-bench-import [-kind html|text|raw] [-split all|even|odd] [-v] WCXB_DIR

Imports every page of WCXB_DIR (html/NNNN.html.gz or text/NNNN.txt) and
scores the article body against ground-truth/NNNN.json. -kind raw scores the
uncleaned text as a baseline. -split even|odd takes the even or odd ids only.
`

type groundTruth struct {
	GroundTruth struct {
		MainContent string   `json:"main_content"`
		With        []string `json:"with"`
		Without     []string `json:"without"`
	} `json:"ground_truth"`
}

// Score is the benchmark's figures for a set of pages.
type Score struct {
	Pages, Scored, Failed int
	MeanF1                float64 // mean of per-page word F1 over pages with a reference
	MeanPrecision         float64
	MeanRecall            float64
	WithFound, WithTotal  int
	LeakFound, LeakTotal  int
	// The same snippet shares matched on word tokens (the \w+ sequence of
	// the snippet within that of the extraction), which forgives what copy
	// and reference render differently: curly quotes, tabs, line breaks,
	// list markers.
	WithWords, LeakWords int
}

func (s Score) String() string {
	return fmt.Sprintf("pages %d (F1 over %d, %d failed): mean F1 %.3f (P %.3f, R %.3f), with %.3f (%d/%d), without %.3f (%d/%d); by words: with %.3f, without %.3f",
		s.Pages, s.Scored, s.Failed, s.MeanF1, s.MeanPrecision, s.MeanRecall,
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

// Bench scores every page of dir whose id passes keep.
func Bench(dir, kind string, keep func(id int) bool, verbose io.Writer) (Score, error) {
	files, err := filepath.Glob(filepath.Join(dir, "ground-truth", "*.json"))
	if err != nil || len(files) == 0 {
		return Score{}, fmt.Errorf("%s: no ground-truth/*.json files", dir)
	}
	sort.Strings(files)
	type result struct {
		id                   string
		err                  error
		hasRef               bool
		p, r, f1             float64
		with, withN, wo, woN int
		withW, woW           int
	}
	var ids []string
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		if n, err := strconv.Atoi(id); err == nil && keep(n) {
			ids = append(ids, id)
		}
	}
	results := make([]result, len(ids))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				id := ids[i]
				res := result{id: id}
				var gt groundTruth
				b, err := os.ReadFile(filepath.Join(dir, "ground-truth", id+".json"))
				if err == nil {
					err = json.Unmarshal(b, &gt)
				}
				if err != nil {
					res.err = err
					results[i] = res
					continue
				}
				got, err := extraction(kind, dir, id)
				res.err = err
				g := gt.GroundTruth
				if strings.TrimSpace(g.MainContent) != "" {
					res.hasRef = true
					res.p, res.r, res.f1 = wordF1(got, g.MainContent)
				}
				low, seq := strings.ToLower(got), wordSeq(got)
				for _, s := range g.With {
					res.withN++
					if strings.Contains(low, strings.ToLower(s)) {
						res.with++
					}
					if strings.Contains(seq, wordSeq(s)) {
						res.withW++
					}
				}
				for _, s := range g.Without {
					res.woN++
					if strings.Contains(low, strings.ToLower(s)) {
						res.wo++
					}
					if strings.Contains(seq, wordSeq(s)) {
						res.woW++
					}
				}
				results[i] = res
			}
		})
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	var s Score
	for _, r := range results {
		s.Pages++
		if r.err != nil {
			s.Failed++
		}
		if verbose != nil {
			fmt.Fprintf(verbose, "%s f1=%.3f p=%.3f r=%.3f with=%d/%d without=%d/%d words: with=%d without=%d err=%v\n",
				r.id, r.f1, r.p, r.r, r.with, r.withN, r.wo, r.woN, r.withW, r.woW, r.err)
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
	return s, nil
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
	s, err := Bench(fs.Arg(0), *kind, keep, v)
	if err != nil {
		fmt.Fprintf(stderr, "bench-import: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s %s: %s\n", *kind, *split, s)
	return 0
}

package bench

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"dossier/internal/corpus"
)

// Config is one comparison run.
type Config struct {
	Sizes  []int // numbers of articles, e.g. 1000 and 10000
	Runs   int   // measured rounds per size
	Warmup int   // unmeasured rounds first
	Seed   int64 // the corpus seed
	// Work is where corpora, sites and outputs go: a tmpfs (/dev/shm) so
	// that the disk is not what is measured.
	Work string
	// Dossier is a dossier binary; empty builds one from this module.
	Dossier string
	// Self is this program, run with -floor-only for the floor.
	Self string
	// Hugo are the hugo binaries to measure, each as its own tool named
	// by its version (hugo-0.111.3); none leaves Hugo out.
	Hugo []string
	Out  io.Writer
}

// A tool is one contender: how to build a corpus of n articles into out.
type tool struct {
	name string
	cmd  func(out string) *exec.Cmd
}

// A sample is one measured build.
type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

// A Result is one tool's medians at one size.
type Result struct {
	Tool      string
	N         int
	Wall, CPU time.Duration // medians
	PeakRSS   int64         // median of the runs' peak resident set, bytes
	Runs      int
}

// PagesPerSec is articles built per second of wall time.
func (r Result) PagesPerSec() float64 { return float64(r.N) / r.Wall.Seconds() }

// Run generates the corpora, runs the tools in interleaved rounds and
// prints a table per size and the ratios the targets are set in.
func Run(cfg Config) ([]Result, error) {
	logf := func(format string, a ...any) { fmt.Fprintf(cfg.Out, "# "+format+"\n", a...) }
	if err := os.MkdirAll(cfg.Work, 0o755); err != nil {
		return nil, err
	}
	dossier := cfg.Dossier
	if dossier == "" {
		dossier = filepath.Join(cfg.Work, "bin", "dossier")
		logf("building %s with %s", dossier, machineGo())
		cmd := exec.Command(machineGo(), "build", "-o", dossier, "dossier/cmd/dossier")
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("building dossier (run from the repository, or give -dossier): %v\n%s", err, out)
		}
	}
	type hugo struct {
		path, version string
		minor         int
	}
	var hugos []hugo
	for _, path := range cfg.Hugo {
		line, minor, err := HugoVersion(path)
		if err != nil {
			return nil, err
		}
		logf("hugo: %s (%s)", path, line)
		hugos = append(hugos, hugo{path, hugoVersionRE.FindString(line)[1:], minor})
	}
	logf("load average before: %s (2 cores; other work on the machine inflates wall times)", loadavg())
	defer func() { logf("load average after: %s", loadavg()) }()
	var all []Result
	for _, n := range cfg.Sizes {
		dir := filepath.Join(cfg.Work, fmt.Sprintf("corpus-%d", n))
		if err := ensureCorpus(dir, n, cfg.Seed, logf); err != nil {
			return nil, err
		}
		size, _ := dirSize(filepath.Join(dir, "content", "articles"))
		tools := []tool{
			{"dossier", func(out string) *exec.Cmd { return exec.Command(dossier, "build", "-src", dir, "-out", out) }},
			{"floor", func(out string) *exec.Cmd {
				return exec.Command(cfg.Self, "-floor-only", "-src", dir, "-out", out)
			}},
		}
		for _, h := range hugos {
			name := "hugo-" + h.version
			site := filepath.Join(cfg.Work, fmt.Sprintf("%s-site-%d", name, n))
			os.RemoveAll(site)
			if err := HugoSite(site, dir, h.minor); err != nil {
				return nil, fmt.Errorf("preparing the site for %s: %w", name, err)
			}
			tools = append(tools, tool{name, func(out string) *exec.Cmd { return hugoCommand(h.path, site, out) }})
		}
		logf("n=%d: %.1f MB of Markdown; %d warm-up and %d measured rounds of %s, interleaved",
			n, float64(size)/1e6, cfg.Warmup, cfg.Runs, names(tools))
		samples := make([][]sample, len(tools))
		for round := 0; round < cfg.Warmup+cfg.Runs; round++ {
			// Each round starts with the next tool, so no tool always
			// runs right after the same other one.
			for k := range tools {
				i := (round + k) % len(tools)
				t := tools[i]
				out := filepath.Join(cfg.Work, fmt.Sprintf("out-%s-%d", t.name, n))
				s, err := measure(t.cmd(out), out)
				if err != nil {
					return nil, fmt.Errorf("%s, n=%d: %w", t.name, n, err)
				}
				if round >= cfg.Warmup {
					samples[i] = append(samples[i], s)
				}
			}
		}
		var rs []Result
		for i, t := range tools {
			rs = append(rs, summarize(t.name, n, samples[i]))
		}
		printTable(cfg.Out, n, rs)
		all = append(all, rs...)
	}
	printScaling(cfg.Out, cfg.Sizes, all)
	return all, nil
}

func names(tools []tool) string {
	var s []string
	for _, t := range tools {
		s = append(s, t.name)
	}
	return strings.Join(s, ", ")
}

// ensureCorpus writes the corpus into dir unless a previous run left the
// same one there.
func ensureCorpus(dir string, n int, seed int64, logf func(string, ...any)) error {
	stamp := fmt.Sprintf("corpus n=%d seed=%d\n", n, seed)
	marker := filepath.Join(dir, ".corpus")
	if b, err := os.ReadFile(marker); err == nil && string(b) == stamp {
		logf("n=%d: reusing the corpus in %s", n, dir)
		return nil
	}
	os.RemoveAll(dir)
	logf("n=%d: writing the corpus (seed %d) into %s", n, seed, dir)
	if err := corpus.Write(dir, n, seed); err != nil {
		return err
	}
	return os.WriteFile(marker, []byte(stamp), 0o644)
}

// measure runs cmd, which builds into out, from an empty out. The peak
// resident set is the child's own, from its rusage.
func measure(cmd *exec.Cmd, out string) (sample, error) {
	if err := os.RemoveAll(out); err != nil {
		return sample{}, err
	}
	var stderr bytes.Buffer
	cmd.Stdout = &stderr // Hugo reports its errors on standard output
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, lastLines(stderr.Bytes(), 20))
	}
	s := sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rssKB = int64(ru.Maxrss) // kilobytes on Linux
	}
	return s, nil
}

func summarize(name string, n int, ss []sample) Result {
	med := func(f func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		slices.Sort(v)
		if len(v) == 0 {
			return 0
		}
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return Result{
		Tool: name, N: n, Runs: len(ss),
		Wall:    time.Duration(med(func(s sample) int64 { return int64(s.wall) })),
		CPU:     time.Duration(med(func(s sample) int64 { return int64(s.cpu) })),
		PeakRSS: med(func(s sample) int64 { return s.rssKB }) * 1024,
	}
}

func find(rs []Result, tool string, n int) (Result, bool) {
	for _, r := range rs {
		if r.Tool == tool && r.N == n {
			return r, true
		}
	}
	return Result{}, false
}

func printTable(w io.Writer, n int, rs []Result) {
	fmt.Fprintf(w, "\nn=%d, median of %d runs\n", n, rs[0].Runs)
	fmt.Fprintf(w, "%-14s %9s %9s %10s %9s\n", "tool", "wall", "cpu", "peak RSS", "pages/s")
	for _, r := range rs {
		fmt.Fprintf(w, "%-14s %8.2fs %8.2fs %7.0f MB %9.0f\n", r.Tool, r.Wall.Seconds(), r.CPU.Seconds(), float64(r.PeakRSS)/(1<<20), r.PagesPerSec())
	}
	d, _ := find(rs, "dossier", n)
	// CPU ratios are printed beside wall ones: on a machine that other
	// work shares, CPU time is the steadier of the two.
	if f, ok := find(rs, "floor", n); ok {
		fmt.Fprintf(w, "dossier/floor  wall %.2f  cpu %.2f  (target at 10,000: wall at most 1.25)\n", ratio(d.Wall, f.Wall), ratio(d.CPU, f.CPU))
	}
	for _, h := range rs {
		if !strings.HasPrefix(h.Tool, "hugo") {
			continue
		}
		fmt.Fprintf(w, "%s/dossier  wall %.2f  cpu %.2f  peak RSS %.2f  (target at 10,000: wall at least 2, aim 2.5)\n",
			h.Tool, ratio(h.Wall, d.Wall), ratio(h.CPU, d.CPU), float64(h.PeakRSS)/float64(d.PeakRSS))
	}
	fmt.Fprintf(w, "dossier peak RSS %.0f MB  (target: at most 200 MB)\n", float64(d.PeakRSS)/(1<<20))
}

// printScaling prints, for each tool, the wall-time ratio of the largest
// size to the smallest (target for Dossier, 10,000 over 1,000: at most 11).
func printScaling(w io.Writer, sizes []int, rs []Result) {
	if len(sizes) < 2 {
		return
	}
	lo, hi := slices.Min(sizes), slices.Max(sizes)
	fmt.Fprintf(w, "\nscaling, n=%d over n=%d (linear: %.0f; target for dossier at 10,000/1,000: wall at most 11)\n", hi, lo, float64(hi)/float64(lo))
	for _, r := range rs {
		if r.N != lo {
			continue
		}
		t := r.Tool
		a, ok1 := find(rs, t, lo)
		b, ok2 := find(rs, t, hi)
		if ok1 && ok2 {
			fmt.Fprintf(w, "%-14s wall %.1f  cpu %.1f  peak RSS %.1f\n", t, ratio(b.Wall, a.Wall), ratio(b.CPU, a.CPU), float64(b.PeakRSS)/float64(a.PeakRSS))
		}
	}
}

// loadavg is the first three fields of /proc/loadavg, or "unknown".
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func ratio(a, b time.Duration) float64 { return a.Seconds() / b.Seconds() }

func dirSize(dir string) (int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n, nil
}

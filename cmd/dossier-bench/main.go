// Command dossier-bench measures Dossier's full build against the floor
// and Hugo on a generated corpus.
//
// Usage:
//
//	go run ./cmd/dossier-bench [-n 1000,10000] [-runs 5] [-hugo PATH[,PATH]] [-install-hugo apt|go|go@vX.Y.Z] [-tmp DIR]
//	go run ./cmd/dossier-bench -corpus DIR -n 1000 [-seed 1]    write a corpus and stop
//	dossier-bench -floor-only -src DIR -out DIR                  the floor build (what the bench runs)
//
// See README.md, "Figures".
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"dossier/internal/bench"
	"dossier/internal/corpus"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("dossier-bench: ")
	sizes := flag.String("n", "1000", "comma-separated corpus sizes, e.g. 1000,10000")
	runs := flag.Int("runs", 5, "measured rounds per size")
	warmup := flag.Int("warmup", 1, "unmeasured rounds before them")
	seed := flag.Int64("seed", 1, "corpus seed")
	tmp := flag.String("tmp", "/dev/shm/dossier-bench", "work directory for corpora and outputs (a tmpfs)")
	dossier := flag.String("dossier", "", "dossier binary to measure (default: build cmd/dossier)")
	hugo := flag.String("hugo", "", `comma-separated hugo binaries (default: "hugo" on PATH if any; "none" leaves Hugo out)`)
	install := flag.String("install-hugo", "", "install Hugo first: apt (Debian's package), go (go install of "+bench.HugoRelease+") or go@vX.Y.Z")
	corpusDir := flag.String("corpus", "", "only write a corpus of -n articles into this directory")
	floorOnly := flag.Bool("floor-only", false, "only run the floor build of -src into -out")
	src := flag.String("src", "", "site root, with -floor-only")
	out := flag.String("out", "", "output directory, with -floor-only")
	flag.Parse()

	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			log.Fatalf("-n %q: want positive numbers separated by commas", *sizes)
		}
		ns = append(ns, n)
	}
	switch {
	case *floorOnly:
		if _, err := bench.Floor(*src, *out, bench.FloorWorkers); err != nil {
			log.Fatal(err)
		}
		return
	case *corpusDir != "":
		if err := corpus.Write(*corpusDir, ns[0], *seed); err != nil {
			log.Fatal(err)
		}
		return
	}
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	var hugos []string
	if *hugo != "" && *hugo != "none" {
		hugos = strings.Split(*hugo, ",")
	}
	if *install != "" {
		p, err := bench.InstallHugo(*install, filepath.Join(*tmp, "bin"), func(f string, a ...any) { fmt.Printf("# "+f+"\n", a...) })
		if err != nil {
			log.Fatal(err)
		}
		hugos = append(hugos, p)
	}
	if *hugo == "" && len(hugos) == 0 {
		if p, err := exec.LookPath("hugo"); err == nil {
			hugos = []string{p}
		} else {
			fmt.Println("# no hugo on PATH: measuring without it (give -hugo PATH or -install-hugo apt)")
		}
	}
	slices.Sort(hugos)
	hugos = slices.Compact(hugos)
	_, err = bench.Run(bench.Config{Sizes: ns, Runs: *runs, Warmup: *warmup, Seed: *seed,
		Work: *tmp, Dossier: *dossier, Self: self, Hugo: hugos, Out: os.Stdout})
	if err != nil {
		log.Fatal(err)
	}
}

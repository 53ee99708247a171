package bench

import (
	"bytes"
	"dossier/internal/clean"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/corpus"
)

func TestFloor(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	if err := corpus.Write(src, 20, 1); err != nil {
		t.Fatal(err)
	}
	n, err := Floor(src, out, FloorWorkers)
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "articles", "*.html"))
	if n != 20 || len(pages) != 20 {
		t.Fatalf("floor built %d pages and wrote %d, want 20", n, len(pages))
	}
	code := 0
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte("<title>")) || bytes.Contains(b, []byte("<title></title>")) {
			t.Errorf("%s has no title", p)
		}
		if bytes.Contains(b, []byte(`class="chroma"`)) {
			code++
		}
	}
	if code != 2 {
		t.Errorf("%d pages have highlighted code, want 2", code)
	}
}

func TestHugoSite(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	if err := corpus.Write(src, 3, 1); err != nil {
		t.Fatal(err)
	}
	for _, minor := range []int{111, 165} {
		if err := HugoSite(dir, src, minor); err != nil {
			t.Fatal(err)
		}
		cfg, err := os.ReadFile(filepath.Join(dir, "hugo.toml"))
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]string{111: "paginate = 100", 165: "pagerSize = 100"}[minor]
		if !strings.Contains(string(cfg), want) {
			t.Errorf("Hugo 0.%d config lacks %q:\n%s", minor, want, cfg)
		}
	}
	for _, l := range []string{"baseof", "single", "list"} {
		if _, err := os.Stat(filepath.Join(dir, "layouts", "_default", l+".html")); err != nil {
			t.Error(err)
		}
	}
	mds, _ := filepath.Glob(filepath.Join(src, "content", "articles", "*.md"))
	for _, md := range mds {
		orig, _ := os.ReadFile(md)
		hugo, err := os.ReadFile(filepath.Join(dir, "content", "articles", filepath.Base(md)))
		if err != nil {
			t.Fatal(err)
		}
		// Only the key Hugo reserves differs.
		if got := bytes.Replace(hugo, []byte("\nsource_url: "), []byte("\nurl: "), 1); !bytes.Equal(got, orig) || bytes.Equal(hugo, orig) {
			t.Errorf("Hugo's copy of %s differs by more than the url key", filepath.Base(md))
		}
	}
}

// corpora are generated once per benchmark process and size.
var corpora corpus.Cache

func corpusDir(b *testing.B, n int) string {
	dir, err := corpora.Dir(n)
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	corpora.Clean()
	os.Exit(code)
}

// BenchmarkFloor is the same-run baseline for BenchmarkBuild in
// internal/site: go test -bench . -benchtime 1x ./internal/bench ./internal/site
func BenchmarkFloor(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := corpusDir(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Floor(src, filepath.Join(b.TempDir(), "out"), FloorWorkers); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkImport is the importer's throughput on the corpus' raw files,
// in MB/s of raw text: go test reports it from SetBytes.
func BenchmarkImport(b *testing.B) {
	dir := filepath.Join(corpusDir(b, 1000), "content", "raw")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var raws [][]byte
	var total int64
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, data)
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, raw := range raws {
			if _, _, err := clean.Text(raw); err != nil {
				b.Fatalf("%s: %v", entries[k].Name(), err)
			}
		}
	}
}

package site

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A build into a directory copies each file of content/static/ from its
// source as it reads it, and packs it into the offline zip the same way:
// a file far larger than everything else the build allocates is never
// held, yet published byte for byte, in the zip too. Images are still
// sized from their header and inlined in the single-file edition.
func TestStaticFilesStreamed(t *testing.T) {
	const size = 48 << 20
	src := copyFS(t, staticSite(t))
	big := filepath.Join(src, "content", "static", "video", "big.bin")
	block := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range block {
		block[i] = byte(rng.Uint32())
	}
	if err := os.MkdirAll(filepath.Dir(big), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, bytes.Repeat(block, size/len(block)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("the build allocated %.1f MiB", float64(alloc)/(1<<20))
	if alloc >= size/2 {
		t.Errorf("the build allocated %.1f MiB for a site with a %d MiB static file: it was held, not streamed", float64(alloc)/(1<<20), size>>20)
	}

	want := sha256.Sum256(bytes.Repeat(block, size/len(block)))
	if got := fileSum(t, filepath.Join(out, "static", "video", "big.bin")); got != want {
		t.Error("static/video/big.bin is not the source file byte for byte")
	}
	zr, err := zip.OpenReader(filepath.Join(out, OfflineZip))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		if f.Name != "dossier/static/video/big.bin" {
			continue
		}
		found = true
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		if _, err := io.Copy(h, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		if [32]byte(h.Sum(nil)) != want {
			t.Error("the zip's static/video/big.bin is not the source file byte for byte")
		}
	}
	if !found {
		t.Error("static/video/big.bin is not in the offline zip")
	}

	beta, err := os.ReadFile(filepath.Join(out, "articles", "beta.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(beta), `src="../static/img/map.png" alt="The map of the summit" width="64" height="48"`) {
		t.Errorf("articles/beta.html does not show the map with its size:\n%s", beta)
	}
	single, err := os.ReadFile(filepath.Join(out, SingleFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(single), `src="data:image/png;base64,`) || strings.Contains(string(single), "big.bin\"") {
		t.Errorf("%s does not inline the map, or links the large file", SingleFile)
	}
}

func fileSum(t *testing.T, p string) [32]byte {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}

package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/corpus"
)

// A build keeps something of each article until its link check at the
// end, which must stay small: at 4.3 KB an article, a build of 40,000 ran
// at its memory limit. This holds the parts that grew with the site to
// what they should be; BenchmarkBuildRetained measures the bytes.
func TestLeanBuildRetainsLittle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := corpus.Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	r, err := renderAll(os.DirFS(dir), Options{}, newDirOutput(filepath.Join(dir, "out")), true)
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]*string{} // an article page's ids, joined → the first of them
	pages := 0
	for p, refs := range r.links.Pages() {
		if !strings.HasPrefix(p, "articles/") {
			continue
		}
		pages++
		// The stylesheet, the navigation, the index and the neighbours
		// are passed as the page is made: what is kept is the odd link to
		// a #fragment of a page not made yet (here, the timeline's).
		for _, l := range refs.Links() {
			if !strings.Contains(l.Value().URL, "#") {
				t.Errorf("%s: kept %+v until the end", p, l.Value())
			}
		}
		ids := refs.IDs()
		if len(ids) == 0 {
			t.Fatalf("%s: no ids", p)
		}
		key := strings.Join(ids, " ")
		if first, ok := sets[key]; !ok {
			sets[key] = &ids[0]
		} else if first != &ids[0] {
			t.Errorf("%s: ids %q not shared with the other pages that have them", p, ids)
		}
	}
	if pages != 300 {
		t.Fatalf("%d article pages, want 300", pages)
	}
	if len(sets) == pages {
		t.Errorf("no two article pages share their ids: the test needs a corpus where some do")
	}
	for i, v := range r.views {
		if v != nil {
			t.Errorf("the view of article %d is kept (no feed)", i)
		}
	}
	for i, d := range r.search {
		if d.Title != "" || d.Dek != "" || d.Meta != "" {
			t.Errorf("search document %d keeps its title, subtitle or meta: %+v", i, d)
		}
	}
}

package bench

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"sync"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
)

// FloorWorkers is the floor's concurrency: the floor was measured
// with 2 workers, on a 2-core machine.
const FloorWorkers = 2

// floorPage is the floor's one trivial template.
var floorPage = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><meta charset="utf-8"><title>{{.Title}}</title>
<body><main>{{.Body}}</main></body></html>
`))

// Floor is the least a static site generator must do with the corpus
// rooted at src: read every content/articles/*.md, convert its body with
// goldmark and chroma (classes, as Dossier does), run one trivial
// html/template, and write one page per article under out, with workers
// goroutines. It parses no YAML (the title is the first front matter
// line's value), checks nothing and lists nothing. It returns the number
// of pages written.
func Floor(src, out string, workers int) (int, error) {
	dir := filepath.Join(src, "content", "articles")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("floor: %w", err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") {
			names = append(names, e.Name())
		}
	}
	if err := os.MkdirAll(filepath.Join(out, "articles"), 0o755); err != nil {
		return 0, fmt.Errorf("floor: %w", err)
	}
	md := goldmark.New(goldmark.WithExtensions(
		highlighting.NewHighlighting(highlighting.WithFormatOptions(chromahtml.WithClasses(true))),
	))
	next := make(chan string)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var body, page bytes.Buffer
			for name := range next {
				if err := floorPageOf(md, dir, name, out, &body, &page); err != nil {
					errs <- err
					for range next { // drain so the sender finishes
					}
					return
				}
			}
		}()
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return 0, err
	}
	return len(names), nil
}

func floorPageOf(md goldmark.Markdown, dir, name, out string, body, page *bytes.Buffer) error {
	src, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	front, text := splitFront(src)
	body.Reset()
	if err := md.Convert(text, body); err != nil {
		return fmt.Errorf("floor: %s: %w", name, err)
	}
	page.Reset()
	data := struct {
		Title string
		Body  template.HTML
	}{firstValue(front), template.HTML(body.String())}
	if err := floorPage.Execute(page, data); err != nil {
		return fmt.Errorf("floor: %s: %w", name, err)
	}
	outName := filepath.Join(out, "articles", strings.TrimSuffix(name, ".md")+".html")
	if err := os.WriteFile(outName, page.Bytes(), 0o644); err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	return nil
}

// splitFront cuts a Markdown file into its front matter and body at the
// "---" fences, without parsing the YAML.
func splitFront(src []byte) (front, body []byte) {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return nil, src
	}
	front, body, ok = bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, src
	}
	return front, body
}

// firstValue is the value of the first "key: value" line.
func firstValue(front []byte) string {
	line, _, _ := bytes.Cut(front, []byte("\n"))
	_, v, _ := bytes.Cut(line, []byte(": "))
	return strings.Trim(string(v), `"`)
}

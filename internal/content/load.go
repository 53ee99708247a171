package content

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Content is a dossier's loaded and validated sources.
type Content struct {
	Site     Site
	Articles []*Article // by publication date (unknown last), then title
	Pages    []*Page    // by weight, then title
	// FS is the site root the content was loaded from, for the packages
	// that read further files (timelines).
	FS fs.FS
}

// Load reads and validates everything under content/ in fsys. All the
// problems found are returned together as a List.
func Load(fsys fs.FS) (*Content, error) { return load(fsys, false) }

// LoadLean is Load without keeping the articles' bodies (or their front
// matter) in memory: a build that writes each page as it goes reads the
// body again when it renders it (Article.ReadBody), so that its memory
// does not grow with the dossier's text.
func LoadLean(fsys fs.FS) (*Content, error) { return load(fsys, true) }

func load(fsys fs.FS, lean bool) (*Content, error) {
	c := &Content{FS: fsys}
	var errs List
	site, serrs := loadSite(fsys)
	c.Site = site
	errs = append(errs, serrs...)

	parse, read := parseArticle, readWhole
	if lean {
		read = readFront
		parse = func(file string, src []byte) (*Article, List) {
			a, errs := parseArticle(file, src)
			if a != nil {
				a.Body = nil
				// Until checkRaw: a copy, as src is readFront's buffer,
				// reused for the next file.
				a.front = bytes.Clone(a.front)
			}
			return a, errs
		}
	}
	arts, aerrs := loadDir(fsys, ArticlesDir, read, parse)
	errs = append(errs, aerrs...)
	c.Articles = arts
	sort.SliceStable(c.Articles, func(i, j int) bool { return ArticleLess(c.Articles[i], c.Articles[j]) })
	for _, a := range c.Articles {
		errs.Add(checkRaw(fsys, a))
	}

	if lean {
		for _, a := range c.Articles {
			a.front = nil // only the checks above report at a key's position
		}
	}

	pages, perrs := loadDir(fsys, PagesDir, readWhole, parsePage)
	errs = append(errs, perrs...)
	c.Pages = pages
	sort.SliceStable(c.Pages, func(i, j int) bool {
		a, b := c.Pages[i], c.Pages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Title < b.Title
	})
	return c, errs.Err()
}

// ArticleLess is the order of Content.Articles: by publication date
// (unknown last), then title, then slug.
func ArticleLess(a, b *Article) bool {
	if a.Date != b.Date {
		return a.Date.Before(b.Date)
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Slug < b.Slug
}

// checkRaw checks that the original an article names is kept under content/raw/.
func checkRaw(fsys fs.FS, a *Article) error {
	if a.Raw == "" {
		return nil
	}
	raw := path.Clean(path.Join("content", a.Raw))
	if !strings.HasPrefix(raw, "content/raw/") {
		p := a.keyPos("raw")
		return Errorf(a.File, p.Line, p.Col, "raw %q must name a file under content/raw/ (written relative to content/, e.g. raw/x.txt)", a.Raw)
	}
	if _, err := fs.Stat(fsys, raw); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return ReadError(raw, err)
		}
		p := a.keyPos("raw")
		return Errorf(a.File, p.Line, p.Col, "raw file %s not found; keep the original the article was cleaned from in content/raw/", raw)
	}
	return nil
}

// loadDir parses every .md file of dir concurrently, each as read gives
// it. A missing directory is empty; other files in it are errors, so that
// nothing is silently ignored.
func loadDir[T any](fsys fs.FS, dir string, read func(fs.FS, string, *[]byte) ([]byte, error), parse func(string, []byte) (T, List)) ([]T, List) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		var e *Error
		if errors.As(err, &e) {
			return nil, List{e}
		}
		return nil, List{Errorf(dir, 0, 0, "cannot read directory: %v", err)}
	}
	var errs List
	var files []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
		case e.IsDir():
			errs.Add(Errorf(dir+"/"+name, 0, 0, "unexpected directory: %s holds .md files only", dir))
		case !strings.HasSuffix(name, ".md"):
			errs.Add(Errorf(dir+"/"+name, 0, 0, "not a Markdown file: %s holds .md files only (keep originals in content/raw/)", dir))
		default:
			files = append(files, dir+"/"+name)
		}
	}
	out := make([]T, len(files))
	ok := make([]bool, len(files))
	ferrs := make([]List, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte // this worker's, for read
			for i := range next {
				src, err := read(fsys, files[i], &buf)
				if err != nil {
					ferrs[i] = List{ReadError(files[i], err)}
					continue
				}
				out[i], ferrs[i] = parse(files[i], src)
				ok[i] = len(ferrs[i]) == 0
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var res []T
	for i := range files {
		errs = append(errs, ferrs[i]...)
		if ok[i] {
			res = append(res, out[i])
		}
	}
	return res, errs
}

// readWhole reads file name whole, into memory of its own.
func readWhole(fsys fs.FS, name string, _ *[]byte) ([]byte, error) {
	return fs.ReadFile(fsys, name)
}

// frontBuf is how much of an article readFront reads first: its front
// matter, a kilobyte or two, and the start of its body.
const frontBuf = 4096

// readFront reads the start of file name into *buf, which it reuses from
// one call to the next, and returns it when it holds the whole front
// matter, which is all LoadLean keeps (the body is read again when it is
// rendered); parse must not keep the bytes. That spares, for each
// article, a buffer the size of the file, and two of ReadFile's five
// system calls (the stat sizing the buffer and the read finding the end
// of the file). It returns the whole file, in memory of its own, when the
// front matter does not end in that start or has an error, so that the
// errors are those of the whole file.
//
// SplitFrontMatter finds the same front matter, and the same body line,
// in the start cut after its last newline as in the whole file: both
// hold the same lines up to the first "---" that closes it.
func readFront(fsys fs.FS, name string, buf *[]byte) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if *buf == nil {
		*buf = make([]byte, frontBuf)
	}
	n, err := f.Read(*buf)
	if err != nil && err != io.EOF {
		return nil, err
	}
	head := (*buf)[:n]
	if i := bytes.LastIndexByte(head, '\n'); i >= 0 {
		if _, _, _, err := SplitFrontMatter(name, head[:i+1]); err == nil {
			return head[:i+1], nil
		}
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return append(bytes.Clone(head), rest...), nil
}

package content

import "io/fs"

// LoadArticle reads and validates the one article file (e.g.
// "content/articles/x.md"), with the same checks as Load. The preview
// server's incremental rebuild uses it to re-read only what changed.
func LoadArticle(fsys fs.FS, file string) (*Article, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, List{ReadError(file, err)}
	}
	a, errs := parseArticle(file, src)
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	if err := checkRaw(fsys, a); err != nil {
		return nil, List{err}
	}
	return a, nil
}

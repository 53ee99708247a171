// Package scaffold writes new dossiers and new content files from
// templates embedded in the binary: "dossier new" works anywhere, as
// "hugo new site" does, without this source tree.
//
// A new dossier (Site) builds as it is: its article, raw original and
// timeline are example content, invented and marked so, that shows every
// required key filled in. A new article or timeline (Article, Timeline)
// does not build until it is filled in: Dossier cannot invent the headline,
// address or original of an article, so the template leaves each required
// value empty and the build names every one still empty, with its line.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// files holds the new dossier under site/ and the templates of single
// files under new/. all: keeps site/.github.
//
//go:embed all:site new
var files embed.FS

// Placeholders the templates hold: the day the dossier is made (site.yaml's
// updated) and the new file's slug.
const (
	todayMark = "@TODAY@"
	slugMark  = "@SLUG@"
)

// Site writes a new dossier into dir, made if missing, and returns the
// files written (slash-separated, relative to dir), in order. dir may hold
// files of its own, as a repository made on GitHub does (.git, README.md,
// LICENSE, .gitignore), but none of what a dossier is made of (content/,
// templates/, public/) nor a file the scaffold would write: a new dossier
// never mixes with another. today becomes site.yaml's updated date.
func Site(dir string, today time.Time) ([]string, error) {
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case !fi.IsDir():
		return nil, fmt.Errorf("%s is a file; give a new or empty directory", dir)
	default:
		var taken []string
		for _, name := range []string{"content", "templates", "public"} {
			if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
				taken = append(taken, name)
			}
		}
		fs.WalkDir(files, "site", func(p string, d fs.DirEntry, err error) error {
			rel := strings.TrimPrefix(p, "site/")
			if err == nil && !d.IsDir() && !strings.HasPrefix(rel, "content/") {
				if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
					taken = append(taken, rel)
				}
			}
			return nil
		})
		if len(taken) > 0 {
			return nil, fmt.Errorf("%s already holds %s; give a new directory, or one without content/, templates/, public/ and the files dossier new writes", dir, strings.Join(taken, ", "))
		}
	}
	var written []string
	err := fs.WalkDir(files, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "site/")
		b = []byte(strings.ReplaceAll(string(b), todayMark, today.Format(time.DateOnly)))
		if err := create(filepath.Join(dir, filepath.FromSlash(rel)), b); err != nil {
			return err
		}
		written = append(written, rel)
		return nil
	})
	return written, err
}

// The kinds of content file that Article and Timeline write.
const (
	ArticleDir  = "content/articles"
	TimelineDir = "content/timelines"
)

// Article writes content/articles/<slug>.md under the dossier at src, to be
// filled in, and returns its path.
func Article(src, slug string) (string, error) {
	return single(src, slug, ArticleDir, ".md", "new/article.md")
}

// Timeline writes content/timelines/<slug>.yaml under the dossier at src,
// to be filled in, and returns its path.
func Timeline(src, slug string) (string, error) {
	return single(src, slug, TimelineDir, ".yaml", "new/timeline.yaml")
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// single writes the template tmpl as dir/<slug><ext> under src.
func single(src, slug, dir, ext, tmpl string) (string, error) {
	if !slugRE.MatchString(slug) {
		return "", fmt.Errorf("%q is not a valid slug: use lower-case letters, digits and single hyphens, e.g. %q", slug, suggestSlug(slug))
	}
	if fi, err := os.Stat(filepath.Join(src, "content")); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s has no content/ directory, so it is not a dossier: give the dossier's root with -src, or start one with dossier new DIR", src)
	}
	b, err := files.ReadFile(tmpl)
	if err != nil {
		return "", err
	}
	p := filepath.Join(src, filepath.FromSlash(path.Join(dir, slug+ext)))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", err
	}
	if err := create(p, []byte(strings.ReplaceAll(string(b), slugMark, slug))); err != nil {
		return "", err
	}
	return p, nil
}

// create writes a new file, refusing to replace one.
func create(p string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose another slug, or edit that file", p)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// suggestSlug turns s into a slug: lower case, runs of anything but
// letters and digits made one hyphen.
func suggestSlug(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	if out := strings.Join(words, "-"); out != "" {
		return out
	}
	return "my-slug"
}

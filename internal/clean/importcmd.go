package clean

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

const importUsage = `usage: dossier import [-o content/articles] [-explain[=all]] [-force] FILE...

Cleans each FILE (plain text copied from a browser, or a saved page .html or
.htm, gzipped accepted) into a Markdown article in the -o directory and
prints its path. Without -o it must run in a dossier (content/site.yaml).
An existing article is never overwritten without -force, and two inputs of
one run that give the same article are never written over each other.
-explain prints every block that left the body, and why; -explain=all
prints the kept blocks too.
`

// Clean cleans one raw input, choosing the plain-text or HTML path by name
// and content (see Decode).
func Clean(name string, raw []byte) (*Article, *Report, error) {
	data, kind, err := Decode(name, raw)
	if err != nil {
		return nil, nil, err
	}
	if kind == KindHTML {
		return HTML(data, "")
	}
	return Text(data)
}

// RunImport is the "dossier import" command. It parses its own flags, imports
// every file it can, reports each bad one on stderr naming it, and returns
// the exit status: 0 when all were imported, 1 when any failed, 2 for a
// usage error.
func RunImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, importUsage); fs.PrintDefaults() }
	out := fs.String("o", filepath.Join("content", "articles"), "directory to write the articles to")
	var explain explainMode
	fs.Var(&explain, "explain", "print every block that left the body, with the reason; -explain=all prints the kept blocks too")
	force := fs.Bool("force", false, "overwrite an existing article")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	outGiven := false
	fs.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "o" })
	if !outGiven {
		// Like "hugo new", the default output is only right inside a site:
		// elsewhere it would create ./content/articles silently.
		if _, err := os.Stat(filepath.Join("content", "site.yaml")); err != nil {
			fmt.Fprintf(stderr, "import: this directory is not a dossier (there is no content/site.yaml here): run the import from the dossier's directory, or name the output directory with -o DIR\n")
			return 2
		}
	}
	status := 0
	written := map[string]string{} // article path -> the input it came from, in this run
	for _, file := range fs.Args() {
		path, rep, err := importFile(file, *out, *force, written)
		if err != nil {
			fmt.Fprintf(stderr, "import %s: %v\n", file, err)
			status = 1
			continue
		}
		fmt.Fprintln(stdout, path)
		if explain != "" {
			writeExplain(stdout, rep, explain == "all")
		}
	}
	return status
}

// importFile cleans one file and writes its article, returning the path
// written. written maps the articles this run wrote to their inputs: a
// second input with the same slug is refused, even with -force, which is
// for replacing an article of an earlier run, not one just written.
func importFile(file, outDir string, force bool, written map[string]string) (string, *Report, error) {
	raw, err := readInput(file)
	if err != nil {
		return "", nil, err
	}
	a, rep, err := Clean(file, raw)
	if err != nil {
		return "", nil, err
	}
	a.Raw = rawPath(file, outDir)
	slug := Slug(a.Title)
	if a.Title == "" {
		// The article is still written, named after its file, with the
		// title left for a person: the TODO comment lists it and the
		// build rejects an empty title.
		base := strings.TrimSuffix(filepath.Base(file), ".gz")
		slug = Slug(strings.TrimSuffix(base, filepath.Ext(base)))
		rep.Notes = append(rep.Notes, "no title found: the article is named after its file; fill in title by hand")
	}
	md, err := a.Markdown()
	if err != nil {
		return "", nil, err
	}
	path := filepath.Join(outDir, slug+".md")
	if first, ok := written[path]; ok {
		return "", nil, fmt.Errorf("gives the same article as %s, imported earlier in this run: both are %s; not written (import it alone, with -o elsewhere, to compare)", first, path)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", nil, err
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return "", nil, fmt.Errorf("%s already exists: use -force to overwrite it", path)
	}
	if err != nil {
		return "", nil, err
	}
	written[path] = file
	if _, err := f.Write(md); err != nil {
		f.Close()
		return "", nil, err
	}
	return path, rep, f.Close()
}

// rawPath is the raw file's path relative to the content directory, the
// parent of the output directory, with forward slashes as the front matter
// wants them. A file outside it keeps the path as given.
func rawPath(file, outDir string) string {
	root, err1 := filepath.Abs(filepath.Dir(filepath.Clean(outDir)))
	abs, err2 := filepath.Abs(file)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

// readInput reads a raw file, refusing one larger than maxInput without
// reading more than that.
func readInput(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxInput {
		return nil, &TooLargeError{What: "the file", Limit: maxInput}
	}
	return raw, nil
}

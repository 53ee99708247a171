package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"dossier/internal/serve"
)

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [flags]", "Build the site into memory, serve it, and rebuild and reload the browser\non every change. public/ is not touched.", stdout, stderr)
	src := fs.String("src", ".", "the site root, holding content/ and optionally templates/")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on; loopback unless you mean to share the preview")
	base := fs.String("base", "/", "path to serve the site under, e.g. /repo/ to preview a GitHub Pages project site")
	if code, ok := fs.parse(args); !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first build shows its progress; the log's first line, once it
	// is done, ends it.
	prog := startProgress(stderr, "building", "pages")
	log := &fromHereWriter{src: *src, w: prog.stopOnWrite(stdout)}
	err := serve.Run(ctx, serve.Config{Src: *src, Addr: *addr, Base: *base, Log: log, Progress: prog.report()})
	prog.stop()
	if err != nil {
		fmt.Fprintf(stderr, "dossier serve: %v\n", err)
		return 1
	}
	return 0
}

// A fromHereWriter passes the preview's log on line by line, naming the
// files of the build's errors from where the command runs, as build's
// errors are (see fromHere); the browser's error page keeps naming them
// from the site root.
type fromHereWriter struct {
	src     string
	w       io.Writer
	partial []byte // a line not yet ended
}

func (f *fromHereWriter) Write(p []byte) (int, error) {
	f.partial = append(f.partial, p...)
	for {
		i := bytes.IndexByte(f.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := fromHere(f.src, string(f.partial[:i]))
		f.partial = f.partial[i+1:]
		if _, err := io.WriteString(f.w, line+"\n"); err != nil {
			return len(p), err
		}
	}
}

package cli

import (
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
	err := serve.Run(ctx, serve.Config{Src: *src, Addr: *addr, Base: *base, Log: prog.stopOnWrite(stdout), Progress: prog.report()})
	prog.stop()
	if err != nil {
		fmt.Fprintf(stderr, "dossier serve: %v\n", err)
		return 1
	}
	return 0
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"dossier/internal/serve"
)

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", ".", "the site root, holding content/ and optionally templates/")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on; loopback unless you mean to share the preview")
	base := fs.String("base", "/", "path to serve the site under, e.g. /repo/ to preview a GitHub Pages project site")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dossier serve [flags]\n\nBuild the site into memory, serve it, and rebuild and reload on every change.\npublic/ is not touched.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "dossier serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, serve.Config{Src: *src, Addr: *addr, Base: *base, Log: stdout}); err != nil {
		fmt.Fprintf(stderr, "dossier serve: %v\n", err)
		return 1
	}
	return 0
}

package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"dossier/internal/content"
	"dossier/internal/site"
)

// Config configures a preview server.
type Config struct {
	Src  string // the site root, holding content/ and optionally templates/
	Addr string // where to listen; default 127.0.0.1:8080
	// Base is the path the site is served under: "/" (the default) or a
	// GitHub Pages project path such as "/repo/". It also becomes the
	// build's base path, so 404.html works at any depth.
	Base string
	Log  io.Writer // where builds are reported; default os.Stdout
	// Debounce is how long the sources must be quiet before a rebuild, so
	// that one save (often several file system events) is one rebuild.
	Debounce time.Duration
	// Progress, when set, is given to the builds as site.Options.Progress:
	// the first build is a full one, whose pages it counts.
	Progress func(done, total int)
}

// DefaultAddr is loopback only: a preview is not for the network.
const DefaultAddr = "127.0.0.1:8080"

const defaultDebounce = 10 * time.Millisecond

// A Server serves the last good build of a site and rebuilds it on change.
type Server struct {
	cfg     Config
	base    string
	source  *content.Source
	builder *site.Builder
	hub     *hub
	watcher *watcher

	// listen is the host:port the server listens on, which the Host
	// header may name besides the loopback names (see allowedHost); set
	// by Serve before it serves.
	listen string

	mu   sync.RWMutex
	res  *site.Result // the last good build; nil before the first
	errs []error      // the last build's problems; nil when it succeeded
	gen  int64        // bumped by each build that changes what is served
}

// New builds the site once and starts watching its sources. A failed
// first build is not an error: the server shows it, and a fix recovers.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Base == "" {
		cfg.Base = "/"
	}
	if msg := content.BasePathProblem(cfg.Base); msg != "" {
		return nil, fmt.Errorf("-base %q: %s", cfg.Base, msg)
	}
	if !strings.HasSuffix(cfg.Base, "/") {
		cfg.Base += "/"
	}
	if cfg.Log == nil {
		cfg.Log = os.Stdout
	}
	if cfg.Debounce == 0 {
		cfg.Debounce = defaultDebounce
	}
	if _, err := os.Stat(filepath.Join(cfg.Src, "content")); err != nil {
		return nil, fmt.Errorf("%s is not a site root: %w", cfg.Src, err)
	}
	// The preview reads the sources as a build does: regular files inside
	// the site root only (see content.Source).
	source, err := content.OpenSource(cfg.Src)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:     cfg,
		base:    cfg.Base,
		source:  source,
		builder: site.NewBuilder(source, site.Options{BasePath: cfg.Base, Progress: cfg.Progress}),
		hub:     newHub(),
	}
	// Watch before the first build, so that no edit made during it is lost.
	w, err := newWatcher(cfg.Src)
	if err != nil {
		source.Close()
		return nil, err
	}
	s.watcher = w
	s.rebuild(nil)
	return s, nil
}

// An InUseError says the address to listen on is taken.
type InUseError struct{ Addr string }

func (e *InUseError) Error() string {
	return e.Addr + " is in use; pick another with -addr"
}

// Listen listens on addr, reporting an address in use as *InUseError.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, &InUseError{Addr: addr}
	}
	return ln, err
}

// Run listens on cfg.Addr and serves the site at cfg.Src until ctx is done.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	// Listen first: a port in use is reported before any building.
	ln, err := Listen(cfg.Addr)
	if err != nil {
		return err
	}
	s, err := New(cfg)
	if err != nil {
		ln.Close()
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln and rebuilds on change until ctx is done, then shuts
// down: the event streams are ended and the open requests finished.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	defer s.watcher.close()
	defer s.source.Close()
	fmt.Fprintf(s.cfg.Log, "serving %s at http://%s%s (Ctrl-C to stop)\n", s.cfg.Src, ln.Addr(), s.base)

	wctx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		s.watcher.run(wctx, s.cfg.Debounce, s.rebuild, s.cfg.Log)
	}()
	defer func() { stopWatch(); <-watched }()

	s.listen = ln.Addr().String()
	srv := s.httpServer()
	srv.RegisterOnShutdown(s.hub.close)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	<-served
	fmt.Fprintln(s.cfg.Log, "stopped")
	return err
}

// httpServer is the preview's http.Server, with its timeouts.
func (s *Server) httpServer() *http.Server {
	return &http.Server{Handler: s,
		// A request is a few hundred bytes from a browser on this machine:
		// a client that takes longer to send one is stuck or hostile.
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Keep-alive connections between a tab's requests.
		IdleTimeout: 2 * time.Minute,
		// No WriteTimeout: it bounds the whole response, so it would cut
		// every tab's server-sent event stream (which lasts as long as
		// the tab) after that time, and the tab would reconnect and
		// reload for nothing. A slow reader of a page only holds its own
		// connection.
	}
}

// rebuild brings the site up to date after changes to the files (paths
// from the site root) and tells the tabs when what they show changed.
func (s *Server) rebuild(changed []string) {
	start := time.Now()
	res, paths, err := s.builder.Rebuild(changed)
	d := time.Since(start).Round(100 * time.Microsecond)
	s.mu.Lock()
	bump := false
	switch {
	case err != nil:
		errs := site.ErrorsOf(err)
		bump = s.errs == nil || !sameErrors(s.errs, errs)
		s.errs = errs
	default:
		bump = s.errs != nil || len(paths) > 0
		s.res, s.errs = res, nil
	}
	if bump {
		s.gen++
	}
	gen := s.gen
	s.mu.Unlock()

	switch {
	case err != nil:
		fmt.Fprintf(s.cfg.Log, "build failed in %s; still serving the last good build:\n%s\n", d, err)
	case changed == nil:
		fmt.Fprintf(s.cfg.Log, "built %d files in %s\n", len(res.Files), d)
	default:
		fmt.Fprintf(s.cfg.Log, "%s changed: %d output file(s) changed, in %s\n", strings.Join(changed, ", "), len(paths), d)
	}
	if bump {
		s.hub.publish(gen)
	}
}

func sameErrors(a, b []error) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Error() != b[i].Error() {
			return false
		}
	}
	return true
}

// snapshot is what one request serves: one build, consistently.
func (s *Server) snapshot() (*site.Result, []error, int64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.res, s.errs, s.gen
}

func (s *Server) generation() int64 {
	_, _, g := s.snapshot()
	return g
}

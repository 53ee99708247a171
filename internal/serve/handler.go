package serve

import (
	"mime"
	"net"
	"net/http"
	"net/netip"
	"path"
	"strconv"
	"strings"
)

// ServeHTTP serves the site as GitHub Pages would (see the package doc).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		http.Error(w, "misdirected request: this preview answers only to localhost, 127.0.0.1 or [::1] (or "+
			s.listenName()+"), not to the host "+strconv.Quote(r.Host)+": a web page must not reach it through a name of its own (DNS rebinding)",
			http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p == s.base+eventsPath {
		s.hub.serve(w, r, s.generation)
		return
	}
	if !strings.HasPrefix(p, s.base) {
		if p+"/" == s.base || p == "/" {
			http.Redirect(w, r, s.base, http.StatusFound)
			return
		}
		http.Error(w, "not found: the site is served under "+s.base, http.StatusNotFound)
		return
	}
	rel := strings.TrimPrefix(p, s.base)
	if !inside(rel) {
		http.Error(w, "bad request: the path leaves the site", http.StatusBadRequest)
		return
	}
	res, errs, gen := s.snapshot()
	var files map[string][]byte
	if res != nil {
		files = res.Files
	}
	name, dir := lookup(files, rel)
	if dir {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if name == "" {
		status, name = http.StatusNotFound, "404.html"
	}
	body, ok := files[name]
	switch {
	case errs != nil && (strings.HasSuffix(name, ".html") || !ok):
		s.write(w, r, http.StatusInternalServerError, "error.html", renderErrorPage(errs), gen)
	case !ok:
		http.Error(w, "not found", http.StatusNotFound)
	default:
		s.write(w, r, status, name, body, gen)
	}
}

// inside reports whether the path (relative to the base) stays in the
// site: no "." or ".." segment, no backslash (a separator on Windows), no NUL.
func inside(rel string) bool {
	if strings.ContainsAny(rel, "\\\x00") {
		return false
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// lookup finds the file GitHub Pages serves for rel: rel itself, its
// index.html when it ends in "/", or rel.html. dir reports a directory
// named without its trailing slash, which is redirected. name is "" when
// nothing matches.
func lookup(files map[string][]byte, rel string) (name string, dir bool) {
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if _, ok := files[rel]; ok {
		return rel, false
	}
	if _, ok := files[rel+".html"]; ok {
		return rel + ".html", false
	}
	if _, ok := files[rel+"/index.html"]; ok {
		return "", true
	}
	return "", false
}

// contentType is the type for a file name, by its extension.
func contentType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// write sends one response, adding the reload script to HTML.
func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, name string, body []byte, gen int64) {
	ct := contentType(name)
	if strings.HasPrefix(ct, "text/html") {
		body = injectReload(body, s.base+eventsPath, gen)
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// allowedHost reports whether a request's Host header names this server
// by a loopback name (localhost, 127.0.0.0/8, [::1], on any port) or as
// the exact host:port it listens on. Any other name is refused: a page on
// another site can point a name of its own at 127.0.0.1 (DNS rebinding)
// and then read the preview as if it were its own origin; its requests
// still carry that name in Host.
func (s *Server) allowedHost(host string) bool {
	if host == "" {
		return false
	}
	if s.listen != "" && strings.EqualFold(host, s.listen) {
		return true
	}
	h := host
	if name, _, err := net.SplitHostPort(host); err == nil {
		h = name
	}
	h = strings.TrimSuffix(strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")), ".")
	if h == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(h)
	return err == nil && ip.Zone() == "" && ip.Unmap().IsLoopback()
}

// listenName is the address the server listens on, for a message.
func (s *Server) listenName() string {
	if s.listen == "" {
		return "the address it listens on"
	}
	return s.listen
}

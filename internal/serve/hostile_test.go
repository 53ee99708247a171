package serve

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestHostHeader sends requests over real HTTP on loopback with Host
// headers a browser would send: the loopback names and the address the
// server listens on are served, any other name (what a DNS rebinding
// page's requests carry) gets 421 with a short reason.
func TestHostHeader(t *testing.T) {
	ts := startServer(t, newSite(t), "/")
	addr := strings.TrimPrefix(ts.url, "http://")
	_, port, _ := net.SplitHostPort(addr)
	tests := []struct {
		host string
		ok   bool
	}{
		{addr, true},
		{"localhost:" + port, true},
		{"LOCALHOST:" + port, true},
		{"localhost", true},
		{"localhost.:" + port, true},
		{"127.0.0.1:" + port, true},
		{"127.1.2.3:" + port, true},
		{"[::1]:" + port, true},
		{"[::1]", true},
		{"evil.example:" + port, false},
		{"evil.example", false},
		{"localhost.evil.example:" + port, false},
		{"127.0.0.1.evil.example:" + port, false},
		{"10.0.0.1:" + port, false},
		{"0.0.0.0:" + port, false},
		{"[fe80::1%25lo]:" + port, false},
	}
	for _, tt := range tests {
		req, err := http.NewRequest("GET", ts.url+"/index.html", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = tt.host
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch {
		case tt.ok && resp.StatusCode != http.StatusOK:
			t.Errorf("Host %q: %d %s, want 200", tt.host, resp.StatusCode, body)
		case !tt.ok && resp.StatusCode != http.StatusMisdirectedRequest:
			t.Errorf("Host %q: %d, want 421", tt.host, resp.StatusCode)
		case !tt.ok && !strings.Contains(string(body), "this preview answers only to localhost, 127.0.0.1 or [::1] (or "+addr+"), not to the host "):
			t.Errorf("Host %q: the 421 does not say why: %s", tt.host, body)
		}
	}
	// The event stream too: a rebinding page must not learn of builds.
	req, _ := http.NewRequest("GET", ts.url+"/"+eventsPath, nil)
	req.Host = "evil.example:" + port
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("event stream with a foreign Host: %d, want 421", resp.StatusCode)
	}
}

// TestTimeouts: a client that never finishes its request, or holds an
// idle connection, is let go; no write timeout, which would cut the event
// streams that last as long as a tab.
func TestTimeouts(t *testing.T) {
	s := &Server{}
	srv := s.httpServer()
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("timeouts: read header %v, read %v, idle %v; want all set", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.IdleTimeout)
	}
	if srv.WriteTimeout != 0 {
		t.Errorf("WriteTimeout %v would end the event streams", srv.WriteTimeout)
	}
}

// TestBaseFlag: -base is a path starting with one slash, named by the flag.
func TestBaseFlag(t *testing.T) {
	dir := newSite(t)
	for base, want := range map[string]string{
		"//evil.example/": `-base "//evil.example/": must be a path starting with one "/", such as /repo/`,
		"repo/":           `-base "repo/": must be a path starting with one "/", such as /repo/`,
		"/a/../b/":        `-base "/a/../b/": must be a plain URL path, such as /repo/: letters, digits and "._~-" between single slashes, no "." or ".." part, no query or fragment`,
	} {
		if _, err := New(Config{Src: dir, Base: base, Log: testLog}); err == nil || err.Error() != want {
			t.Errorf("-base %q: %v, want %s", base, err, want)
		}
	}
	s, err := New(Config{Src: dir, Base: "/repo", Log: testLog})
	if err != nil || s.base != "/repo/" {
		t.Fatalf("-base /repo: %v", err)
	}
	s.watcher.close()
}

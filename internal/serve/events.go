package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// A hub fans the build generation out to the browser tabs listening with
// server-sent events. Only the latest generation matters to a tab, so a
// slow tab's pending value is replaced rather than queued.
type hub struct {
	mu   sync.Mutex
	subs map[chan int64]struct{}
	done chan struct{} // closed on shutdown, ending every stream
	once sync.Once
}

func newHub() *hub {
	return &hub{subs: map[chan int64]struct{}{}, done: make(chan struct{})}
}

func (h *hub) subscribe() (chan int64, func()) {
	ch := make(chan int64, 1)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

// publish sends gen to every tab without blocking.
func (h *hub) publish(gen int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case <-ch: // drop the stale value
		default:
		}
		ch <- gen
	}
}

// close ends every stream: http.Server.Shutdown waits for connections to
// go idle, which an event stream never does by itself.
func (h *hub) close() { h.once.Do(func() { close(h.done) }) }

// keepAlive is how often an idle stream gets a comment line, so that a
// tab notices a dead server and reconnects.
const keepAlive = 30 * time.Second

// serve streams "reload" events carrying the generation: first the
// current one (from gen, read after subscribing so no build is missed),
// then one per build.
func (h *hub) serve(w http.ResponseWriter, r *http.Request, gen func() int64) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, unsubscribe := h.subscribe()
	defer unsubscribe()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	send := func(g int64) bool {
		_, err := fmt.Fprintf(w, "event: reload\ndata: %d\n\n", g)
		fl.Flush()
		return err == nil
	}
	// retry: how soon a tab reconnects after the server restarts.
	fmt.Fprint(w, "retry: 1000\n")
	if !send(gen()) {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case g := <-ch:
			if !send(g) {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		}
	}
}

package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// A progress is the one status line a long command keeps on a terminal,
// "building: 120/450 pages, 1.3s", redrawn in place with a carriage
// return and cleared when the work ends, so that what stays on the screen
// is the command's usual output. It goes to stderr and only when stderr is
// a terminal: piped or redirected, a command prints exactly what it
// printed without it. A nil *progress (not a terminal) does nothing.
type progress struct {
	w          io.Writer
	verb, unit string
	now        func() time.Time
	start      time.Time
	stopTick   chan struct{}

	mu          sync.Mutex
	done, total int
	last        time.Time // when the line was last drawn; zero before
	width       int       // of the line on the screen; 0 when none is
	midLine     bool      // output passed through has left the cursor mid-line
	stopped     bool
}

// progressEvery is how often the line is redrawn at most, and how often
// while nothing reports (so the elapsed time still moves): often enough
// to look alive, rarely enough to cost nothing.
const progressEvery = 100 * time.Millisecond

// A terminal is a writer that says whether it is a terminal; tests give
// one to see the progress line without a terminal.
type terminal interface{ IsTerminal() bool }

// isTerminal reports whether w is a terminal: a character device, which is
// what a terminal is to Stat, without a dependency for ioctls. (/dev/null
// is one too; drawing into it is harmless.)
func isTerminal(w io.Writer) bool {
	switch f := w.(type) {
	case terminal:
		return f.IsTerminal()
	case *os.File:
		fi, err := f.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice != 0
	}
	return false
}

// startProgress returns the progress line of a command on w ("building",
// "pages"), redrawn by a ticker until stop, or nil when w is not a
// terminal.
func startProgress(w io.Writer, verb, unit string) *progress {
	if !isTerminal(w) {
		return nil
	}
	p := newProgress(w, verb, unit, time.Now)
	p.stopTick = make(chan struct{})
	go func() {
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-p.stopTick:
				return
			case <-t.C:
				p.mu.Lock()
				p.drawLocked(false)
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// newProgress returns a progress line on w with the clock now and no
// ticker: what the tests drive.
func newProgress(w io.Writer, verb, unit string, now func() time.Time) *progress {
	return &progress{w: w, verb: verb, unit: unit, now: now, start: now()}
}

// report returns the function that tells p how far the work is, for
// site.Options.Progress: nil when there is no line to draw, so that the
// build does not count for nothing.
func (p *progress) report() func(done, total int) {
	if p == nil {
		return nil
	}
	return p.update
}

// update records that done of total items are done (total 0: unknown),
// and redraws the line if it has not been drawn for progressEvery. The
// first update that gives a total draws at once: the ticker may have
// drawn the line already while the work was loading.
func (p *progress) update(done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	first := p.total == 0 && total > 0
	p.done, p.total = done, total
	p.drawLocked(first)
}

// line is the text of the progress line.
func (p *progress) line() string {
	elapsed := p.now().Sub(p.start).Seconds()
	if p.total == 0 && p.done == 0 {
		return fmt.Sprintf("%s: starting, %.1fs", p.verb, elapsed) // nothing counted yet: reading the sources
	}
	if p.total > 0 && p.done <= p.total {
		return fmt.Sprintf("%s: %d/%d %s, %.1fs", p.verb, p.done, p.total, p.unit, elapsed)
	}
	return fmt.Sprintf("%s: %d %s, %.1fs", p.verb, p.done, p.unit, elapsed)
}

// drawLocked redraws the line, unless it was drawn less than
// progressEvery ago (and force is false), the output passed through is
// mid-line, or p is stopped. Shorter text is padded with spaces over the
// longer line it replaces: plain characters, no terminal escapes.
func (p *progress) drawLocked(force bool) {
	t := p.now()
	if p.stopped || p.midLine || (!force && !p.last.IsZero() && t.Sub(p.last) < progressEvery) {
		return
	}
	s := p.line()
	pad := max(0, p.width-len(s))
	io.WriteString(p.w, "\r"+s+strings.Repeat(" ", pad))
	p.width, p.last = len(s), t
}

// clearLocked removes the line from the screen, leaving the cursor at the
// start of the empty line.
func (p *progress) clearLocked() {
	if p.width > 0 {
		io.WriteString(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
		p.width = 0
	}
}

// stop clears the line for good: the command's summary, warnings or errors
// follow on a clean line.
func (p *progress) stop() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.clearLocked()
	p.stopped = true
	if p.stopTick != nil {
		close(p.stopTick)
	}
}

// stopOnWrite returns w, which stops p before its first write: the serve
// command's log starts once its first build is done.
func (p *progress) stopOnWrite(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return writerFunc(func(b []byte) (int, error) {
		p.stop()
		return w.Write(b)
	})
}

// through returns w, through which output reaches the terminal while the
// line is shown: each write clears the line, and once the output is back
// at a line's start the line is drawn again below it. count, if not nil,
// is told of every complete line written, and says whether it finishes
// one more item (the importer prints a line per file).
func (p *progress) through(w io.Writer, count func(line string) bool) io.Writer {
	if p == nil {
		return w
	}
	var cur []byte // the start of the line being written, for count
	return writerFunc(func(b []byte) (int, error) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.clearLocked()
		n, err := w.Write(b)
		for _, c := range b[:n] {
			if c != '\n' {
				if len(cur) < 64 {
					cur = append(cur, c)
				}
				continue
			}
			if count != nil && count(string(cur)) {
				p.done++
			}
			cur = cur[:0]
		}
		if n > 0 {
			p.midLine = b[n-1] != '\n'
		}
		p.drawLocked(true)
		return n, err
	})
}

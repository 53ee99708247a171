package site

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestParallel holds parallel to its contract: every index is called
// exactly once, and no more calls run at a time than there are CPUs.
func TestParallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	const n = 50
	var calls [n]atomic.Int32
	var running, peak atomic.Int32
	parallel(n, func(i int) {
		cur := running.Add(1)
		for {
			p := peak.Load()
			if cur <= p || peak.CompareAndSwap(p, cur) {
				break
			}
		}
		time.Sleep(time.Millisecond) // let the other calls overlap this one
		calls[i].Add(1)
		running.Add(-1)
	})
	for i := range calls {
		if c := calls[i].Load(); c != 1 {
			t.Errorf("f(%d) called %d times, want 1", i, c)
		}
	}
	if p := peak.Load(); p > 3 || p < 1 {
		t.Errorf("%d calls ran at once with GOMAXPROCS 3, want 1 to 3", p)
	}
	parallel(0, func(int) { t.Error("f called for n = 0") })
}

package cli

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The build's garbage collection.
//
// A build allocates a lot and keeps little: at 10,000 articles it
// allocates gigabytes while its live heap ends near 50 MB. Go's default
// (GOGC=100) collects whenever the heap has doubled what is live, so
// while that is small it collects often. A build instead lets the heap
// grow to a soft limit of buildMemoryLimit before it collects (GOGC=off
// under the limit): fewer collections, and a peak that stays under
// 200 MB.
//
// A limit alone goes wrong once what is live nears it: the collector
// then runs back to back. Under the old fixed limit a 40,000-article
// build (live heap ~180 MB) ran 205 collections and took 6.5 times as
// long as a 10,000-article one. So limitGC watches the live heap and,
// once it passes half the limit, hands the build back to Go's default
// (GOGC=100, no limit): from there peak memory grows with the dossier,
// about twice what is live, and the cost stays linear.
//
// GOGC or GOMEMLIMIT set in the environment leave the collector as they
// say, for whoever wants to measure or cap it otherwise.

// buildMemoryLimit is the build's soft memory limit.
const buildMemoryLimit = 180 << 20

// limitGC applies the policy above with the given limit, checking the
// live heap at the given interval, until restore is called; restore puts
// back the collector's settings as they were. The settings are the
// process's own: one build at a time may run under the policy.
func limitGC(limit int64, every time.Duration) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	oldPercent := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(limit)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		// The live heap is what the last collection found; until one has
		// run under the policy, that is the heap of before the build.
		m := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}, {Name: "/gc/heap/live:bytes"}}
		metrics.Read(m)
		before := m[0].Value.Uint64()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			metrics.Read(m)
			if m[0].Value.Uint64() > before && m[1].Value.Uint64() > uint64(limit/2) {
				// Back to the settings of before the build (which, with
				// neither variable set, are GOGC=100 and no limit).
				debug.SetGCPercent(oldPercent)
				debug.SetMemoryLimit(oldLimit)
				return
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

package cli

import (
	"math"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// gcSettings reads the collector's settings: GOGC (-1 for off) and the
// soft memory limit.
func gcSettings() (percent int64, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

func TestLimitGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before, beforeLimit := gcSettings()
	if before != 100 || beforeLimit != math.MaxInt64 {
		t.Fatalf("the test process runs with GOGC %d, limit %d; want Go's defaults", before, beforeLimit)
	}
	const limit = 64 << 20

	// A large heap that was live before the build, and that the last
	// collection still counts, is not the build's: it keeps the limit.
	old := make([]byte, limit/2+8<<20) // over half the limit, under the limit
	for i := 0; i < len(old); i += 4096 {
		old[i] = 1
	}
	runtime.GC()
	runtime.KeepAlive(old)
	restore := limitGC(limit, time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	if p, l := gcSettings(); p != -1 || l != limit {
		restore()
		t.Fatalf("during a build, before its first collection: GOGC %d, limit %d; want off under %d", p, l, limit)
	}

	// A small live heap keeps the limit.
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if p, l := gcSettings(); p != -1 || l != limit {
		restore()
		t.Fatalf("small live heap: GOGC %d, limit %d; want off under %d", p, l, limit)
	}

	// A live heap past half the limit hands the build back to Go's default.
	keep := make([]byte, limit/2+16<<20)
	for i := 0; i < len(keep); i += 4096 {
		keep[i] = 1
	}
	runtime.GC()
	p, l := gcSettings()
	for end := time.Now().Add(5 * time.Second); (p != before || l != beforeLimit) && time.Now().Before(end); {
		time.Sleep(time.Millisecond)
		p, l = gcSettings()
	}
	runtime.KeepAlive(keep)
	restore()
	if p != before || l != beforeLimit {
		t.Errorf("live heap past half the limit: GOGC %d, limit %d; want Go's settings back, %d and %d", p, l, before, beforeLimit)
	}
	if p, l := gcSettings(); p != before || l != beforeLimit {
		t.Errorf("after the build: GOGC %d, limit %d; want them back at %d, %d", p, l, before, beforeLimit)
	}
}

// TestLimitGCLeavesTheEnvironmentAlone: GOGC or GOMEMLIMIT set by the user
// win over the build's policy.
func TestLimitGCLeavesTheEnvironmentAlone(t *testing.T) {
	before, beforeLimit := gcSettings()
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "400")
			restore := limitGC(64<<20, time.Millisecond)
			p, l := gcSettings()
			restore()
			if p != before || l != beforeLimit {
				t.Errorf("%s set: GOGC %d, limit %d; want them left at %d, %d", env, p, l, before, beforeLimit)
			}
		})
	}
}

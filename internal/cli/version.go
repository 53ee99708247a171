package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// versionCmd prints the program's version, from what the Go toolchain
// recorded in the binary: no version number to keep in step by hand.
func versionCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", "Print this program's version: its module version, the commit it was\nbuilt from (when built in a checkout), and the Go version.", stdout, stderr)
	if code, ok := fs.parse(args); !ok {
		return code
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	fmt.Fprintln(stdout, versionLine(info))
	return 0
}

// versionLine is the one line "dossier version" prints, e.g.
//
//	dossier v1.2.0 (commit 1a5e46e12345, 2026-12-04T19:19:17Z; go1.26.8 linux/amd64)
//
// go install of a tagged module gives its tag; go build in a checkout a
// pseudo-version and the commit ("modified" when the tree had changes);
// go run and tests "(devel)". info is nil when the binary carries none.
func versionLine(info *debug.BuildInfo) string {
	version := "(devel)"
	goVersion := runtime.Version()
	var vcs []string
	if info != nil {
		if v := info.Main.Version; v != "" {
			version = v
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		var rev, when, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			vcs = append(vcs, "commit "+rev)
		}
		if when != "" {
			vcs = append(vcs, when)
		}
		if modified == "true" {
			vcs = append(vcs, "modified")
		}
	}
	about := goVersion + " " + runtime.GOOS + "/" + runtime.GOARCH
	if len(vcs) > 0 {
		about = strings.Join(vcs, ", ") + "; " + about
	}
	return fmt.Sprintf("dossier %s (%s)", version, about)
}

//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package site

// lockDir has no locks to take here: a build then takes every sibling
// left beside the output directory for a killed build's.
func lockDir(dir string, wait bool) (release func(), ok bool) { return func() {}, true }

//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package site

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive advisory lock on the directory dir, which
// the system drops when the process dies, waiting for it when wait is
// set. It reports false only when another process holds the lock; when
// locks are not to be had (a file system without them), it goes on
// unlocked and reports true.
func lockDir(dir string, wait bool) (release func(), ok bool) {
	f, err := os.Open(dir)
	if err != nil {
		return func() {}, true
	}
	how := unix.LOCK_EX
	if !wait {
		how |= unix.LOCK_NB
	}
	for {
		err = unix.Flock(int(f.Fd()), how)
		if err != unix.EINTR {
			break
		}
	}
	switch {
	case err == unix.EWOULDBLOCK:
		f.Close()
		return nil, false
	case err != nil:
		f.Close()
		return func() {}, true
	}
	return func() { f.Close() }, true
}

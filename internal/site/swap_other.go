//go:build !linux

package site

// exchangeDirs is not offered here: swapIn renames twice instead.
func exchangeDirs(a, b string) error { return errNoExchange }

//go:build !unix

package content

// openNonblock is nothing where there are no named pipes to block on.
const openNonblock = 0

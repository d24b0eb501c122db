//go:build !unix

package userfile

// nonBlocking is not needed where named pipes are not files on a path (Windows).
const nonBlocking = 0

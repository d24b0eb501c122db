//go:build !linux

package store

// programName cannot be told without a /proc file system; a holder whose process is alive is
// then taken to be the aimsbench session it recorded.
func programName(int) string { return "" }

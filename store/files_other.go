//go:build !unix

package store

// readOnlyFolder cannot be told apart from other reasons SQLite may not share a file here, so
// every such file may be read as immutable.
func readOnlyFolder(string) bool { return true }

// aloneWith cannot tell whether another process has the database open here, so companion
// files are never removed.
func aloneWith(string) (func(), bool) { return nil, false }

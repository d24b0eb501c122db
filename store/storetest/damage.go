// Package storetest holds what tests of several packages need to set up databases that are
// hard to come by honestly: one whose index no longer matches its table.
package storetest

import (
	"database/sql"
	"os"
	"testing"

	_ "modernc.org/sqlite" // the driver the store uses
)

// check runs a check pragma on a file read as immutable, so the check itself changes nothing.
func check(tb testing.TB, path, pragma string) string {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var out string
	if err := db.QueryRow("PRAGMA " + pragma).Scan(&out); err != nil {
		return err.Error()
	}
	return out
}

// IntegrityCheck is SQLite's full integrity check of a closed database: "ok" when sound.
func IntegrityCheck(tb testing.TB, path string) string { return check(tb, path, "integrity_check") }

// DamageIndex flips one byte of the audit trail's index in a closed aimsbench database so that
// the index no longer matches its table: SQLite's integrity_check fails while its quick_check
// (which does not compare indexes with tables) passes — damage the store must catch.
func DamageIndex(tb testing.TB, path string) {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		tb.Fatal(err)
	}
	var root, pageSize int64
	err = db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_record'").Scan(&root)
	if err == nil {
		err = db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	}
	db.Close()
	if err != nil {
		tb.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	page := (root - 1) * pageSize
	for at := page + pageSize - 1; at > page+8; at-- {
		data := append([]byte(nil), good...)
		data[at] ^= 0x01
		if err := os.WriteFile(path, data, 0o600); err != nil {
			tb.Fatal(err)
		}
		if IntegrityCheck(tb, path) != "ok" && check(tb, path, "quick_check") == "ok" {
			return
		}
	}
	tb.Fatal("no byte of the index breaks only the integrity check")
}

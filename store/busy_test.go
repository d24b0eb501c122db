package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"aimsbench/assessment"
)

// shortBusyTimeout makes SQLite give up on a held lock after 300 ms for the test.
func shortBusyTimeout(t *testing.T) {
	was := busyTimeoutMS.Load()
	busyTimeoutMS.Store(300)
	t.Cleanup(func() { busyTimeoutMS.Store(was) })
}

// holdLock takes a lock on the database from a connection of another program and keeps it
// until the test ends: exclusive keeps even readers out, otherwise only writers.
func holdLock(t *testing.T, path string, exclusive bool) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.ExecContext(context.Background(), "ROLLBACK"); conn.Close(); db.Close() })
	stmts := []string{"BEGIN IMMEDIATE"}
	if exclusive {
		stmts = []string{"PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE"}
	}
	for _, q := range stmts {
		if _, err := conn.ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestALockHeldTooLongIsNeitherDamageNorAFullDisk holds the database locked past the busy
// timeout while aimsbench saves and opens it: the user is told the file is busy and to try
// again, never that it is damaged or the disk is full.
func TestALockHeldTooLongIsNeitherDamageNorAFullDisk(t *testing.T) {
	shortBusyTimeout(t)
	checkBusy := func(t *testing.T, err error) {
		t.Helper()
		msg := err.Error()
		if !strings.Contains(msg, "kept it locked for more than 300ms") || strings.Contains(msg, "damaged") || strings.Contains(msg, "full") || strings.Contains(msg, "\n") {
			t.Errorf("want one sentence saying the file is busy, got %q", msg)
		}
	}
	t.Run("saving", func(t *testing.T) {
		path, id := goodDatabase(t, t.TempDir())
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		holdLock(t, path, false)
		item, _ := catalogue(t).Item("4.2")
		st := assessment.Conformant
		_, err = s.SaveJudgement(id, item, assessment.Judgement{Status: &st})
		checkBusy(t, err)
	})
	t.Run("opening", func(t *testing.T) {
		path, _ := goodDatabase(t, t.TempDir())
		holdLock(t, path, true)
		s, err := Open(path)
		if err == nil {
			s.Close()
			t.Fatal("opened a database another program holds exclusively")
		}
		checkBusy(t, err)
	})
}

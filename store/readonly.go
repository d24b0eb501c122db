package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
)

// ErrReadOnly matches (errors.Is) every error an edit returns on a database open read-only.
var ErrReadOnly = errors.New("the database is open read-only")

// ReadOnlyError says why a database is open read-only and what to do about it. Every edit of
// a read-only Store fails with it before anything is attempted.
type ReadOnlyError struct {
	Path    string
	Reason  string // e.g. "the file is read-only for you"
	Fix     string // e.g. "make the file writable or work on a copy"
	Damaged bool   // the file failed SQLite's integrity check: restore it from a backup
}

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("the database is open read-only because %s, so changes cannot be saved; to edit it, %s", e.Reason, e.Fix)
}

// Is makes errors.Is(err, ErrReadOnly) true.
func (e *ReadOnlyError) Is(target error) bool { return target == ErrReadOnly }

// readOnlyConnector hands out connections that refuse to start a write transaction, so an
// edit on a read-only Store fails at once with a sentence that says why, instead of SQLite's
// "attempt to write a readonly database" halfway through.
type readOnlyConnector struct {
	driver.Connector
	refuse error
}

// Connect opens a connection of the wrapped connector and wraps it.
func (c readOnlyConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &readOnlyConn{conn: conn, refuse: c.refuse}, nil
}

// readOnlyConn forwards everything to the SQLite connection except starting a transaction
// that could write. It forwards every optional interface the driver's connections implement,
// as modernc.org/sqlite asks of wrappers (see sqlite.NewConnector).
type readOnlyConn struct {
	conn   driver.Conn
	refuse error
}

func (c *readOnlyConn) Unwrap() driver.Conn { return c.conn }

func (c *readOnlyConn) Prepare(query string) (driver.Stmt, error) { return c.conn.Prepare(query) }

func (c *readOnlyConn) Close() error { return c.conn.Close() }

func (c *readOnlyConn) Begin() (driver.Tx, error) { return nil, c.refuse }

func (c *readOnlyConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if b, ok := c.conn.(driver.ConnBeginTx); ok && opts.ReadOnly {
		return b.BeginTx(ctx, opts)
	}
	return nil, c.refuse
}

func (c *readOnlyConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if p, ok := c.conn.(driver.ConnPrepareContext); ok {
		return p.PrepareContext(ctx, query)
	}
	return c.conn.Prepare(query)
}

func (c *readOnlyConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if e, ok := c.conn.(driver.ExecerContext); ok {
		return e.ExecContext(ctx, query, args)
	}
	return nil, driver.ErrSkip
}

func (c *readOnlyConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if q, ok := c.conn.(driver.QueryerContext); ok {
		return q.QueryContext(ctx, query, args)
	}
	return nil, driver.ErrSkip
}

func (c *readOnlyConn) Ping(ctx context.Context) error {
	if p, ok := c.conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *readOnlyConn) ResetSession(ctx context.Context) error {
	if r, ok := c.conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *readOnlyConn) IsValid() bool {
	if v, ok := c.conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// Package userfile reads the files a user names — an inventory spreadsheet, a catalogue, a
// bundle, an evidence file — under two rules that keep a mistyped or hostile path from
// hanging or exhausting aimsbench: only regular files are opened (a folder, device, named pipe
// or socket is refused before it is touched), and no more than a stated number of bytes is
// ever read. It sits below every other package and knows nothing of assessments.
package userfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// NotRegularError is the refusal of a path that is not a regular file. It is never opened:
// opening a named pipe waits for a writer, and reading a device may never end.
type NotRegularError struct {
	Path string
	Kind string // "a folder", "a device", "a named pipe", "a socket", "not a regular file"
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file, so aimsbench did not read it; give the path of a file", e.Path, e.Kind)
}

// TooLargeError is the refusal of input longer than the limit for its kind.
type TooLargeError struct {
	What  string // "the inventory file"
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than %s, the most aimsbench reads for it; check that it is the right file", e.What, Size(e.Limit))
}

// Size writes a byte count the way the README and the refusals state limits: 32 MiB, 2 GiB.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Open opens path for reading when it is a regular file of at most limit bytes (symbolic
// links are followed). Anything else is refused with a *NotRegularError or *TooLargeError
// without being read; what names the file in the refusal ("the inventory file").
func Open(path string, limit int64, what string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, cannotRead(path, err)
	}
	if err := regular(path, info); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, &TooLargeError{What: fmt.Sprintf("%s %s", what, path), Limit: limit}
	}
	// Non-blocking, so a path swapped for a named pipe since the check cannot hang the open.
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, cannotRead(path, err)
	}
	opened, err := f.Stat()
	if err == nil {
		err = regular(path, opened)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Read returns the content of a regular file of at most limit bytes; see Open.
func Read(path string, limit int64, what string) ([]byte, error) {
	f, err := Open(path, limit, what)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := ReadAll(f, limit, fmt.Sprintf("%s %s", what, path))
	if err != nil && !errors.As(err, new(*TooLargeError)) {
		return nil, cannotRead(path, err)
	}
	return data, err
}

// ReadAll reads r to its end, but never more than limit bytes: longer input, even an endless
// one, is refused with a *TooLargeError once the limit is passed.
func ReadAll(r io.Reader, limit int64, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{What: what, Limit: limit}
	}
	return data, nil
}

// regular refuses anything but a regular file, naming what it is.
func regular(path string, info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return &NotRegularError{path, "a folder"}
	case m&fs.ModeDevice != 0:
		return &NotRegularError{path, "a device"}
	case m&fs.ModeNamedPipe != 0:
		return &NotRegularError{path, "a named pipe"}
	case m&fs.ModeSocket != 0:
		return &NotRegularError{path, "a socket"}
	}
	return &NotRegularError{path, "something other than a file"}
}

// cannotRead explains a file that could not be opened or read.
func cannotRead(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s does not exist; check the path", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("aimsbench may not read %s; check its permissions", path)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot read %s: %w", path, err)
}

//go:build unix

package userfile

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestDevicesAndPipesAreNeverOpened(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "is a named pipe, not a regular file"},    // opening it would wait for a writer forever
		{"/dev/zero", "is a device, not a regular file"}, // reading it would never end
	} {
		_, err := Read(tc.path, 1<<20, "the inventory file")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want %q", tc.path, err, tc.want)
		}
	}
}

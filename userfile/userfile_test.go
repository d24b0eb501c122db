package userfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is an input that never ends, like /dev/zero or a stuck pipe.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

func TestReadRefusesWhatIsNotAFileOfBoundedSize(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "inventory.csv")
	os.WriteFile(file, []byte("name\nTriage\n"), 0o600)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		limit      int64
		want       string // "" for success
	}{
		{"a regular file is read", file, 1 << 10, ""},
		{"a symbolic link to a file is followed", link, 1 << 10, ""},
		{"a file at exactly the limit is read", file, 12, ""},
		{"a file over the limit is refused", file, 11, "is larger than 11 bytes, the most aimsbench reads for it"},
		{"a folder is refused", dir, 1 << 10, "is a folder, not a regular file"},
		{"a missing file is named", filepath.Join(dir, "missing.csv"), 1 << 10, "does not exist; check the path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := Read(tc.path, tc.limit, "the inventory file")
			switch {
			case tc.want == "" && (err != nil || string(data) != "name\nTriage\n"):
				t.Errorf("read %q, %v", data, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n")):
				t.Errorf("got %v; want one sentence mentioning %q", err, tc.want)
			}
		})
	}
}

func TestReadAllStopsAnEndlessInput(t *testing.T) {
	_, err := ReadAll(endless{}, 1<<20, "the catalogue")
	var tooLarge *TooLargeError
	if !errors.As(err, &tooLarge) || err.Error() != "the catalogue is larger than 1 MiB, the most aimsbench reads for it; check that it is the right file" {
		t.Errorf("an endless input: %v", err)
	}
	if data, err := ReadAll(io.LimitReader(endless{}, 10), 10, "x"); err != nil || len(data) != 10 {
		t.Errorf("input at the limit: %d bytes, %v", len(data), err)
	}
}

func TestSizeIsWrittenInTheLargestWholeUnit(t *testing.T) {
	for n, want := range map[int64]string{2 << 30: "2 GiB", 32 << 20: "32 MiB", 1536 << 10: "1536 KiB", 1000: "1000 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

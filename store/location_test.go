package store

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestDefaultPathRefusesToGuess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the home folder comes from LOCALAPPDATA on Windows")
	}
	t.Setenv("AIMSBENCH_DB", "")
	for _, tc := range []struct {
		name, home, dataHome string
		unsetHome            bool
		want                 string
	}{
		{"HOME unset", "", "", true, "$HOME is not set"},
		{"HOME empty", "", "", false, "$HOME is empty"},
		{"HOME relative", "client-laptop", "", false, `$HOME is "client-laptop", not an absolute path`},
		{"XDG_DATA_HOME relative", "/home/ana", "data", false, `$XDG_DATA_HOME is "data", not an absolute path`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("HOME", tc.home)
			if tc.unsetHome {
				os.Unsetenv("HOME")
			}
			t.Setenv("XDG_DATA_HOME", tc.dataHome)
			if runtime.GOOS == "darwin" && tc.dataHome != "" {
				t.Skip("macOS does not use XDG_DATA_HOME")
			}
			path, err := DefaultPath()
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "--db PATH or $AIMSBENCH_DB") {
				t.Errorf("DefaultPath() = %q, %v; want a refusal saying %q and naming --db and $AIMSBENCH_DB", path, err, tc.want)
			}
		})
	}
	t.Run("AIMSBENCH_DB wins", func(t *testing.T) {
		os.Unsetenv("HOME")
		want := filepath.Join(t.TempDir(), "a.db")
		t.Setenv("AIMSBENCH_DB", want)
		if path, err := DefaultPath(); err != nil || path != want {
			t.Errorf("DefaultPath() = %q, %v", path, err)
		}
	})
}

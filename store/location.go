package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/adrg/xdg"
)

// DefaultPath is where the database lives when neither --db nor $AIMSBENCH_DB says otherwise:
// the user data directory of the platform (XDG on Linux, Application Support on macOS,
// %LOCALAPPDATA% on Windows). It refuses to guess when the home folder or the data folder is
// unset, empty or relative, which would put a client's data at / or in whatever folder the
// program was started from.
func DefaultPath() (string, error) {
	if p := os.Getenv("AIMSBENCH_DB"); p != "" {
		return p, nil
	}
	if err := dataFolderKnown(); err != nil {
		return "", err
	}
	return filepath.Join(xdg.DataHome, "aimsbench", "aimsbench.db"), nil
}

// dataFolderKnown checks the variables the data folder is derived from.
func dataFolderKnown() error {
	unusable := func(name, value string) error {
		what := "is not set"
		if value != "" {
			what = fmt.Sprintf("is %q, not an absolute path", value)
		} else if _, set := os.LookupEnv(name); set {
			what = "is empty"
		}
		return fmt.Errorf("$%s %s, so aimsbench cannot tell where your data folder is; name the database with --db PATH or $AIMSBENCH_DB", name, what)
	}
	if runtime.GOOS == "windows" {
		if v := os.Getenv("LOCALAPPDATA"); !filepath.IsAbs(v) {
			return unusable("LOCALAPPDATA", v)
		}
		return nil
	}
	if v := os.Getenv("HOME"); !filepath.IsAbs(v) {
		return unusable("HOME", v)
	}
	if v := os.Getenv("XDG_DATA_HOME"); runtime.GOOS != "darwin" && v != "" && !filepath.IsAbs(v) {
		return unusable("XDG_DATA_HOME", v)
	}
	if !filepath.IsAbs(xdg.DataHome) {
		return fmt.Errorf("the data folder %q is not an absolute path, so aimsbench will not put a database there; name the database with --db PATH or $AIMSBENCH_DB", xdg.DataHome)
	}
	return nil
}

// OpenDefault opens the default database, creating its folder (mode 0700) when needed.
func OpenDefault() (*Store, error) {
	path, err := DefaultPath()
	if err != nil {
		return nil, err
	}
	if os.Getenv("AIMSBENCH_DB") == "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("cannot create the data folder %s: %w; use --db to choose another place", filepath.Dir(path), err)
		}
	}
	return Open(path)
}

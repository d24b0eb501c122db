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
	if err := userFolderKnown("XDG_DATA_HOME", xdg.DataHome, "data folder", "name the database with --db PATH or $AIMSBENCH_DB"); err != nil {
		return "", err
	}
	return filepath.Join(xdg.DataHome, "aimsbench", "aimsbench.db"), nil
}

// ConfigFolder is aimsbench's folder in the user configuration directory, where the signing
// key is kept ($XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on
// macOS, %LOCALAPPDATA% on Windows). Like DefaultPath it refuses to guess when the home
// folder or the configuration folder is unset, empty or relative.
func ConfigFolder() (string, error) {
	if err := userFolderKnown("XDG_CONFIG_HOME", xdg.ConfigHome, "configuration folder", "set $HOME (%LOCALAPPDATA% on Windows) so aimsbench can keep your signing key there"); err != nil {
		return "", err
	}
	return filepath.Join(xdg.ConfigHome, "aimsbench"), nil
}

// userFolderKnown checks the variables a user folder (what: "data folder") is derived from:
// the home folder, and xdgVar, which gives the folder on Linux; fix says what to do instead.
func userFolderKnown(xdgVar, folder, what, fix string) error {
	unusable := func(name, value string) error {
		why := "is not set"
		if value != "" {
			why = fmt.Sprintf("is %q, not an absolute path", value)
		} else if _, set := os.LookupEnv(name); set {
			why = "is empty"
		}
		return fmt.Errorf("$%s %s, so aimsbench cannot tell where your %s is; %s", name, why, what, fix)
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
	if v := os.Getenv(xdgVar); runtime.GOOS != "darwin" && v != "" && !filepath.IsAbs(v) {
		return unusable(xdgVar, v)
	}
	if !filepath.IsAbs(folder) {
		return fmt.Errorf("the %s %q is not an absolute path, so aimsbench will not keep files there; %s", what, folder, fix)
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

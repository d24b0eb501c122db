package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// programName is the file name of the executable process pid runs, or "" when unknown.
func programName(pid int) string {
	exe, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/exe")
	if err != nil {
		return ""
	}
	return filepath.Base(strings.TrimSuffix(exe, " (deleted)"))
}

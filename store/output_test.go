package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCheckOutputProtectsTheDatabaseWhateverTheSpelling(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "work", "client.db")
	os.Mkdir(filepath.Dir(path), 0o700)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Claim(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path+".before-v2-20261126T090000.000000000Z", nil, 0o600)
	os.Symlink(path, filepath.Join(dir, "shortcut.pdf"))
	os.Symlink(filepath.Dir(path), filepath.Join(dir, "linked-folder"))
	hardLink := filepath.Join(dir, "hard.pdf")
	if err := os.Link(path, hardLink); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "old.pdf"), []byte("%PDF"), 0o600)
	t.Chdir(filepath.Dir(path))

	protected := []struct{ name, out, what string }{
		{"the database by its path", path, "the database"},
		{"relative", "client.db", "the database"},
		{"through ..", filepath.Join(dir, "work", "..", "work", "client.db"), "the database"},
		{"relative with ..", "../work/./client.db", "the database"},
		{"a symbolic link to it", filepath.Join(dir, "shortcut.pdf"), "the database"},
		{"a hard link to it", hardLink, "the database"},
		{"the write-ahead log", path + "-wal", "write-ahead log"},
		{"the write-ahead log through a linked folder", filepath.Join(dir, "linked-folder", "client.db-wal"), "write-ahead log"},
		{"the shared-memory index", "client.db-shm", "shared-memory index"},
		{"the rollback journal, absent", path + "-journal", "rollback journal"},
		{"the lock", path + "-lock", "session editing the database"},
		{"the lock's temporary file", path + "-lock.4242.tmp", "record the session editing"},
		{"an upgrade copy that exists", path + ".before-v2-20261126T090000.000000000Z", "kept before an upgrade"},
		{"an upgrade copy to come", path + ".before-v9-20270101T000000.000000000Z", "kept before an upgrade"},
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" || s.caseInsensitive() {
		protected = append(protected, struct{ name, out, what string }{"in another case", strings.ToUpper(path), "the database"})
	}
	for _, tc := range protected {
		t.Run(tc.name, func(t *testing.T) {
			for _, replace := range []bool{false, true} {
				err := s.CheckOutput(tc.out, replace)
				var p *ProtectedOutputError
				if !errors.As(err, &p) || !strings.Contains(err.Error(), tc.what) || !strings.HasSuffix(err.Error(), "choose another file name") {
					t.Errorf("replace=%v: %v; want a refusal naming %s", replace, err, tc.what)
				}
			}
		})
	}

	others := []struct {
		name, out string
		replace   bool
		want      string // "" allowed, "exists" an *OutputExistsError, else a refusal mentioning it
	}{
		{"a new file", filepath.Join(dir, "report.pdf"), false, ""},
		{"a new file beside the database", "client-report.pdf", false, ""},
		{"a name that only starts like the database", "client.dbx", false, ""},
		{"an existing file", filepath.Join(dir, "old.pdf"), false, "exists"},
		{"an existing file, replace", filepath.Join(dir, "old.pdf"), true, ""},
		{"a folder", dir, true, "is a folder"},
		{"a device", os.DevNull, true, "not a regular file"},
	}
	for _, tc := range others {
		t.Run(tc.name, func(t *testing.T) {
			err := s.CheckOutput(tc.out, tc.replace)
			var exists *OutputExistsError
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want == "exists" && (!errors.As(err, &exists) || !strings.Contains(err.Error(), "already exists; choose another file name, or replace it with --force")):
				t.Errorf("%v; want an OutputExistsError", err)
			case tc.want != "" && tc.want != "exists" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("%v; want %q", err, tc.want)
			}
		})
	}
}

func TestBackupNeverOverwritesTheDatabase(t *testing.T) {
	path, id := goodDatabase(t, t.TempDir())
	sum := checksum(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{path, path + "-wal", path + "-shm"} {
		var p *ProtectedOutputError
		if err := s.Backup(out, true); !errors.As(err, &p) {
			t.Errorf("backup over %s: %v", filepath.Base(out), err)
		}
	}
	s.Close()
	if checksum(t, path) != sum {
		t.Fatal("the database changed")
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(id); err != nil {
		t.Error(err)
	}
}

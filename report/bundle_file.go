package report

import (
	"bytes"
	"fmt"

	"aimsbench/checklists"
	"aimsbench/userfile"
)

// OpenBundle reads the bundle file at path for an import or a merge, with the same safe
// reading as every user file (userfile.Read: a regular file, at most MaxBundleSize), checks
// it like ReadBundle and returns it with the file's SHA-256, which the merge's audit row
// records. Errors name the file.
func OpenBundle(path string, cat *checklists.Catalogue, opts ImportOptions) (*Bundle, *SealCheck, string, error) {
	data, err := userfile.Read(path, MaxBundleSize, "the bundle")
	if err != nil {
		return nil, nil, "", err
	}
	b, check, err := ReadBundle(bytes.NewReader(data), cat, opts)
	if err != nil {
		return nil, check, "", fmt.Errorf("%s: %w", path, err)
	}
	return b, check, SHA256Hex(data), nil
}

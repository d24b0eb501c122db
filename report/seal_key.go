package report

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// The assessor's signing key: an Ed25519 key pair made on first use in the user's
// configuration folder (see store.ConfigFolder), the private key in a file only its owner
// may read, inside a folder only its owner may enter. It is never written to the database or
// a bundle; a bundle carries the public key and its fingerprint.

// Key files in the configuration folder: the private key (PKCS #8, PEM) and the public key
// (PKIX, PEM), which may be shared.
const (
	PrivateKeyFile = "signing-key.pem"
	PublicKeyFile  = "signing-key.pub.pem"
)

// SigningKey is the assessor's Ed25519 key pair.
type SigningKey struct {
	private ed25519.PrivateKey
	Public  ed25519.PublicKey
	Path    string // the private key file
}

// Fingerprint is the key's fingerprint (see Fingerprint).
func (k *SigningKey) Fingerprint() string { return Fingerprint(k.Public) }

// Fingerprint is the SHA-256 of a public key in hex, grouped by four ("3f9c 2a1b …") so a
// person can read it aloud and compare it with what a report prints.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return groupFingerprint(hex.EncodeToString(sum[:]))
}

func groupFingerprint(h string) string {
	var groups []string
	for len(h) > 4 {
		groups, h = append(groups, h[:4]), h[4:]
	}
	return strings.Join(append(groups, h), " ")
}

// normalFingerprint reads a fingerprint however it was typed: grouped or not, in either case,
// with a "SHA256:" prefix or colons.
func normalFingerprint(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "sha256:")
	return strings.NewReplacer(" ", "", ":", "", "-", "").Replace(s)
}

// SameFingerprint reports whether two fingerprints name the same key; the whole
// fingerprint must be given.
func SameFingerprint(a, b string) bool {
	return ValidFingerprint(a) && normalFingerprint(a) == normalFingerprint(b)
}

// ValidFingerprint reports whether s is a whole fingerprint: 64 hexadecimal digits, grouped
// or not.
func ValidFingerprint(s string) bool {
	n := normalFingerprint(s)
	_, err := hex.DecodeString(n)
	return len(n) == 2*sha256.Size && err == nil
}

// LoadOrCreateKey reads the signing key kept in folder, making the pair (and the folder, mode
// 0700) when there is none yet; created says it was made now. A private key file that other
// users may read is refused, as is one that is not an Ed25519 key.
func LoadOrCreateKey(folder string) (key *SigningKey, created bool, err error) {
	path := filepath.Join(folder, PrivateKeyFile)
	key, err = loadKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return key, false, err
	}
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return nil, false, fmt.Errorf("cannot create the folder %s for the signing key: %w", folder, err)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, fmt.Errorf("cannot make a signing key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, false, fmt.Errorf("cannot encode the signing key: %w", err)
	}
	if err := writeNew(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); errors.Is(err, fs.ErrExist) {
		key, err := loadKey(path) // another aimsbench made it meanwhile: use that one
		return key, false, err
	} else if err != nil {
		return nil, false, fmt.Errorf("cannot save the signing key in %s: %w", folder, err)
	}
	der, err = x509.MarshalPKIXPublicKey(pub)
	if err == nil {
		os.Remove(filepath.Join(folder, PublicKeyFile))
		err = writeNew(filepath.Join(folder, PublicKeyFile), pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), 0o644)
	}
	if err != nil {
		return nil, false, fmt.Errorf("cannot save the public signing key in %s: %w", folder, err)
	}
	return &SigningKey{private: priv, Public: pub, Path: path}, true, nil
}

// loadKey reads a private key file; fs.ErrNotExist when there is none.
func loadKey(path string) (*SigningKey, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("cannot read the signing key %s: %w", path, err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("the signing key %s may be read by other users (mode %v), so it is not used; make it private with 'chmod 600 %s' and try again", path, info.Mode().Perm(), path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the signing key %s: %w", path, err)
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s is not a signing key (no PEM private key in it); move it away and aimsbench makes a new key", path)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	priv, ok := parsed.(ed25519.PrivateKey)
	if err != nil || !ok {
		return nil, fmt.Errorf("%s is not an Ed25519 signing key; move it away and aimsbench makes a new key", path)
	}
	return &SigningKey{private: priv, Public: priv.Public().(ed25519.PublicKey), Path: path}, nil
}

// writeNew writes data to path only if no file is there yet (fs.ErrExist otherwise), whole:
// through a private temporary file linked into place, so no reader ever sees half a key.
func writeNew(path string, data []byte, mode os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	err = f.Chmod(mode)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Link(tmp, path)
}

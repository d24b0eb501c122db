package report

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
)

// A sealed bundle carries a manifest of the SHA-256 of each of its parts — the assessment's
// header and every AI system, result, risk, test, nonconformity, evidence request, KPI
// reading and role holder (assessment.Parts), and the origin — signed with the assessor's
// Ed25519 key, whose public half and fingerprint travel with it. Anyone can check it offline
// (VerifySeal): a changed byte names the part it is in.

// SealAlgorithm is the signature scheme of every seal.
const SealAlgorithm = "Ed25519"

// PartOrigin names the bundle's origin in a seal's manifest.
const PartOrigin = "origin"

// Seal is the signed manifest of a bundle.
type Seal struct {
	Algorithm   string            `json:"algorithm"`   // SealAlgorithm
	PublicKey   string            `json:"public_key"`  // the signer's public key, base64
	Fingerprint string            `json:"fingerprint"` // SHA-256 of the public key, grouped (Fingerprint)
	SealedAt    time.Time         `json:"sealed_at"`
	SealedBy    string            `json:"sealed_by"`
	Manifest    map[string]string `json:"manifest"`  // part name → SHA-256 of its compact JSON, hex
	Signature   string            `json:"signature"` // Ed25519 over sealedMessage, base64
}

// sealBundle seals a bundle: the manifest of its parts as they will be written, signed.
func sealBundle(b *Bundle, key *SigningKey, at time.Time, by string) (*Seal, error) {
	parts, err := bundleParts(b)
	if err != nil {
		return nil, err
	}
	s := &Seal{Algorithm: SealAlgorithm, PublicKey: base64.StdEncoding.EncodeToString(key.Public), Fingerprint: key.Fingerprint(),
		SealedAt: at.UTC(), SealedBy: by, Manifest: map[string]string{}}
	for name, body := range parts {
		s.Manifest[name] = SHA256Hex(body)
	}
	s.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key.private, sealedMessage(b.Format, b.Version, s)))
	return s, nil
}

// bundleParts are the parts of a bundle a seal covers.
func bundleParts(b *Bundle) (map[string][]byte, error) {
	data, err := json.Marshal(b.Assessment)
	if err != nil {
		return nil, fmt.Errorf("encode the bundle: %w", err)
	}
	raw := rawBundle{Assessment: data}
	if b.Origin != nil {
		if raw.Origin, err = json.Marshal(b.Origin); err != nil {
			return nil, fmt.Errorf("encode the bundle: %w", err)
		}
	}
	return raw.parts()
}

// rawBundle is a bundle as written, its parts not decoded, for checking a seal.
type rawBundle struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	Assessment json.RawMessage `json:"assessment"`
	Origin     json.RawMessage `json:"origin"`
	Seal       *Seal           `json:"seal"`
}

// parts splits the bundle into the parts its seal names, each compacted.
func (r rawBundle) parts() (map[string][]byte, error) {
	parts, err := assessment.Parts(r.Assessment)
	if err != nil {
		return nil, err
	}
	if len(r.Origin) > 0 && !bytes.Equal(r.Origin, []byte("null")) {
		body, err := assessment.CanonicalJSON(r.Origin)
		if err != nil {
			return nil, &assessment.PartError{Part: PartOrigin, Err: err}
		}
		parts[PartOrigin] = body
	}
	return parts, nil
}

// SHA256Hex is the SHA-256 of data in hex: a part's hash in a manifest, a file's in the
// audit trail.
func SHA256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// sealedMessage is what a seal's signature covers: the bundle's format and version, who
// sealed it when with which key, and every part's hash, one per line in part order.
func sealedMessage(format string, version int, s *Seal) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "aimsbench sealed bundle\nformat %s\nversion %d\nsealed_at %s\nsealed_by %s\nkey %s\n",
		format, version, s.SealedAt.UTC().Format(time.RFC3339Nano), s.SealedBy, s.Fingerprint)
	for _, name := range assessment.SortedPartNames(s.Manifest) {
		fmt.Fprintf(&b, "%s %s\n", name, s.Manifest[name])
	}
	return b.Bytes()
}

// SealCheck is what checking a sealed bundle found. Intact is true only when every part
// matches the manifest, the signature holds, and the key is the one expected (if one was).
type SealCheck struct {
	Intact         bool      `json:"intact"`
	Fingerprint    string    `json:"key"`
	SealedAt       time.Time `json:"sealed_at,omitzero"`
	SealedBy       string    `json:"sealed_by"`
	Parts          int       `json:"parts"`               // parts the manifest names
	Changed        []string  `json:"changed"`             // parts whose content differs from the manifest
	Added          []string  `json:"added"`               // parts the manifest does not name
	Removed        []string  `json:"removed"`             // parts the manifest names that are gone
	Unreadable     string    `json:"unreadable,omitzero"` // a part that is no longer valid JSON
	SignatureValid bool      `json:"signature_valid"`
	KeyExpected    bool      `json:"key_expected"`     // --key was given
	KeyMatches     bool      `json:"key_matches"`      // and the seal's key is that one
	Problem        string    `json:"problem,omitzero"` // what is wrong, in one sentence
}

// sealed reports whether bundle data carries a seal.
func sealed(data []byte) bool {
	var r struct {
		Seal json.RawMessage `json:"seal"`
	}
	return json.Unmarshal(data, &r) == nil && len(r.Seal) > 0 && !bytes.Equal(r.Seal, []byte("null"))
}

// ErrNotSealed is returned by VerifySeal for a bundle that carries no seal.
var ErrNotSealed = errors.New("the bundle is not sealed, so there is nothing to verify; export it with --sealed")

// VerifySeal checks a sealed bundle offline: every part against the manifest, the manifest
// against the signature, and the key against expectKey (a fingerprint, when given). A bundle
// that cannot be checked at all — not a bundle, not sealed, a seal that cannot be read — is an
// error; a check that fails is a SealCheck with Intact false and the Problem.
func VerifySeal(data []byte, expectKey string) (*SealCheck, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the file is empty, so it holds no bundle to verify")
	}
	var r rawBundle
	if err := json.Unmarshal(data, &r); err != nil || r.Format != BundleFormat {
		if part, err := locateDamage(data); err != nil {
			return nil, fmt.Errorf("the bundle is no longer valid JSON, so it was changed or damaged after it was sealed: %s can no longer be read (%v)", part, err)
		}
		return nil, errors.New("the file is not an aimsbench assessment bundle")
	}
	if r.Seal == nil {
		return nil, ErrNotSealed
	}
	s := r.Seal
	pub, err := base64.StdEncoding.DecodeString(s.PublicKey)
	if s.Algorithm != SealAlgorithm || err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("the bundle's seal is not an %s seal this aimsbench can check (algorithm %q); it was altered or made by another program", SealAlgorithm, s.Algorithm)
	}
	c := &SealCheck{Fingerprint: Fingerprint(pub), SealedAt: s.SealedAt, SealedBy: s.SealedBy, Parts: len(s.Manifest),
		Changed: []string{}, Added: []string{}, Removed: []string{}}
	if parts, err := r.parts(); err != nil {
		var pe *assessment.PartError
		if !errors.As(err, &pe) {
			return nil, err
		}
		c.Unreadable = pe.Part
	} else {
		c.compare(parts, s.Manifest)
	}
	sig, err := base64.StdEncoding.DecodeString(s.Signature)
	c.SignatureValid = err == nil && ed25519.Verify(pub, sealedMessage(r.Format, r.Version, s), sig) && SameFingerprint(s.Fingerprint, c.Fingerprint)
	c.KeyExpected = strings.TrimSpace(expectKey) != ""
	c.KeyMatches = c.KeyExpected && SameFingerprint(expectKey, c.Fingerprint)
	c.Problem = c.problem(expectKey)
	c.Intact = c.Problem == ""
	return c, nil
}

// compare sorts the parts into changed, added and removed against the manifest.
func (c *SealCheck) compare(parts map[string][]byte, manifest map[string]string) {
	for _, name := range assessment.SortedPartNames(parts) {
		want, named := manifest[name]
		switch {
		case !named:
			c.Added = append(c.Added, name)
		case want != SHA256Hex(parts[name]):
			c.Changed = append(c.Changed, name)
		}
	}
	for _, name := range assessment.SortedPartNames(manifest) {
		if _, ok := parts[name]; !ok {
			c.Removed = append(c.Removed, name)
		}
	}
}

// problem says in one sentence what is wrong, "" when nothing is.
func (c *SealCheck) problem(expectKey string) string {
	var what []string
	if c.Unreadable != "" {
		what = append(what, partNamed(c.Unreadable)+" can no longer be read")
	}
	for _, list := range []struct {
		names []string
		verb  string
	}{{c.Changed, "changed"}, {c.Added, "added"}, {c.Removed, "removed"}} {
		for _, name := range list.names {
			what = append(what, partNamed(name)+" "+list.verb)
		}
	}
	if len(what) > partsNamed {
		what = append(what[:partsNamed], fmt.Sprintf("and %d more parts (--json lists them all)", len(what)-partsNamed))
	}
	if len(what) > 0 && !c.SignatureValid {
		what = append(what, "and the seal's signature does not match its manifest either")
	}
	switch {
	case len(what) > 0:
		return "the bundle was changed after it was sealed: " + strings.Join(what, "; ")
	case !c.SignatureValid:
		return "the seal's signature does not match its manifest, so the seal itself was altered"
	case c.KeyExpected && !c.KeyMatches:
		return fmt.Sprintf("the bundle was sealed with key %s, not with the key %s you expect", c.Fingerprint, groupFingerprint(normalFingerprint(expectKey)))
	}
	return ""
}

// partsNamed is how many changed parts a problem names before it counts the rest.
const partsNamed = 12

// partNamed names a part for a reader, with its manifest name: "the judgement of 4.1
// (result/4.1)".
func partNamed(name string) string {
	if name == PartOrigin {
		return "the origin (origin)"
	}
	if label := assessment.PartLabel(name); label != name {
		return label + " (" + name + ")"
	}
	return name
}

// locateDamage reports where data stops being valid JSON — the part the damage is in, and
// the line — or nil when it is valid.
func locateDamage(data []byte) (string, error) {
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return "", err
	}
	line := bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n")) + 1
	return damagedPart(data), fmt.Errorf("%v on line %d", se, line)
}

// damagedPart names the part of a bundle that is not valid JSON: a part of the assessment
// (assessment.Parts says which), or the top-level field it is in.
func damagedPart(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "the start of the file"
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return "a field of the bundle"
		}
		if key == "assessment" {
			rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n:")
			var pe *assessment.PartError
			if _, err := assessment.Parts(rest); errors.As(err, &pe) {
				return partNamed(pe.Part)
			}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Sprintf("the bundle's %q", key)
		}
	}
	return "the end of the file"
}

package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
)

var sealDay = time.Date(2026, 12, 2, 14, 5, 0, 0, time.UTC)

func signingKeyIn(t *testing.T, dir string) *SigningKey {
	t.Helper()
	key, _, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// sealedDemo is the demo's bundle, with an origin, sealed.
func sealedDemo(t *testing.T, key *SigningKey) []byte {
	t.Helper()
	a := demo(t, assessment.DemoStandard)
	a.ID = "3f9c2a1b"
	origin := &assessment.Origin{Lineage: a.ID, Exported: assessment.Handover{From: a.ID, Seq: 42, At: sealDay, By: "ana"}, Changes: []assessment.FieldChange{}}
	var buf bytes.Buffer
	if err := EncodeBundleWith(&buf, a, BundleOptions{Origin: origin, Key: key, SealedAt: sealDay, SealedBy: "ana"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rewrite decodes a bundle, changes it and encodes it again as another program would.
func rewrite(t *testing.T, data []byte, change func(b map[string]any)) []byte {
	t.Helper()
	var b map[string]any
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	change(b)
	out, err := json.MarshalIndent(b, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestASealedBundleNamesWhatChanged(t *testing.T) {
	key := signingKeyIn(t, t.TempDir())
	other := signingKeyIn(t, t.TempDir())
	data := sealedDemo(t, key)
	assessmentOf := func(b map[string]any) map[string]any { return b["assessment"].(map[string]any) }
	finding := regexp.MustCompile(`"finding": "([A-Za-z])`).FindSubmatchIndex(data)
	oneByte := bytes.Clone(data)
	oneByte[finding[2]] ^= 0x20 // the first letter of the first finding changes case
	tests := []struct {
		name, key string
		data      []byte
		want      string // in the problem; "" for an intact bundle
	}{
		{"as sealed", "", data, ""},
		{"as sealed, with the key expected", key.Fingerprint(), data, ""},
		{"the key typed without spaces, in capitals", strings.ToUpper(strings.ReplaceAll(key.Fingerprint(), " ", "")), data, ""},
		{"saved again by another program", "", rewrite(t, data, func(map[string]any) {}), ""},
		{"one byte changed in a result", "", oneByte, "the judgement of 10.2 (result/10.2) changed"},
		{"a record removed", "", rewrite(t, data, func(b map[string]any) {
			delete(assessmentOf(b)["results"].(map[string]any), "5.2")
		}), "the judgement of 5.2 (result/5.2) removed"},
		{"a record added", "", rewrite(t, data, func(b map[string]any) {
			risks := assessmentOf(b)["risks"].([]any)
			added := map[string]any{}
			for k, v := range risks[0].(map[string]any) {
				added[k] = v
			}
			added["id"] = 99
			assessmentOf(b)["risks"] = append(risks, added)
		}), "risk R-99 (risk/99) added"},
		{"the header changed", "", rewrite(t, data, func(b map[string]any) { assessmentOf(b)["assessor"] = "Mallory" }), "the assessment details (header) changed"},
		{"the origin changed", "", rewrite(t, data, func(b map[string]any) { b["origin"].(map[string]any)["lineage"] = "ffffffff" }), "the origin (origin) changed"},
		{"the signature changed", "", rewrite(t, data, func(b map[string]any) {
			sig := []byte(b["seal"].(map[string]any)["signature"].(string))
			sig[10] ^= 1
			b["seal"].(map[string]any)["signature"] = string(sig)
		}), "the seal's signature does not match its manifest"},
		{"the manifest changed to fit an edit", "", rewrite(t, data, func(b map[string]any) {
			b["seal"].(map[string]any)["manifest"].(map[string]any)["result/4.1"] = strings.Repeat("0", 64)
		}), "the judgement of 4.1 (result/4.1) changed; and the seal's signature does not match its manifest either"},
		{"resealed with another key", key.Fingerprint(), sealedDemo(t, other), "was sealed with key " + other.Fingerprint() + ", not with the key " + key.Fingerprint()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := VerifySeal(tt.data, tt.key)
			if err != nil {
				t.Fatal(err)
			}
			if c.Intact != (tt.want == "") || !strings.Contains(c.Problem, tt.want) {
				t.Errorf("intact %v, problem %q; want %q", c.Intact, c.Problem, tt.want)
			}
		})
	}
}

func TestABundleNoLongerJSONNamesThePartHit(t *testing.T) {
	data := sealedDemo(t, signingKeyIn(t, t.TempDir()))
	i := bytes.Index(data, []byte(`"item_id": "6.1.2"`))
	broken := append(append(bytes.Clone(data[:i]), '{'), data[i+1:]...)
	_, err := VerifySeal(broken, "")
	if err == nil || !strings.Contains(err.Error(), "the judgement of 6.1.2 (result/6.1.2) can no longer be read") || !strings.Contains(err.Error(), "on line") {
		t.Errorf("got %v, want the damaged part and line named", err)
	}
	if _, err := VerifySeal(encode(t, demo(t, assessment.DemoStandard)), ""); err != ErrNotSealed {
		t.Errorf("an unsealed bundle: %v", err)
	}
}

func TestASealedBundleImportsAndABrokenSealIsRefused(t *testing.T) {
	cat := catalogue(t)
	data := sealedDemo(t, signingKeyIn(t, t.TempDir()))
	b, check, err := ReadBundle(bytes.NewReader(data), cat, ImportOptions{})
	if err != nil || check == nil || !check.Intact || b.Origin == nil || b.Origin.Lineage != "3f9c2a1b" {
		t.Fatalf("a sealed bundle: %v, check %+v", err, check)
	}
	broken := bytes.Replace(data, []byte(`"assessor": "`), []byte(`"assessor": "Mallory `), 1)
	if _, _, err := ReadBundle(bytes.NewReader(broken), cat, ImportOptions{}); err == nil || !strings.Contains(err.Error(), "--accept-broken-seal") || !strings.Contains(err.Error(), "(header) changed") {
		t.Errorf("a broken seal: %v", err)
	}
	if _, check, err := ReadBundle(bytes.NewReader(broken), cat, ImportOptions{AcceptBrokenSeal: true}); err != nil || check.Intact {
		t.Errorf("a broken seal accepted: %v, intact %v", err, check.Intact)
	}
	if !bytes.HasPrefix(data, []byte("{\n  \"format\": \"aimsbench-assessment\",\n  \"version\": 2,")) {
		t.Errorf("a sealed bundle starts %q, want version 2", data[:60])
	}
}

func TestTheSigningKeyIsPrivateAndKept(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "aimsbench")
	key, created, err := LoadOrCreateKey(dir)
	if err != nil || !created {
		t.Fatalf("first use: created %v, %v", created, err)
	}
	for path, mode := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, key.Path: 0o600, filepath.Join(dir, PublicKeyFile): 0o644} {
		if info, err := os.Stat(path); err != nil || info.Mode() != mode {
			t.Errorf("%s: mode %v (%v), want %v", path, info.Mode(), err, mode)
		}
	}
	again, created, err := LoadOrCreateKey(dir)
	if err != nil || created || again.Fingerprint() != key.Fingerprint() {
		t.Errorf("second use: created %v, same key %v, %v", created, again.Fingerprint() == key.Fingerprint(), err)
	}
	if !regexp.MustCompile(`^([0-9a-f]{4} ){15}[0-9a-f]{4}$`).MatchString(key.Fingerprint()) || !ValidFingerprint(key.Fingerprint()) || ValidFingerprint("ab12 cd34") {
		t.Errorf("fingerprint %q is not sixteen groups of four hexadecimal digits", key.Fingerprint())
	}
	os.Chmod(key.Path, 0o644)
	if _, _, err := LoadOrCreateKey(dir); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a key others may read: %v", err)
	}
	os.Chmod(key.Path, 0o600)
	os.WriteFile(key.Path, []byte("not a key"), 0o600)
	if _, _, err := LoadOrCreateKey(dir); err == nil || !strings.Contains(err.Error(), "is not a signing key") {
		t.Errorf("a file that is no key: %v", err)
	}
}

// FuzzVerifySeal feeds verify-bundle's check hostile and damaged bundles: it must never
// panic, and a bundle it calls intact must be one whose every part its manifest names.
func FuzzVerifySeal(f *testing.F) {
	key, _, err := LoadOrCreateKey(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	a := &assessment.Assessment{ID: "3f9c2a1b", Title: "x\x1b]52;c;AAAA\x07", Results: map[string]*assessment.Result{"4.1": {ItemID: "4.1", Finding: "\u202ehidden"}}}
	var buf bytes.Buffer
	if err := EncodeBundleWith(&buf, a, BundleOptions{Key: key, SealedAt: sealDay, SealedBy: "ana"}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(bytes.Replace(buf.Bytes(), []byte(`"4.1"`), []byte(`"4.1", "4.1"`), 1))
	f.Add([]byte(`{"format":"aimsbench-assessment","version":2,"assessment":{"risks":[{"id":1},{"id":1}]},"seal":{"algorithm":"Ed25519","public_key":"AAAA"}}`))
	f.Add([]byte(`{"format":"aimsbench-assessment","seal":{"algorithm":"Ed25519","public_key":"` + strings.Repeat("A", 43) + `=","manifest":{"x":"y"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := VerifySeal(data, key.Fingerprint())
		if err != nil || !c.Intact {
			return
		}
		var r rawBundle
		if json.Unmarshal(data, &r) != nil {
			t.Fatal("an intact bundle does not decode")
		}
		if parts, err := r.parts(); err != nil || len(parts) != c.Parts {
			t.Errorf("an intact bundle has %d parts, its manifest %d (%v)", len(parts), c.Parts, err)
		}
	})
}

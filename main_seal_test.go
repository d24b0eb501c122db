package main

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"aimsbench/checklists"
	"aimsbench/report"
)

// configHome is the user configuration folder every test of this package runs with, so the
// signing key a test makes never lands in the real one.
var configHome string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "aimsbench-config-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	configHome = dir
	os.Setenv("XDG_CONFIG_HOME", dir)
	xdg.Reload()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// keyFolder is where the tests' signing key is kept.
func keyFolder() string { return filepath.Join(configHome, "aimsbench") }

// completeDemo makes the demo and judges every item it leaves open, so it may be finalised.
func (c *cli) completeDemo() string {
	c.t.Helper()
	id := c.demo()
	cat, err := checklists.Builtin()
	if err != nil {
		c.t.Fatal(err)
	}
	a := c.stored(id)
	for _, item := range cat.Assessable() {
		if a.InReadinessScope(item) && !a.Result(item).Judged() {
			c.ok("assess", id, item.ID, "--status", "partial", "--maturity", "2")
		}
	}
	return id
}

func TestAFinalisedAssessmentRefusesAssessWithOneSentence(t *testing.T) {
	c := newCLI(t)
	id := c.completeDemo()
	out := c.ok("finalise", id, "--role", "Lead assessor", "--date", "2026-12-01")
	if !strings.Contains(out, "finalised "+id+": signed off by Eleanor Whitfield") || !strings.Contains(out, "report version 1.0 is FINAL") {
		t.Errorf("finalise said %q", out)
	}
	_, errs, code := c.run("assess", id, "4.1", "--status", "conformant")
	want := "aimsbench: assessment " + id + " is finalised (signed off by Eleanor Whitfield, Lead Auditor ISO/IEC 42001, Lead assessor, on 2026-12-01); reopen it with 'aimsbench reopen " + id + " --reason …' to change it\n"
	if code != 1 || errs != want {
		t.Errorf("assess on a finalised assessment: exit %d\n%q\nwant\n%q", code, errs, want)
	}
	var list []map[string]any
	json.Unmarshal([]byte(c.ok("list", "--json")), &list)
	if f, _ := list[0]["finalised"].(map[string]any); f["by"] != "Eleanor Whitfield, Lead Auditor ISO/IEC 42001" || f["date"] != "2026-12-01T00:00:00Z" || !report.ValidFingerprint(fmt.Sprint(f["key"])) {
		t.Errorf("list --json shows %v", list[0]["finalised"])
	}
	if c.summary(id)["finalised"] == nil {
		t.Error("summary --json does not show the assessment finalised")
	}
	if _, errs, code := c.run("reopen", id); code != 2 || !strings.Contains(errs, "--reason is required") {
		t.Errorf("reopen without a reason: exit %d, %q", code, errs)
	}
	out = c.ok("reopen", id, "--reason", "The client sent the signed AI policy after the report")
	if !strings.Contains(out, "report is version 1.1, DRAFT") {
		t.Errorf("reopen said %q", out)
	}
	c.ok("assess", id, "4.1", "--status", "conformant")
	if c.summary(id)["finalised"] != nil {
		t.Error("a reopened assessment is still shown finalised")
	}
}

func TestFinaliseListsEveryReasonAndMakesNoKeyForNothing(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme", "--assessor", ""))
	os.RemoveAll(keyFolder())
	_, errs, code := c.run("finalise", id)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	want := []string{
		"aimsbench: assessment " + id + " cannot be finalised yet; deal with each of these and finalise it again:",
		"  - the assessment is not complete (0 of 70 items assessed)",
		"  - no assessor is named",
		"  - no one is named to sign it off",
	}
	if code != 1 || strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("exit %d:\n%s\nwant\n%s", code, errs, strings.Join(want, "\n"))
	}
	if _, err := os.Stat(keyFolder()); err == nil {
		t.Error("a refused finalisation made a signing key")
	}
}

// sealedExport exports the assessment sealed and returns the bundle's path.
func (c *cli) sealedExport(id string) string {
	c.t.Helper()
	path := filepath.Join(c.t.TempDir(), "sealed.json")
	if out := c.ok("export", id, "--format", "json", "--sealed", "--out", path); !strings.Contains(out, "sealed with key ") {
		c.t.Fatalf("export --sealed said %q", out)
	}
	return path
}

func TestVerifyBundleNamesWhatChangedAndExitsOne(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	path := c.sealedExport(id)
	data, _ := os.ReadFile(path)
	var sealed struct{ Seal report.Seal }
	json.Unmarshal(data, &sealed)
	key := sealed.Seal.Fingerprint
	other, _, err := report.LoadOrCreateKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	write := func(b []byte) string {
		p := filepath.Join(t.TempDir(), "bundle.json")
		os.WriteFile(p, b, 0o600)
		return p
	}
	edit := func(f func(b map[string]any)) string {
		var b map[string]any
		json.Unmarshal(data, &b)
		f(b)
		out, _ := json.MarshalIndent(b, "", "  ")
		return write(out)
	}
	results := func(b map[string]any) map[string]any {
		return b["assessment"].(map[string]any)["results"].(map[string]any)
	}
	at := regexp.MustCompile(`"finding": "N`).FindIndex(data)
	oneByte := bytes.Clone(data)
	oneByte[at[1]-1] = 'M'
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"as sealed", []string{path}, 0, "sealed by key " + key + " on "},
		{"as sealed, by the key expected", []string{path, "--key", key}, 0, "all "},
		{"one byte changed in a result", []string{write(oneByte)}, 1, "the bundle was changed after it was sealed: the judgement of"},
		{"a record removed", []string{edit(func(b map[string]any) { delete(results(b), "4.1") })}, 1, "the judgement of 4.1 (result/4.1) removed"},
		{"a record added", []string{edit(func(b map[string]any) {
			ncs := b["assessment"].(map[string]any)["nonconformities"].([]any)
			b["assessment"].(map[string]any)["nonconformities"] = append(ncs, map[string]any{"number": 99, "item_id": "4.1"})
		})}, 1, "NC-099 (nc/99) added"},
		{"the signature changed", []string{edit(func(b map[string]any) {
			b["seal"].(map[string]any)["signature"] = strings.Repeat("A", 86) + "=="
		})}, 1, "the seal's signature does not match its manifest"},
		{"another key", []string{path, "--key", other.Fingerprint()}, 1, "not with the key " + other.Fingerprint() + " you expect"},
		{"a key cut short", []string{path, "--key", key[:9]}, 2, "is not a whole fingerprint"},
		{"a bundle not sealed", []string{write(bytes.Replace(data, []byte(`"seal"`), []byte(`"sea1"`), 1))}, 1, "is not sealed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := c.run(append([]string{"verify-bundle"}, tt.args...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d (want %d)\nstdout %q\nstderr %q\nwant %q", code, tt.code, out, errs, tt.want)
			}
			if code == 1 && strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("the refusal is not one line: %q", errs)
			}
		})
	}
	var check report.SealCheck
	out, _, code := c.run("verify-bundle", write(oneByte), "--json")
	if json.Unmarshal([]byte(out), &check) != nil || code != 1 || check.Intact || len(check.Changed) != 1 || !strings.HasPrefix(check.Changed[0], "result/") {
		t.Errorf("verify-bundle --json: exit %d, %s", code, out)
	}
}

func TestTheSigningKeyStaysOnTheMachine(t *testing.T) {
	c := newCLI(t)
	os.RemoveAll(keyFolder())
	id := c.completeDemo()
	path := filepath.Join(t.TempDir(), "sealed.json")
	_, errs, code := c.run("export", id, "--format", "json", "--sealed", "--out", path)
	if code != 0 || !strings.Contains(errs, "made your signing key "+filepath.Join(keyFolder(), report.PrivateKeyFile)) || !strings.Contains(errs, "back up that folder") {
		t.Errorf("the first seal: exit %d, %q", code, errs)
	}
	for p, mode := range map[string]os.FileMode{keyFolder(): 0o700 | os.ModeDir, filepath.Join(keyFolder(), report.PrivateKeyFile): 0o600} {
		if info, err := os.Stat(p); err != nil || info.Mode() != mode {
			t.Errorf("%s: mode %v, want %v (%v)", p, info.Mode(), mode, err)
		}
	}
	c.ok("finalise", id)
	c.ok("export", id, "--format", "json", "--sealed", "--out", path, "--force")
	pemData, _ := os.ReadFile(filepath.Join(keyFolder(), report.PrivateKeyFile))
	block, _ := pem.Decode(pemData)
	seed := block.Bytes[len(block.Bytes)-32:]
	for _, f := range []string{c.db, c.db + "-wal", path} {
		data, _ := os.ReadFile(f)
		if bytes.Contains(data, seed) || bytes.Contains(data, []byte("PRIVATE KEY")) {
			t.Errorf("%s holds the private key", f)
		}
	}
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	c.ok("export", id, "--format", "pdf", "--out", pdf)
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	other, _, _ := report.LoadOrCreateKey(keyFolder())
	if !regexp.MustCompile(`Sealed with key\s+` + other.Fingerprint()).Match(text) {
		t.Errorf("the finalised report does not print the key's fingerprint %s in its document control", other.Fingerprint())
	}
}

func TestImportChecksTheSeal(t *testing.T) {
	c := newCLI(t)
	path := c.sealedExport(c.demo())
	out, errs, code := c.run("import", "--format", "json", path)
	if code != 0 || strings.TrimSpace(out) == "" || !strings.Contains(errs, "sealed by key ") {
		t.Errorf("importing a sealed bundle: exit %d, %q, %q", code, out, errs)
	}
	data, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.Replace(data, []byte(`"title": "`), []byte(`"title": "Altered `), 1), 0o600)
	if _, errs, code := c.run("import", "--format", "json", path); code != 1 || !strings.Contains(errs, "the assessment details (header) changed") || !strings.Contains(errs, "--accept-broken-seal") {
		t.Errorf("importing a broken seal: exit %d, %q", code, errs)
	}
	if _, errs, code := c.run("import", "--format", "json", "--accept-broken-seal", path); code != 0 || !strings.Contains(errs, "warning") {
		t.Errorf("importing a broken seal on purpose: exit %d, %q", code, errs)
	}
}

// TestASignOffComesInOnlyWithTheSealOfItsKey: a sign-off is a few lines of JSON anyone can
// type, so an import keeps it only when an intact seal made with the signer's key vouches
// for it; otherwise the assessment comes in as a draft, and the user is told.
func TestASignOffComesInOnlyWithTheSealOfItsKey(t *testing.T) {
	c := newCLI(t)
	id := c.completeDemo()
	c.ok("finalise", id, "--role", "Lead assessor", "--date", "2026-12-01")
	sealed := c.sealedExport(id)
	if got, _, _ := c.run("import", "--format", "json", sealed); c.summary(strings.TrimSpace(got))["finalised"] == nil {
		t.Error("a sealed bundle of a finalised assessment came in without its sign-off")
	}

	plain := filepath.Join(t.TempDir(), "plain.json")
	c.ok("export", id, "--format", "json", "--out", plain)
	for name, path := range map[string]string{"unsealed": plain, "broken seal": brokenSeal(t, sealed)} {
		out, errs, code := c.run("import", "--format", "json", "--accept-broken-seal", path)
		if code != 0 || !strings.Contains(errs, "its sign-off was not kept") {
			t.Errorf("%s: exit %d, stderr %q; want a warning that the sign-off was not kept", name, code, errs)
		}
		if c.summary(strings.TrimSpace(out))["finalised"] != nil {
			t.Errorf("%s: the imported assessment is finalised, so its report would print FINAL", name)
		}
	}
}

// brokenSeal copies a sealed bundle with one finding changed, so its seal no longer holds.
func brokenSeal(t *testing.T, sealed string) string {
	data, err := os.ReadFile(sealed)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(path, bytes.Replace(data, []byte(`"finding": "`), []byte(`"finding": "Edited: `), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestACutOrEmptyBundleSaysSo: a bundle cut short on its way (a full USB stick, a mail size
// limit) is named as cut short, with the part that can no longer be read, not as "not a
// bundle"; an empty file says it is empty; verify-bundle --json answers on stdout either way.
func TestACutOrEmptyBundleSaysSo(t *testing.T) {
	c := newCLI(t)
	sealed := c.sealedExport(c.demo())
	data, err := os.ReadFile(sealed)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cut, empty := filepath.Join(dir, "cut.json"), filepath.Join(dir, "empty.json")
	os.WriteFile(cut, data[:len(data)/2], 0o600)
	os.WriteFile(empty, nil, 0o600)
	for _, tt := range []struct{ path, want string }{{cut, "the bundle is cut short or damaged: "}, {empty, "the file is empty"}} {
		if _, errs, code := c.run("import", "--format", "json", tt.path); code != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("import %s: exit %d, %q; want one saying %q", filepath.Base(tt.path), code, errs, tt.want)
		}
		out, _, code := c.run("verify-bundle", tt.path, "--json")
		var check map[string]any
		if err := json.Unmarshal([]byte(out), &check); code != 1 || err != nil || check["intact"] != false || check["problem"] == "" {
			t.Errorf("verify-bundle %s --json: exit %d, stdout %q", filepath.Base(tt.path), code, out)
		}
	}
}

package assessment_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// FuzzParseInventoryCSV feeds the inventory importer hostile spreadsheets: it must never
// panic, return systems or an error but never both (no partial import), give every system a
// name, and name a real line for every bad row.
func FuzzParseInventoryCSV(f *testing.F) {
	cat, err := checklists.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		"name,owner,lifecycle stage,roles,impact level,in scope,aisia date\nClaims triage,Ana,operation-monitoring,provider,medium,yes,2026-10-01\n",
		"\ufeffName;Owner;Roles;Impact level;In scope;Personal data\nFraud scoring;Zoë;provider;high;yes;yes\nOCR;Łukasz;\"customer; partner\";low;yes;no\n",
		"name,impact level,aisia date,roles\nA,extreme,2026-01-01,provider\n,low,01/02/2026,wizard\nC,low,2026-02-01,customer\n",
		"name,owner\n\"Triage,Bo\n",
		"name,in scope\nOld bot,no\n",
		"name\n\x1b]52;c;ZXZpbA==\x07\n\u202eevil\u202c\n\x00\n",
		"name\r\nA\r\n\r\nB\r\n",
		"name,owner\rA,Bo\rB,Cy,extra\r",
		"name,,owner,owner\nA,x,B,C\n",
		"name,purpose\n\"a\"\"b\",\"multi\nline\"\n",
		"name\n\xff\xfe\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		systems, err := assessment.ParseInventoryCSV(cat, data)
		if (systems == nil) == (err == nil) {
			t.Fatalf("systems %d and error %v: want exactly one of them", len(systems), err)
		}
		for _, s := range systems {
			if strings.TrimSpace(s.Name) == "" {
				t.Fatalf("a system without a name was imported: %+v", s)
			}
		}
		var rows assessment.InventoryErrors
		if errors.As(err, &rows) {
			lines := bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
			for _, r := range rows {
				if r.Line < 1 || r.Line > lines || r.Reason == "" {
					t.Fatalf("bad row without a real line (file has %d lines): %+v", lines, r)
				}
			}
		}
	})
}

// FuzzVisible checks the one function every hostile text field goes through before a
// terminal or a report shows it: the result is valid UTF-8 without control characters or
// bidirectional overrides (newlines and tabs only when asked), it leaves clean text alone,
// and applying it twice changes nothing more.
func FuzzVisible(f *testing.F) {
	for _, seed := range []string{
		"Zoë Ångström Łódź Ωmega", "\x1b[2J\x1b[31mred\x1b[0m", "bell\a", "nul\x00byte", "\xff\xfe\xfd",
		"\u202eexe.txt\u202c", "\u2066isolate\u2069", "emoji 🧑‍💼 and 中文", "tab\tnew\nline\r\n", "\u0085next line", "\x9b31m C1 CSI",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, s string, keepLines bool) {
		v := assessment.Visible(s, keepLines)
		if !utf8.ValidString(v) {
			t.Fatalf("Visible(%q) = %q is not valid UTF-8", s, v)
		}
		for _, r := range v {
			bidi := (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
			if (unicode.IsControl(r) && !(keepLines && (r == '\n' || r == '\t'))) || bidi {
				t.Fatalf("Visible(%q) = %q still holds %U", s, v, r)
			}
		}
		if again := assessment.Visible(v, keepLines); again != v {
			t.Fatalf("Visible is not stable: %q then %q", v, again)
		}
		clean := utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
			return unicode.IsControl(r) && !(keepLines && (r == '\n' || r == '\t')) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
		})
		if clean && v != s {
			t.Fatalf("clean text %q was changed to %q", s, v)
		}
	})
}

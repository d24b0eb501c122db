package report_test

// Hostile-input fuzzers for the report entry points that take text from outside: the JSON
// bundle importer and the PDF writer (the Word writer's is in docx_fuzz_test.go).

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/report"
)

func builtin(t testing.TB) *checklists.Catalogue {
	t.Helper()
	cat, err := checklists.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

var fuzzDay = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// hostile is an assessment with text in every kind of field the report prints.
func hostile(cat *checklists.Catalogue, text string) *assessment.Assessment {
	return &assessment.Assessment{
		Title: text, Organisation: assessment.Organisation{Name: text, Sector: text, Address: text}, Assessor: text,
		StartDate: fuzzDay, Classification: text, ReportVersion: text, CatalogueID: cat.ID, CatalogueVersion: cat.Version,
		Scope:       assessment.Scope{Statement: text, Boundaries: text, Exclusions: []assessment.Exclusion{{What: text, Justification: text}}},
		RoleHolders: []assessment.RoleHolder{{RoleID: "aims-manager", Name: text, Contact: text}},
		Systems: []assessment.AISystem{{ID: 1, Name: text, Purpose: text, Owner: text, Stage: "deployment", Roles: []string{"provider"},
			Impact: assessment.ImpactHigh, InScope: true, Suppliers: text, AISIADate: fuzzDay, AffectedGroups: text, Harms: text}},
		Results: map[string]*assessment.Result{
			"4.1": {ItemID: "4.1", Status: assessment.Partial, Maturity: 2, Finding: text, Recommendation: text, Owner: text,
				Evidence: []assessment.Evidence{{Title: text, Kind: "document", Reference: text, Path: text}}},
			"A.6.2.4": {ItemID: "A.6.2.4", Status: assessment.Nonconformant, Maturity: 1, Decision: assessment.Included, Finding: text},
			"A.7.3":   {ItemID: "A.7.3", Status: assessment.NotApplicable, Decision: assessment.Excluded, Justification: text},
		},
		Risks: []assessment.Risk{{ID: 1, Title: text, SystemID: 1, Likelihood: 4, Impact: 5, Treatment: "modify", Controls: []string{"A.6.2.4"}, Owner: text, Status: "open", Raised: fuzzDay}},
		Tests: []assessment.ControlTest{{ControlID: "A.6.2.4", Frequency: "monthly", Samples: []assessment.Sample{{Ref: text, Result: assessment.Exception}}}},
		NCs: []assessment.Nonconformity{{Number: 1, ItemID: "A.6.2.4", Source: "gap", Grade: assessment.MajorNC, Description: text, RootCause: text,
			CorrectiveAction: text, Owner: text, Status: assessment.NCOpen, Raised: fuzzDay, Due: fuzzDay.AddDate(0, 1, 0)}},
		KPIValues: map[string]assessment.KPIValue{"KPI-04": {Value: text}},
	}
}

// hostileSeeds are the strings every text fuzzer starts from.
var hostileSeeds = []string{
	"Northwind Mutual Insurance",
	"\x1b[2J\x1b[31mred\x1b[0m\x1b]8;;https://example.invalid\x07link\x1b]8;;\x07",
	"nul\x00byte and bell\a and DEL\x7f",
	"invalid \xff\xfe\xc3\x28 UTF-8",
	"\u202eredro lanretni\u202c \u2067isolate\u2069",
	"مؤسسة الشمال للتأمين — עברית",
	"emoji 🧑‍💼🏳️‍🌈 and 中文 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
	"Zoë Ångström Łódź Ωmega Ψυχή Жюри",
	strings.Repeat("ab", 1) + strings.Repeat("\n", 200),
	"(unbalanced \\ parenthesis ) %PDF-1.4 endobj trailer <<>>",
}

// FuzzDecodeBundle feeds the JSON importer hostile files: it must never panic, return an
// assessment or an error but never both, and what it accepts must pass the assessment rules
// and survive another export and import.
func FuzzDecodeBundle(f *testing.F) {
	cat := builtin(f)
	for _, text := range hostileSeeds[:4] {
		var buf bytes.Buffer
		if err := report.EncodeBundle(&buf, hostile(cat, text)); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	for _, seed := range []string{
		`{"format":"aimsbench-assessment","version":1,"assessment":{"title":"x","results":{"4.1":{"item_id":"4.1","status":"na"}}}}`,
		`{"format":"aimsbench-assessment","version":2,"assessment":{}}`,
		`{"format":"aimsbench-assessment","version":1,"assessment":null}`,
		`{"format":"aimsbench-assessment","version":1,"assessment":{"results":{"4.1":null}}}`,
		`{"format":"aimsbench-assessment","version":1,"assessment":{"systems":[{"id":1},{"id":1}]}}`,
		`{"format":"aimsbench-assessment","version":1,"extra":true}`,
		`[1,2,3]`, ``, `{"format":`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := report.DecodeBundle(bytes.NewReader(data), cat, report.ImportOptions{})
		if (a == nil) == (err == nil) {
			t.Fatalf("assessment %v and error %v: want exactly one of them", a != nil, err)
		}
		if err != nil {
			if strings.TrimSpace(err.Error()) == "" {
				t.Fatal("an empty error")
			}
			return
		}
		if a.ID != "" || a.Results == nil || a.Requests == nil || a.KPIValues == nil {
			t.Fatalf("accepted bundle not ready to store: ID %q, results %v", a.ID, a.Results == nil)
		}
		if err := assessment.Validate(cat, a); err != nil {
			t.Fatalf("accepted a bundle the rules refuse: %v", err)
		}
		var buf bytes.Buffer
		if err := report.EncodeBundle(&buf, a); err != nil {
			t.Fatalf("an accepted bundle cannot be exported again: %v", err)
		}
		if _, err := report.DecodeBundle(&buf, cat, report.ImportOptions{}); err != nil {
			t.Fatalf("an accepted bundle, exported again, is refused: %v", err)
		}
	})
}

// FuzzWritePDF puts hostile text in every field the report prints: escape sequences, NUL,
// invalid UTF-8, right-to-left text, emoji, PDF syntax. The writer must produce a PDF and
// never panic or fail.
func FuzzWritePDF(f *testing.F) {
	fuzzReport(f, report.WritePDF, func(t *testing.T, text string, out []byte) {
		if !bytes.HasPrefix(out, []byte("%PDF-")) {
			t.Fatal("the output is not a PDF")
		}
	})
}

// fuzzReport runs a report writer on hostile text in every field it prints, from the seeds
// on, and checks what it wrote; the writer must never fail or panic.
func fuzzReport(f *testing.F, write func(io.Writer, *checklists.Catalogue, *assessment.Assessment, report.Options) error,
	check func(t *testing.T, text string, out []byte)) {
	cat := builtin(f)
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var buf bytes.Buffer
		if err := write(&buf, cat, hostile(cat, text), report.Options{AsOf: fuzzDay, Fingerprint: text}); err != nil {
			t.Fatalf("writing the report with %q: %v", text, err)
		}
		check(t, text, buf.Bytes())
	})
}

// TestMegabyteText is the long-string case the fuzzer's inputs never reach: 1 MB strings in
// a bundle and in the report.
func TestMegabyteText(t *testing.T) {
	if testing.Short() || os.Getenv("AIMSBENCH_SOAK") == "" {
		t.Skip("lays out a long report; runs in CI (AIMSBENCH_SOAK=1, set by .ci/run)")
	}
	cat := builtin(t)
	text := strings.Repeat("Ångström \x1b[31m 🧑‍💼 مؤسسة ", 1<<20/40)
	t.Run("in every field of a bundle", func(t *testing.T) {
		var bundle bytes.Buffer
		if err := report.EncodeBundle(&bundle, hostile(cat, text)); err != nil {
			t.Fatal(err)
		}
		if _, err := report.DecodeBundle(&bundle, cat, report.ImportOptions{}); err != nil {
			t.Errorf("a bundle with 1 MB strings: %v", err)
		}
	})
	t.Run("in the report's long texts", func(t *testing.T) {
		a := hostile(cat, "short")
		a.Scope.Statement, a.Results["4.1"].Finding, a.Results["4.1"].Recommendation, a.NCs[0].Description = text, text, text, text
		if err := report.WritePDF(io.Discard, cat, a, report.Options{AsOf: fuzzDay}); err != nil {
			t.Errorf("a report with 1 MB findings: %v", err)
		}
	})
	t.Run("in names and table cells", func(t *testing.T) {
		// Every stored text, names and titles included, is 1 MB: the report shortens what it
		// lays out, so the export stays fast and says what it shortened.
		var out bytes.Buffer
		if err := report.WritePDF(&out, cat, hostile(cat, text), report.Options{AsOf: fuzzDay}); err != nil {
			t.Fatalf("a report with 1 MB in every field: %v", err)
		}
		if !bytes.HasPrefix(out.Bytes(), []byte("%PDF")) {
			t.Fatal("the output is not a PDF")
		}
	})
}

package report

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// exportQuestionnaire writes the demo's questionnaire to a temporary file.
func exportQuestionnaire(t *testing.T, a *assessment.Assessment) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "questionnaire.xlsx")
	if err := ExportFile(path, "questionnaire", catalogue(t), a, Options{AsOf: reportDay}); err != nil {
		t.Fatalf("export: %v", err)
	}
	return path
}

// answer is what a client writes in one row: the sheet, the row and the three answer cells.
type answer struct {
	sheet             string
	row               int
	text, ref, person string
}

// fill opens the workbook as the client's spreadsheet program would, writes the answers into
// the answer columns, lets edit change anything else, and saves it.
func fill(t *testing.T, path string, answers []answer, edit func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, a := range answers {
		for col, v := range map[string]string{"E": a.text, "F": a.ref, "G": a.person} {
			if v != "" {
				if err := f.SetCellValue(a.sheet, fmt.Sprintf("%s%d", col, a.row), v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestQuestionnaireAsksEveryItemOfROnItsAreaSheet(t *testing.T) {
	cat := catalogue(t)
	a := demo(t, assessment.DemoStandard)
	f, err := excelize.OpenFile(exportQuestionnaire(t, a))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheets[0] != coverSheet || sheets[len(sheets)-1] != manifestSheet {
		t.Fatalf("sheets %q: want the cover first and the identification last", sheets)
	}
	if visible, _ := f.GetSheetVisible(manifestSheet); visible {
		t.Error("the identification sheet is visible")
	}
	var asked []string
	for _, sheet := range sheets[1 : len(sheets)-1] {
		rows, _ := f.GetRows(sheet)
		if !slices.Equal(rows[0], questionnaireHeader) {
			t.Errorf("%s: header %q", sheet, rows[0])
		}
		for _, row := range rows[1:] {
			item, _ := cat.Item(row[0])
			asked = append(asked, row[0])
			if cat.GroupOf(item.ID) != strings.Fields(sheet)[0] {
				t.Errorf("item %s is on sheet %q", item.ID, sheet)
			}
			if row[1] != item.Title || !strings.HasPrefix(row[2], "We will ") || !strings.HasSuffix(row[2], "which documents or records show it?") || !strings.HasPrefix(row[3], "• ") {
				t.Errorf("%s row %q", item.ID, row)
			}
		}
		prot, _ := f.GetSheetProtection(sheet)
		if !prot.SelectUnlockedCells || prot.InsertRows || prot.DeleteRows || prot.FormatCells {
			t.Errorf("%s is not protected against inserting, deleting and editing: %+v", sheet, prot)
		}
		for cell, wantLocked := range map[string]bool{"C2": true, "E2": false, "F2": false, "G2": false} {
			id, _ := f.GetCellStyle(sheet, cell)
			style, _ := f.GetStyle(id)
			if locked := style.Protection == nil || style.Protection.Locked; locked != wantLocked {
				t.Errorf("%s!%s locked = %v, want %v", sheet, cell, locked, wantLocked)
			}
		}
		if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 2 {
			t.Errorf("%s: panes %+v, want the header row and the item columns frozen", sheet, panes)
		}
		if layout, _ := f.GetPageLayout(sheet); layout.Orientation == nil || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 {
			t.Errorf("%s is not set up to print landscape one page wide", sheet)
		}
	}
	var want []string
	for _, item := range cat.Assessable() {
		if a.InReadinessScope(item) {
			want = append(want, item.ID)
		}
	}
	if !slices.Equal(asked, want) {
		t.Errorf("asked about %d items, want the %d items of R in catalogue order", len(asked), len(want))
	}
	cover, _ := f.GetRows(coverSheet)
	text := fmt.Sprint(cover)
	for _, s := range []string{a.Organisation.Name, a.Title, "Send it back to", a.Assessor, "How to fill it in", fmt.Sprintf("%d questions", len(want)), "Assessment " + a.ID} {
		if !strings.Contains(text, s) {
			t.Errorf("the cover does not say %q", s)
		}
	}
	props, _ := f.GetCustomProps()
	if !slices.ContainsFunc(props, func(p excelize.CustomProperty) bool { return p.Name == propAssessment && p.Value == a.ID }) {
		t.Errorf("document properties %v do not name assessment %s", props, a.ID)
	}
}

func TestQuestionnaireReadsBackTheClientsAnswers(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	path := exportQuestionnaire(t, a)
	fill(t, path, []answer{
		{"5 Leadership", 3, "Our AI policy v2 was approved by the board in March.\r\nIt is on the intranet.", "POL-AI-002 v2.1", "Jane Roe, CISO"},
		{"A.5 Assessing impacts of AI…", 2, "", "AIA-METHOD-01", ""},
		{"10 Improvement", 3, "  No formal process yet.  ", "", ""},
	}, nil)
	q, got := readAnswers(t, path, a)
	if len(q.Answers) != 3 || q.Assessment != a.ID || !q.Issued.Equal(reportDay) || len(q.SHA256) != 64 {
		t.Fatalf("read %d answers of assessment %s issued %v: %+v", len(q.Answers), q.Assessment, q.Issued, q.Answers)
	}
	if p := got["5.2"]; p.Answer != "Our AI policy v2 was approved by the board in March.\nIt is on the intranet." || p.Reference != "POL-AI-002 v2.1" ||
		p.Contact != "Jane Roe, CISO" || p.Source.Sheet != "5 Leadership" || p.Source.Row != 3 || p.Source.File != "questionnaire.xlsx" || p.State != assessment.ProposalPending {
		t.Errorf("5.2 read as %+v", p)
	}
	if p := got["A.5.2"]; p.Answer != "" || p.Reference != "AIA-METHOD-01" {
		t.Errorf("a reference without an answer read as %+v", p)
	}
	if p := got["10.2"]; p.Answer != "No formal process yet." {
		t.Errorf("surrounding spaces kept: %q", p.Answer)
	}
}

func TestQuestionnaireKeepsHostileAnswersAsText(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	path := exportQuestionnaire(t, a)
	long := strings.Repeat("Ωmega policy text. ", 1684) // 32,000 characters: as much as a cell holds
	fill(t, path, []answer{
		// A spreadsheet program writes a control character as _xHHHH_ in the file.
		{"4 Context of the organization", 2, "_x001B_[2J_x001B_]0;pwned_x0007_cleared", "", ""},
		{"4 Context of the organization", 3, "=1+1 typed as text", "@SUM(A1)", "+44 20 7946 0000"},
		{"4 Context of the organization", 4, "✅ done 🚀 — سياسة الذكاء الاصطناعي \u202egnp.exe", "", "Zoë 🧑‍💻"},
		{"4 Context of the organization", 5, long, "", ""},
	}, func(f *excelize.File) {
		f.SetCellFormula("5 Leadership", "E2", "cmd|' /C calc'!A0")
		f.SetCellFormula("5 Leadership", "F2", `HYPERLINK("http://evil.example","click")`)
	})
	_, got := readAnswers(t, path, a)
	for _, c := range []struct{ name, got, want string }{
		{"escape sequences kept as written", got["4.1"].Answer, "\x1b[2J\x1b]0;pwned\x07cleared"},
		{"text starting with = stays text", got["4.2"].Answer, "=1+1 typed as text"},
		{"@ and + stay text", got["4.2"].Reference + got["4.2"].Contact, "@SUM(A1)+44 20 7946 0000"},
		{"emoji, right-to-left and bidi override kept", got["4.3"].Answer, "✅ done 🚀 — سياسة الذكاء الاصطناعي \u202egnp.exe"},
		{"a full cell is read whole", got["4.4"].Answer, strings.TrimSpace(long)},
		{"a formula is the text typed, not evaluated", got["5.1"].Answer, "=cmd|' /C calc'!A0"},
		{"a formula in the reference too", got["5.1"].Reference, `=HYPERLINK("http://evil.example","click")`},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %.80q", c.name, c.got)
		}
	}
	if v := assessment.Visible(got["4.1"].Answer, false); strings.ContainsRune(v, 0x1b) || !strings.Contains(v, "⟨ESC⟩[2J") {
		t.Errorf("shown as %q", v)
	}
}

func TestQuestionnaireRefusesAMegabyteCell(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	path := exportQuestionnaire(t, a)
	fill(t, path, []answer{{"7 Support", 4, "HUGE-ANSWER", "", ""}}, nil)
	rewriteZip(t, path, "xl/sharedStrings.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("HUGE-ANSWER"), bytes.Repeat([]byte("A"), 1<<20), 1)
	})
	_, err := ReadQuestionnaireFile(path, catalogue(t), a)
	if err == nil || !strings.Contains(err.Error(), `sheet "7 Support", row 4 (item 7.3): the answer in E4 is 1048576 characters long`) {
		t.Errorf("a 1 MB cell: %v", err)
	}
}

// rewriteZip changes one file inside a workbook, or adds it when change is given nil.
func rewriteZip(t *testing.T, path, name string, change func([]byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, _ := f.Open()
		data, _ := io.ReadAll(r)
		r.Close()
		if f.Name == name {
			data = change(data)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// readAnswers reads a filled questionnaire back and returns its answers by item ID.
func readAnswers(t *testing.T, path string, a *assessment.Assessment) (*Questionnaire, map[string]assessment.Proposal) {
	t.Helper()
	q, err := ReadQuestionnaireFile(path, catalogue(t), a)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]assessment.Proposal{}
	for _, p := range q.Answers {
		got[p.ItemID] = p
	}
	return q, got
}

// otherCatalogue is the built-in catalogue under another version.
func otherCatalogue(t *testing.T) *checklists.Catalogue {
	data, _ := json.Marshal(catalogue(t))
	data = bytes.Replace(data, []byte(`"version":"`+catalogue(t).Version+`"`), []byte(`"version":"2099.1"`), 1)
	cat, err := checklists.Load(data, "firm.json")
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

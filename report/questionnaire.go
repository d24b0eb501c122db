package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// The auditee questionnaire is a workbook the client fills in before the visit: a cover
// sheet, one sheet per area of the standard with a row per item of R, and a very hidden
// sheet that says which assessment it belongs to. This file holds what the writer and the
// reader share: the layout, derived only from the catalogue, the items asked about and the
// assessment's identity, and its fingerprint.

// The questionnaire's identity, written on its hidden sheet and in its document properties.
const (
	questionnaireFormat  = "aimsbench-questionnaire"
	questionnaireVersion = "1"
	coverSheet           = "Read me"
	manifestSheet        = "aimsbench"
)

// questionnaireHeader heads every area sheet. The first lockedColumns columns are ours and
// protected; the client writes in the others.
var questionnaireHeader = []string{"Item", "Requirement or control", "Our question", "Typical evidence", "Your answer", "Document reference", "Contact"}

// lockedColumns is the number of columns the client may not change.
const lockedColumns = 4

// answerColumns names the columns the client fills in, for messages ("E to G").
const answerColumns = "E to G"

// questionnaireLayout is everything a questionnaire holds apart from the client's answers.
// The writer lays it out; the reader rebuilds it from the hidden sheet and the catalogue and
// compares every protected cell with it.
type questionnaireLayout struct {
	Assessment, Organisation, Title, Assessor string
	CatalogueID, CatalogueVersion             string
	Issued                                    time.Time
	Areas                                     []questionnaireArea
}

// questionnaireArea is one sheet: a clause heading (4–10) or an Annex A objective.
type questionnaireArea struct {
	Sheet string
	Rows  []questionnaireRow
}

// questionnaireRow is one question: an item of R and the protected text we wrote about it.
type questionnaireRow struct {
	Item   checklists.Item
	Locked [lockedColumns]string
}

// questionnaireFor lays out the questionnaire of an assessment: one row per item of R (every
// clause requirement and each control the SoA includes), issued on the given day.
func questionnaireFor(cat *checklists.Catalogue, a *assessment.Assessment, issued time.Time) questionnaireLayout {
	var items []checklists.Item
	for _, item := range cat.Assessable() {
		if a.InReadinessScope(item) {
			items = append(items, item)
		}
	}
	return questionnaireLayout{
		Assessment: a.ID, Organisation: a.Organisation.Name, Title: a.Title, Assessor: a.Assessor,
		CatalogueID: cat.ID, CatalogueVersion: cat.Version, Issued: issued,
		Areas: questionnaireAreas(cat, items),
	}
}

// questionnaireAreas groups items by clause heading or Annex A objective, in catalogue
// order, leaving out areas with nothing to ask.
func questionnaireAreas(cat *checklists.Catalogue, items []checklists.Item) []questionnaireArea {
	byGroup := map[string][]questionnaireRow{}
	for _, item := range items {
		g := cat.GroupOf(item.ID)
		byGroup[g] = append(byGroup[g], questionnaireRow{Item: item, Locked: [lockedColumns]string{
			asStored(item.ID), asStored(item.Title), asStored(assessment.ClientQuestion(item)), asStored(evidenceList(item.Evidence)),
		}})
	}
	taken := map[string]bool{strings.ToLower(coverSheet): true, strings.ToLower(manifestSheet): true}
	var out []questionnaireArea
	for _, g := range cat.Groups() {
		if rows := byGroup[g.ID]; len(rows) > 0 {
			out = append(out, questionnaireArea{Sheet: sheetName(g, taken), Rows: rows})
		}
	}
	return out
}

// evidenceList puts each piece of typical evidence (the catalogue separates them with
// semicolons) on its own line.
func evidenceList(text string) string {
	var lines []string
	for _, part := range strings.Split(text, ";") {
		if part = strings.TrimSpace(part); part != "" {
			lines = append(lines, "• "+part)
		}
	}
	return strings.Join(lines, "\n")
}

// asStored is text as a workbook keeps it: a character XML cannot hold (a control
// character other than tab and line feed, invalid UTF-8) is written as U+FFFD, so the text
// compared on import is the text that was written.
func asStored(s string) string {
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r <= 0xdfff) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// maxSheetName is the longest sheet name spreadsheet programs accept.
const maxSheetName = 31

// sheetName names an area's sheet after its ID and title ("5 Leadership"): characters a sheet
// name may not hold become dashes, a name too long is shortened at a word with an ellipsis,
// and a name already taken (case-insensitively) gets a number.
func sheetName(group checklists.Item, taken map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, strings.Join(strings.Fields(group.ID+" "+group.Title), " "))
	name = strings.Trim(name, "' ")
	name = shortenName(name, maxSheetName)
	base := name
	for n := 2; taken[strings.ToLower(name)] || name == ""; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = shortenName(base, maxSheetName-utf8.RuneCountInString(suffix)) + suffix
	}
	taken[strings.ToLower(name)] = true
	return name
}

// shortenName cuts a name to at most n characters, at a word when it can, with an ellipsis.
func shortenName(name string, n int) string {
	r := []rune(name)
	if len(r) <= n {
		return name
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); r[n-1] != ' ' && i > n/2 {
		cut = cut[:i] // the cut fell inside a word: end at the word before it
	}
	return strings.TrimRight(cut, " ") + "…"
}

// questions counts the rows of the questionnaire.
func (l questionnaireLayout) questions() int {
	n := 0
	for _, area := range l.Areas {
		n += len(area.Rows)
	}
	return n
}

// itemIDs lists the items asked about, in sheet and row order.
func (l questionnaireLayout) itemIDs() []string {
	var out []string
	for _, area := range l.Areas {
		for _, row := range area.Rows {
			out = append(out, row.Item.ID)
		}
	}
	return out
}

// fingerprint is the SHA-256 of everything in the workbook the import relies on: its
// identity (assessment, catalogue, date of issue), the sheet names, the header and every
// protected cell, each length-prefixed so that no two layouts hash alike. The organisation,
// title and assessor are there for people to read and are left out.
func (l questionnaireLayout) fingerprint() string {
	h := sha256.New()
	field := func(s string) { fmt.Fprintf(h, "%d:%s|", len(s), s) }
	for _, s := range []string{questionnaireFormat, questionnaireVersion, l.Assessment, l.CatalogueID, l.CatalogueVersion, l.Issued.Format(time.DateOnly)} {
		field(s)
	}
	for _, area := range l.Areas {
		field(area.Sheet)
		for _, s := range questionnaireHeader {
			field(s)
		}
		for _, row := range area.Rows {
			for _, s := range row.Locked {
				field(s)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// manifest is the content of the hidden sheet: the questionnaire's identity as name and
// value rows, then one row per item asked about.
func (l questionnaireLayout) manifest() [][]string {
	rows := [][]string{
		{"format", questionnaireFormat}, {"version", questionnaireVersion},
		{"assessment", l.Assessment}, {"organisation", l.Organisation}, {"title", l.Title}, {"assessor", l.Assessor},
		{"catalogue", l.CatalogueID}, {"catalogue version", l.CatalogueVersion},
		{"issued", l.Issued.Format(time.DateOnly)}, {"fingerprint", l.fingerprint()},
	}
	for _, id := range l.itemIDs() {
		rows = append(rows, []string{"item", id})
	}
	return rows
}

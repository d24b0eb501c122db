package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// evidenceRequests prints the evidence request working list: every document on the list
// with the items it supports, where it stands since when, and who provides it.
func (d *doc) evidenceRequests() {
	t := d.work.Requests
	d.paraf("Of the %d documents and records on the request list, %d are in hand (%d received and %d reviewed), %d are "+
		"requested and awaited, %d were reported as not available and %d have not been requested yet. The items each "+
		"document supports are the requirements and controls it is evidence for.",
		t.Total, t.InHand(), t.Received, t.Reviewed, t.Requested, t.NotAvailable, t.NotRequested)
	var rows [][]cell
	for _, c := range d.cat.EvidenceRequests {
		for i, e := range c.Items {
			category := ""
			if i == 0 {
				category = c.Title
			}
			r := d.a.Requests[e.ID]
			rows = append(rows, []cell{bold(category), txt(e.Title + "\n" + e.ID), txt(strings.Join(e.Supports, ", ")),
				requestCell(r), txt(requestNote(r))})
		}
	}
	d.table([]column{{"Category", 32, ""}, {"Document or record", 46, ""}, {"Supports", 24, ""}, {"Status", 26, ""},
		{"Contact and note", 42, ""}}, rows)
}

// requestCell marks an evidence request's state with the day it reached it; the word says
// what the shade does.
func requestCell(r assessment.RequestStatus) cell {
	text := capitalise(r.Current().Label())
	if since := r.Since(); !since.IsZero() {
		text += "\n" + date(since)
	}
	switch r.State {
	case assessment.Received, assessment.Reviewed:
		return marked(text, goodFill)
	case assessment.Requested:
		return marked(text, midFill)
	case assessment.NotAvailable:
		return marked(text, badFill)
	}
	return txt(text)
}

// requestNote is who provides a document and the assessor's note, or a dash.
func requestNote(r assessment.RequestStatus) string {
	var parts []string
	for _, p := range []string{r.Contact, r.Note} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	return orDash(strings.Join(parts, "\n"))
}

// evidenceAnnex lists every item that counts towards the verdict with its status, maturity,
// finding and the evidence it rests on, grouped by clause and Annex A objective (SPEC §10a).
func (d *doc) evidenceAnnex() {
	d.paraf("Every clause requirement and included Annex A control (%d items), with the judgement and the evidence it "+
		"rests on: title, reference, the day it was recorded and, for a file, the first 12 characters of its SHA-256. "+
		"Controls excluded from the Statement of Applicability are not judged and do not appear.", d.work.Items)
	cols := []column{{"Item", 40, ""}, {"Status and maturity", 24, ""}, {"Finding", 50, ""}, {"Evidence", 56, ""}}
	for _, g := range d.cat.Groups() {
		var rows [][]cell
		for _, item := range d.cat.Assessable() {
			if d.cat.GroupOf(item.ID) == g.ID && d.a.InReadinessScope(item) {
				rows = append(rows, d.annexRow(item))
			}
		}
		if len(rows) == 0 {
			continue
		}
		d.titledTable(g.ID+" "+g.Title, cols, rows)
	}
}

func (d *doc) annexRow(item checklists.Item) []cell {
	r := d.a.Result(item)
	judgement := statusCell(r.Status)
	judgement.text += fmt.Sprintf("\nmaturity %s of %d", maturity(r.Maturity), r.EffectiveTarget())
	evidence := cell{text: "None recorded", style: &styleCellItalic}
	if len(r.Evidence) > 0 {
		var lines []string
		for _, e := range r.Evidence {
			lines = append(lines, evidenceLine(e))
		}
		evidence = txt(strings.Join(lines, "\n"))
	}
	return []cell{bold(d.itemTitle(item)), judgement, txt(orDash(r.Finding)), evidence}
}

// evidenceLine is one evidence item as the annex prints it: "Kind: title — reference, date,
// SHA-256 prefix".
func evidenceLine(e assessment.Evidence) string {
	line := capitalise(orDash(e.Kind)) + ": " + orDash(e.Title)
	var about []string
	if ref := strings.TrimSpace(e.Reference); ref != "" {
		about = append(about, ref)
	}
	if e.Path != "" && e.Reference == "" {
		about = append(about, e.Path)
	}
	switch { // each date says what it is
	case !e.Collected.IsZero():
		about = append(about, "collected "+date(e.Collected))
	case !e.AttachedAt.IsZero():
		about = append(about, "recorded "+date(e.AttachedAt))
	}
	if !e.ValidUntil.IsZero() {
		about = append(about, "valid until "+date(e.ValidUntil))
	}
	if len(e.SHA256) >= 12 {
		about = append(about, "SHA-256 "+e.SHA256[:12])
	}
	if len(about) > 0 {
		line += " — " + strings.Join(about, ", ")
	}
	return line
}

package report

import (
	"strings"

	"aimsbench/assessment"
)

// appendix prints, for every assessed item, the NIST AI RMF subcategories that map to it and
// the EU AI Act articles it relates to (indicative), then the framework mapping by area.
func (d *doc) appendix() {
	d.para("For each item judged in this assessment, the NIST AI RMF 1.0 subcategories that correspond to it and the " +
		"articles of the EU AI Act (Regulation (EU) 2024/1689) it relates to. The EU AI Act column is indicative " +
		"only: it suggests where ISO/IEC 42001 work can support obligations under the Act and is not a legal " +
		"assessment of the organisation's duties.")
	var rows [][]cell
	for _, item := range d.cat.Assessable() {
		r := d.a.Result(item)
		if r.Status == assessment.NotAssessed {
			continue
		}
		rows = append(rows, []cell{bold(d.itemTitle(item)), txt(status(r.Status)),
			txt(orDash(strings.Join(item.NIST, ", "))), txt(articles(item.EUAIAct))})
	}
	if len(rows) == 0 {
		d.none("No item has been judged yet, so there is nothing to map.")
	} else {
		d.table([]column{{"Requirement or control", 60, ""}, {"Status", 26, ""}, {"NIST AI RMF", 44, ""}, {"EU AI Act (indicative)", 40, ""}}, rows)
	}
	if len(d.cat.FrameworkMapping) == 0 {
		return
	}
	var areas [][]cell
	for _, m := range d.cat.FrameworkMapping {
		areas = append(areas, []cell{bold(m.Area), txt(strings.Join(m.ISO42001, ", ")), txt(m.EUAIAct), txt(m.NISTAIRMF),
			txt(m.ISO27001), txt(m.ISO23894)})
	}
	d.titledTable("Mapping by area", []column{{"Area", 26, ""}, {"ISO/IEC 42001", 30, ""}, {"EU AI Act (indicative)", 32, ""}, {"NIST AI RMF", 26, ""},
		{"ISO/IEC 27001", 28, ""}, {"ISO/IEC 23894", 28, ""}}, areas)
}

// articles prints EU AI Act article numbers as "Art. 9, 27".
func articles(list []string) string {
	if len(list) == 0 {
		return "—"
	}
	return "Art. " + strings.Join(list, ", ")
}

// signOff prints the statement and signature blocks for the assessor and the client.
func (d *doc) signOff() {
	d.paraf("By signing, the lead assessor confirms that this report fairly presents the findings of the readiness "+
		"assessment as of %s, and the organisation's representatives confirm that they have received it and "+
		"accept the findings as a basis for the corrective actions and roadmap it sets out. A readiness assessment "+
		"is not a certification audit: only an accredited certification body can certify the management system.", date(d.asOf))
	if d.a.SignOff.Recorded() {
		d.paraf("The sign-off was recorded by %s.", d.signOffText())
	}
	if d.draft() {
		d.paragraph("This report is a draft because "+joinAnd(d.draftWhy)+"; it is not for signature as final.", styleBold)
	}
	signed := ""
	if so := d.a.SignOff; so.Recorded() && strings.EqualFold(strings.TrimSpace(so.By), strings.TrimSpace(d.a.Assessor)) {
		signed = date(so.Date)
	}
	blocks := [][3]string{
		{"Lead assessor", d.a.Assessor, signed},
		{"AI governance lead (AIMS manager)", d.a.RoleHolder("aims-manager"), ""},
		{"Top management sponsor", d.a.RoleHolder("top-management"), ""},
	}
	for _, b := range blocks {
		d.signatureBlock(b[0], b[1], b[2])
	}
}

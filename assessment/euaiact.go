package assessment

import (
	"fmt"
	"strings"

	"aimsbench/checklists"
)

// EUAIActClass is where an AI system stands under the EU AI Act, as the assessor reads it:
// a category of the catalogue's indicative table, the Annex III area when the category needs
// one, and why. It is a planning aid for the client, labelled indicative and never legal
// advice; an empty Category means the system is not classified yet.
type EUAIActClass struct {
	Category  string `json:"category"`
	Area      string `json:"area,omitempty"` // Annex III area ID, for a high-risk use listed there
	Rationale string `json:"rationale,omitempty"`
}

// Classified reports whether the system has been classified.
func (c EUAIActClass) Classified() bool { return c.Category != "" }

// Check refuses a classification the catalogue does not know: an unknown category or area,
// a high-risk use without its Annex III area, or an area given to a category that has none.
func (c EUAIActClass) Check(cat *checklists.Catalogue) error {
	if !c.Classified() {
		if c.Area != "" {
			return fmt.Errorf("the Annex III area %q is given without an EU AI Act category; choose the category first", c.Area)
		}
		return nil
	}
	k, ok := cat.EUAIActCategory(c.Category)
	if !ok {
		return fmt.Errorf("EU AI Act category %q is not known; use %s", c.Category, orList(categoryIDs(cat)))
	}
	switch {
	case k.NeedsArea && c.Area == "":
		return fmt.Errorf("a system classified %q needs the Annex III area its use falls in; use %s", k.Title, orList(areaIDs(cat)))
	case !k.NeedsArea && c.Area != "":
		return fmt.Errorf("a system classified %q has no Annex III area; leave the area empty", k.Title)
	}
	if _, ok := cat.AnnexIIIArea(c.Area); c.Area != "" && !ok {
		return fmt.Errorf("the Annex III area %q is not known; use %s", c.Area, orList(areaIDs(cat)))
	}
	return nil
}

// Describe is the classification in words, e.g. "High-risk: a use listed in Annex III —
// point 4, Employment and workers management", or "not classified".
func (c EUAIActClass) Describe(cat *checklists.Catalogue) string {
	k, ok := cat.EUAIActCategory(c.Category)
	if !ok {
		return "not classified"
	}
	if a, ok := cat.AnnexIIIArea(c.Area); ok {
		return fmt.Sprintf("%s — point %s, %s", k.Title, a.Point, a.Title)
	}
	return k.Title
}

// Obligations lists what the classification points to: the category's obligations, then
// those its Annex III area adds. They are indicative (the catalogue's EU AI Act note says how
// far to rely on them), for the screen and the report to show under that note.
func (c EUAIActClass) Obligations(cat *checklists.Catalogue) []checklists.Obligation {
	k, ok := cat.EUAIActCategory(c.Category)
	if !ok {
		return nil
	}
	out := append([]checklists.Obligation(nil), k.Obligations...)
	if a, ok := cat.AnnexIIIArea(c.Area); ok {
		out = append(out, a.Obligations...)
	}
	return out
}

// ParseEUAIActClass reads a classification as a spreadsheet writes it: a category by ID or
// title, followed for a high-risk use by a colon and the Annex III area by ID, title or point
// number ("high-risk: employment", "high-risk: 4", "minimal"). Empty means not classified.
func ParseEUAIActClass(cat *checklists.Catalogue, s string) (EUAIActClass, error) {
	category, area, _ := strings.Cut(s, ":")
	category, area = strings.TrimSpace(category), strings.TrimSpace(area)
	var c EUAIActClass
	for _, k := range cat.EUAIAct.Categories {
		if strings.EqualFold(category, k.ID) || strings.EqualFold(category, k.Title) {
			c.Category = k.ID
		}
	}
	if c.Category == "" && category != "" {
		return c, fmt.Errorf("EU AI Act category %q is not known; use %s", category, orList(categoryIDs(cat)))
	}
	if k, _ := cat.EUAIActCategory(c.Category); k.NeedsArea && area == "" {
		return c, fmt.Errorf("a system classified %q needs its Annex III area after a colon, e.g. %q; the areas are %s",
			k.Title, k.ID+": "+exampleArea(cat), orList(areaIDs(cat)))
	}
	c.Area = area
	for _, a := range cat.EUAIAct.AnnexIII {
		if strings.EqualFold(area, a.ID) || strings.EqualFold(area, a.Title) || area == a.Point {
			c.Area = a.ID
		}
	}
	return c, c.Check(cat)
}

func categoryIDs(cat *checklists.Catalogue) []string {
	var out []string
	for _, k := range cat.EUAIAct.Categories {
		out = append(out, k.ID)
	}
	return out
}

func areaIDs(cat *checklists.Catalogue) []string {
	var out []string
	for _, a := range cat.EUAIAct.AnnexIII {
		out = append(out, a.ID)
	}
	return out
}

// exampleArea is an Annex III area ID to show in a message.
func exampleArea(cat *checklists.Catalogue) string {
	if ids := areaIDs(cat); len(ids) > 0 {
		return ids[0]
	}
	return ""
}

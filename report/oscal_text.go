package report

import (
	"net/url"
	"strings"
	"time"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"
	"golang.org/x/text/unicode/norm"

	"aimsbench/assessment"
)

// OSCAL has three kinds of text: plain strings (one line, no surrounding space, never
// empty), markup lines (Markdown on one line: titles) and markup prose (Markdown on several
// lines: descriptions, remarks). Whatever an assessor or an import put in a field, the
// helpers below make it fit its kind: control characters and escape sequences become
// visible stand-ins (assessment.Visible, the rule every display follows) and the characters
// Markdown would act on are escaped, so a finding is read as the text that was typed.

// plainText is s as an OSCAL string: on one line, trimmed; "" when nothing is left.
func plainText(s string) string {
	return norm.NFC.String(assessment.Visible(strings.Join(strings.Fields(s), " "), false))
}

// markupLine is s as an OSCAL markup line, or fallback when s is blank.
func markupLine(s, fallback string) string {
	if t := plainText(s); t != "" {
		return escapeMarkdown(t)
	}
	return escapeMarkdown(plainText(fallback))
}

// markupProse is s as OSCAL markup prose: line breaks kept, other control characters made
// visible, surrounding blank space trimmed.
func markupProse(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return escapeMarkdown(norm.NFC.String(assessment.Visible(strings.TrimSpace(s), true)))
}

// markdownEscaper escapes the characters that make Markdown emphasis, code, links, images
// and raw HTML.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`,
)

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

// orText returns s, or fallback when s is blank: for required OSCAL text the data may lack.
func orText(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

// props collects the properties of one OSCAL object, leaving out blank values.
type props []oscal.Property

// ours adds a property aimsbench defines, in its namespace.
func (p *props) ours(name, value string) {
	if v := plainText(value); v != "" {
		*p = append(*p, oscal.Property{Name: name, Ns: oscalNS, Value: v})
	}
}

// nist adds a property OSCAL itself defines (label, sort-id, marking, method).
func (p *props) nist(name, value string) {
	if v := plainText(value); v != "" {
		*p = append(*p, oscal.Property{Name: name, Value: v})
	}
}

// list returns the properties as OSCAL wants them: absent when there are none.
func (p props) list() *[]oscal.Property { return some(p) }

// some returns a pointer to a non-empty slice and nil for an empty one: OSCAL arrays, when
// present, hold at least one entry.
func some[T any](s []T) *[]T {
	if len(s) == 0 {
		return nil
	}
	return &s
}

// oscalTime is t in UTC, or nil when it is unset or outside the years OSCAL accepts.
func oscalTime(t time.Time) *time.Time {
	if t.IsZero() || t.Year() < 1900 || t.Year() > 2999 {
		return nil
	}
	u := t.UTC()
	return &u
}

// at is t in UTC for a timestamp OSCAL requires, falling back on the export's date when t
// is unset.
func (x *oscalExport) at(t time.Time) time.Time {
	if u := oscalTime(t); u != nil {
		return *u
	}
	return x.asOf
}

// fileURI is an evidence file's recorded path as a URI reference: a file: URI for an
// absolute path (Windows paths keep their drive letter), a relative reference otherwise.
func fileURI(path string) string {
	p := strings.ReplaceAll(path, `\`, "/")
	if len(p) >= 2 && p[1] == ':' {
		p = "/" + p
	}
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

package report

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"aimsbench/assessment"
)

// family is the name the embedded font family, Liberation Sans, is registered under in the
// PDF: it has a true hyphen, a zero without slash or dot, and Latin, Greek and Cyrillic.
const family = "LiberationSans"

// fontFaces are the styles of the family and their TrueType data.
var fontFaces = []struct {
	style string
	ttf   []byte
}{{"", liberationsansregular.TTF}, {"B", liberationsansbold.TTF}, {"I", liberationsansitalic.TTF}, {"BI", liberationsansbolditalic.TTF}}

// placeholder stands in, visibly, for a character the embedded font cannot draw (an emoji,
// a CJK ideograph): the report shows that something was there instead of failing.
const placeholder = '□'

// substitutes are characters the font lacks but a close equivalent it has says the same:
// the angle brackets assessment.Visible uses to mark control characters, ticks and crosses.
var substitutes = map[rune]rune{'⟨': '‹', '⟩': '›', '✓': '√', '✔': '√', '✗': '×', '✘': '×', '\t': ' '}

// coverage answers whether every face of the family has a glyph for a rune. The font data
// is parsed once per process; answers are cached, so a long report costs a map lookup a rune.
type coverage struct {
	mu    sync.Mutex
	fonts []*sfnt.Font
	buf   sfnt.Buffer
	known map[rune]bool
}

var loadCoverage = sync.OnceValue(func() *coverage {
	c := &coverage{known: map[rune]bool{}}
	for _, f := range fontFaces {
		parsed, err := sfnt.Parse(f.ttf)
		if err == nil {
			c.fonts = append(c.fonts, parsed)
		}
	}
	return c
})

func (c *coverage) has(r rune) bool {
	if r < 0x7f && r >= 0x20 {
		return true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if ok, seen := c.known[r]; seen {
		return ok
	}
	ok := len(c.fonts) == len(fontFaces)
	for _, f := range c.fonts {
		if g, err := f.GlyphIndex(&c.buf, r); err != nil || g == 0 {
			ok = false
			break
		}
	}
	c.known[r] = ok
	return ok
}

// printable makes text safe to print in a report: shortened beyond the report's limits (clip),
// control characters and escape sequences made visible (assessment.Visible), and composed
// (NFC) so accents meet their letters. Line breaks are kept when multiline is true.
func printable(s string, multiline bool) string {
	return norm.NFC.String(assessment.Visible(clip(s, multiline), multiline))
}

// drawable makes text safe to draw with the PDF's embedded font: printable, and every rune
// the font lacks substituted or replaced by a placeholder.
func drawable(s string, multiline bool) string {
	s = printable(s, multiline)
	cov := loadCoverage()
	clean := true
	for _, r := range s {
		if r != '\n' && !cov.has(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch sub, ok := substitutes[r]; {
		case r == '\n':
			b.WriteRune(r)
		case ok && cov.has(sub):
			b.WriteRune(sub)
		case cov.has(r):
			b.WriteRune(r)
		case r >= 0xfe00 && r <= 0xfe0f, r == 0x200d: // emoji variation selectors and joiners
		default:
			b.WriteRune(placeholder)
		}
	}
	return b.String()
}

// ellipsise shortens text with an ellipsis so that it is at most w wide as measured by width:
// the longest start of it that fits with the ellipsis.
func ellipsise(text string, w float64, width func(string) float64) string {
	if width(text) <= w {
		return text
	}
	r := []rune(text)
	fits := func(n int) bool { return width(strings.TrimSpace(string(r[:n]))+"…") <= w }
	lo, hi := 1, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

// date prints a calendar date the way a report reads it, or a dash when none is set.
func date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2 Jan 2006")
}

// orDash returns s, or a dash when s is blank.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// yesNo prints a boolean as a reader expects it.
func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// maturity prints a maturity level, or a dash when it is unset.
func maturity(n int) string {
	if n == 0 {
		return "—"
	}
	return fmt.Sprint(n)
}

// plural returns "n thing" or "n things".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// capitalise upper-cases the first letter of a label for the start of a cell.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// riskLabel is a risk's reference as printed.
func riskLabel(r assessment.Risk) string { return fmt.Sprintf("R-%02d", r.ID) }

// The longest texts the report lays out: a name or title on one line, and a finding or other
// long text. The workbench keeps every character; the report shortens what no reader needs in
// full and what would make the layout slow (the header repeats names on every page, and a cell
// taller than a page is laid out again on each page it spans).
const (
	maxLineRunes = 300
	maxTextRunes = 20000
)

// clip shortens text beyond the report's limits and says so visibly.
func clip(s string, multiline bool) string {
	limit := maxLineRunes
	if multiline {
		limit = maxTextRunes
	}
	if len(s) <= limit { // bytes ≥ runes: short texts need no count
		return s
	}
	n := 0
	for i := range s {
		if n == limit {
			return s[:i] + fmt.Sprintf(" … [shortened in the report: %d characters in all]", utf8.RuneCountInString(s))
		}
		n++
	}
	return s
}

// listLimit is how many entries of a list inside a sentence the report names before it
// counts the rest and says where they all are.
const listLimit = 12

var itemIDPattern = regexp.MustCompile(`^(A\.)?\d+(\.\d+)*\b`)

// countLongLists shortens each "what: a, b, c" part of a rule's explanation (parts are joined
// with "; ") that names more than listLimit entries: a long list becomes a count and a pointer
// to where the report lists them all.
func (d *doc) countLongLists(text string) string {
	parts := splitTop(text, "; ")
	for i, part := range parts {
		colon := strings.Index(part, ": ")
		if colon < 0 {
			continue
		}
		names := splitTop(part[colon+2:], ", ")
		if len(names) > listLimit+1 {
			parts[i] = part[:colon+2] + shortList(names, listLimit, d.listPointer(part[:colon], names[0]))
		}
	}
	return strings.Join(parts, "; ")
}

// sectionRef points at a numbered section, or at the full report when this one (the gap
// report) leaves it out.
func (d *doc) sectionRef(id string) string {
	if n := d.numbers[id]; n != "" {
		return "section " + n
	}
	return "the full report"
}

// listPointer says where the report lists every entry of a list, from what the list is about
// and its first entry: items in Appendix 1, nonconformities in their register, impact
// assessments in theirs, other AI systems in the inventory.
func (d *doc) listPointer(about, first string) string {
	switch {
	case strings.Contains(about, "impact assessment") && d.numbers["risk"] != "":
		return "section " + d.numbers["risk"]
	case itemIDPattern.MatchString(first):
		return "Appendix 1"
	case strings.HasPrefix(first, "NC-") && d.numbers["ncs"] != "":
		return "section " + d.numbers["ncs"]
	case d.numbers["scope"] != "":
		return "the inventory, section " + d.numbers["scope"]
	}
	return "the full report"
}

// splitTop splits text at sep where sep is outside brackets, so "A (no owner, role), B"
// splits into two entries.
func splitTop(text, sep string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		default:
			if depth == 0 && strings.HasPrefix(text[i:], sep) {
				out = append(out, text[start:i])
				start = i + len(sep)
				i += len(sep) - 1
			}
		}
	}
	return append(out, text[start:])
}

package assessment

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Visible returns s with every control character, escape sequence introducer and invalid
// byte replaced by a visible stand-in (⟨ESC⟩, ⟨U+0007⟩, ⟨?⟩), so text typed or imported by
// anyone can be shown on a terminal or in a report without acting on it. Newlines and tabs
// are kept when keepLines is true.
func Visible(s string, keepLines bool) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (isControl(r) && !(keepLines && (r == '\n' || r == '\t'))) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString("⟨?⟩")
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == 0x1b:
			b.WriteString("⟨ESC⟩")
		case isControl(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isControl covers C0, DEL, C1 and the bidirectional overrides that can reorder what a
// reader sees.
func isControl(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Shorten cuts s to at most n characters, ending with an ellipsis when it was cut, for a
// table column or a message that quotes what a user typed.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(n-1, 0)]) + "…"
}

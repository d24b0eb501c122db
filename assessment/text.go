package assessment

import (
	"bytes"
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

// isControl covers C0, DEL, C1, the bidirectional overrides that can reorder what a reader
// sees, and the invisible characters that make two different names look alike (zero-width
// space, direction marks, byte-order mark, word joiner) or break a line where none shows
// (line and paragraph separators). The zero-width joiner and non-joiner stay: Persian and
// Indic scripts and emoji need them to be written at all.
func isControl(r rune) bool {
	switch r {
	case 0x200b, 0x200e, 0x200f, 0x061c, 0xfeff, 0x2028, 0x2029, 0x180e:
		return true
	}
	return unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2060 && r <= 0x2064) || (r >= 0x2066 && r <= 0x2069)
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

// VisibleJSON escapes, in encoded JSON, every character Visible would make visible — DEL, C1
// controls and bidirectional overrides, which encoding/json leaves raw — as a \uXXXX escape.
// The JSON decodes to the same values, and a terminal shows the escape instead of obeying
// the character. Newlines, which only separate tokens in encoded JSON, are kept.
func VisibleJSON(data []byte) []byte {
	if !bytes.ContainsFunc(data, func(r rune) bool { return isControl(r) && r != '\n' }) {
		return data
	}
	out := make([]byte, 0, len(data)+16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if isControl(r) && r != '\n' {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	return out
}

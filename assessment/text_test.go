package assessment

import (
	"encoding/json"
	"testing"
)

func TestVisibleJSONEscapesWhatEncodingJSONLeavesRaw(t *testing.T) {
	for _, s := range []string{"plain Zoë", "esc \x1b[31m and bell \a", "del \x7f", "c1 \u0085 and \u009b", "bidi \u202eexe.txt\u202c \u2066x\u2069", "line\nbreak"} {
		raw, err := json.MarshalIndent(map[string]string{"text": s}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out := VisibleJSON(raw)
		for _, r := range string(out) {
			if isControl(r) && r != '\n' {
				t.Errorf("%q: %U left raw in %s", s, r, out)
			}
		}
		var back map[string]string
		if err := json.Unmarshal(out, &back); err != nil || back["text"] != s {
			t.Errorf("%q does not decode back: %q, %v", s, back["text"], err)
		}
	}
}

// TestVisibleShowsCharactersThatMakeTwoNamesLookAlike: a name with a zero-width space or a
// direction mark in it looks exactly like the name without, so a list that shows both would
// show two identical rows; the joiners that scripts and emoji need stay as they are.
func TestVisibleShowsCharactersThatMakeTwoNamesLookAlike(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Fraud\u200bscoring", "Fraud⟨U+200B⟩scoring"},
		{"Acme\u200f Ltd", "Acme⟨U+200F⟩ Ltd"},
		{"\ufeffPolicy", "⟨U+FEFF⟩Policy"},
		{"one\u2028two", "one⟨U+2028⟩two"},
		{"می\u200cخواهم", "می\u200cخواهم"}, // Persian needs the zero-width non-joiner
		{"👩\u200d💻 team", "👩\u200d💻 team"}, // an emoji sequence needs the joiner
	}
	for _, tt := range tests {
		if got := Visible(tt.in, false); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

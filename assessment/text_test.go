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

package assessment

import (
	"strings"
	"testing"
)

func TestInventoryCSVRefusalsNameTheLine(t *testing.T) {
	cat := ruleCatalogue(t)
	cases := map[string]struct{ data, want string }{
		"unterminated quote": {"name,owner\n\"Triage,Bo\n", "line 2: cannot be read as CSV"},
		"unknown column":     {"name,colour\nA,blue\n", `column "colour" is not known`},
		"no name column":     {"owner\nBo\n", `no "name" column`},
		"header only":        {"name\n", "no AI systems"},
		"not UTF-8":          {"name\n\xff\xfe\n", "not UTF-8"},
		"ambiguous date":     {"name,aisia date\nA,03/04/2026\n", "line 2: aisia date"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseInventoryCSV(cat, []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want %q, got %v", tc.want, err)
			}
		})
	}
}

package assessment

import (
	"fmt"
	"strings"
	"testing"
)

func TestInventoryCSVRefusalsNameTheLine(t *testing.T) {
	cat := ruleCatalogue(t)
	cases := map[string]struct{ data, want string }{
		"unterminated quote":                 {"name,owner\n\"Triage,Bo\n", "line 2: cannot be read as CSV"},
		"unknown column":                     {"name,colour\nA,blue\n", `column "colour" is not known`},
		"no name column":                     {"owner\nBo\n", `no "name" column`},
		"header only":                        {"name\n", "no AI systems"},
		"not UTF-8":                          {"name\n\xff\xfe\n", "not UTF-8"},
		"UTF-16 without a byte-order mark":   {"n\x00a\x00m\x00e\x00\n\x00", "not UTF-8"},
		"ambiguous date":                     {"name,aisia date\nA,03/04/2026\n", "line 2: aisia date"},
		"duplicate header name":              {"name,owner,Owner\nA,Bo,Cy\n", `line 1: the column "Owner" appears twice (columns 2 and 3)`},
		"duplicate header after blank lines": {"\n\nname,name\nA,B\n", "line 3: the column"},
		"text beyond the header":             {"name,owner\nA,Bo\nB,Cy,forgotten column\n", `line 3: cell 3 ("forgotten column") is beyond the header's 2 columns`},
		"text under an empty header cell":    {"name,,owner\nA,lost,Bo\n", `line 2: cell 2 ("lost") is under a column without a header`},
		"bare CR rows keep their lines":      {"name,owner\rA,Bo\rB,Cy,extra\r", "line 3: cell 3"},
		"too many rows": {"name\n" + strings.Repeat("A\n", MaxInventoryRows+1),
			fmt.Sprintf("line %d: the inventory file has more than 100000 AI systems", MaxInventoryRows+2)},
		"larger than the limit": {"name\n" + strings.Repeat("x", MaxInventoryBytes), "larger than 32 MiB"},
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

func TestInventoryCSVReadsUntidySpreadsheets(t *testing.T) {
	cat := ruleCatalogue(t)
	for name, data := range map[string]string{
		"LF line ends":                      "name,owner\nTriage,Bo\nOCR,Cy\n",
		"CR LF line ends":                   "name,owner\r\nTriage,Bo\r\nOCR,Cy\r\n",
		"bare CR line ends (classic Mac)":   "name,owner\rTriage,Bo\rOCR,Cy\r",
		"mixed line ends, no final newline": "name,owner\r\nTriage,Bo\rOCR,Cy",
		"trailing empty cells":              "name,owner,,\nTriage,Bo,,\nOCR,Cy,,,\n",
		"blank and empty-cell lines":        "\nname;owner\n\n;\nTriage;Bo\n\r\n;;\nOCR;Cy\n\n",
		"byte-order mark and spaces":        "\ufeff Name , Owner \n Triage , Bo \nOCR,Cy\n",
	} {
		t.Run(name, func(t *testing.T) {
			systems, err := ParseInventoryCSV(cat, []byte(data))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range systems {
				got = append(got, s.Name+"/"+s.Owner)
			}
			if strings.Join(got, " ") != "Triage/Bo OCR/Cy" {
				t.Errorf("read %v, want Triage/Bo and OCR/Cy", got)
			}
		})
	}
}

func TestInventoryErrorsListAtMostFiftyRows(t *testing.T) {
	_, err := ParseInventoryCSV(ruleCatalogue(t), []byte("name,impact level\n"+strings.Repeat("A,extreme\n", 80)))
	msg := err.Error()
	if strings.Count(msg, "\n  line ") != 50 || !strings.HasSuffix(msg, "… and 30 more") || !strings.HasPrefix(msg, "the inventory file has 80 bad row(s)") {
		t.Errorf("80 bad rows reported as:\n%s", msg)
	}
}

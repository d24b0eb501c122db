package assessment

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"aimsbench/checklists"
)

// closingQuestion ends every question of the auditee questionnaire: what the client has in
// place and where it is written down is what the assessor needs before the visit.
const closingQuestion = "What does your organisation have in place for this, and which documents or records show it?"

// fieldworkVerbs are the verbs the catalogue's "what to verify" texts open an instruction
// to the assessor with. A sentence that opens with one says what the assessor will do, and
// is told to the client as "We will …"; any other sentence (a warning about weak answers, a
// remark for the assessor) is not for the client and is left out.
var fieldworkVerbs = map[string]bool{
	"ask": true, "check": true, "compare": true, "confirm": true, "determine": true, "establish": true,
	"examine": true, "follow": true, "inspect": true, "interview": true, "look": true, "map": true,
	"obtain": true, "observe": true, "pick": true, "re-run": true, "read": true, "request": true,
	"review": true, "sample": true, "see": true, "submit": true, "talk": true, "test": true,
	"trace": true, "verify": true,
}

// sentenceEnd splits guidance into sentences: a full stop, question or exclamation mark
// followed by white space and a capital letter.
var sentenceEnd = regexp.MustCompile(`[.?!]\s+\p{Lu}`)

// ClientQuestion is the question the auditee questionnaire asks the client about an item,
// written from the catalogue's "what to verify" guidance: each instruction to the assessor
// becomes a sentence saying what we will look at ("We will ask for …", with "the
// organisation" addressed as "your organisation"), warnings meant for the assessor are left
// out, and one question closes it. An item whose guidance has no such instruction (a firm's
// own catalogue may word it otherwise) is asked about by its title.
func ClientQuestion(item checklists.Item) string {
	var said []string
	for _, s := range sentences(item.Verify) {
		if line, ok := toClient(s); ok {
			said = append(said, line)
		}
	}
	if len(said) == 0 {
		said = []string{"We will look at how your organisation meets " + item.ID + " " + item.Title + "."}
	}
	return strings.Join(said, " ") + " " + closingQuestion
}

// sentences splits text into its sentences, each trimmed.
func sentences(text string) []string {
	text = strings.Join(strings.Fields(text), " ")
	var out []string
	for text != "" {
		loc := sentenceEnd.FindStringIndex(text)
		if loc == nil {
			out = append(out, text)
			break
		}
		_, size := utf8.DecodeLastRuneInString(text[:loc[1]])
		cut := loc[1] - size
		out = append(out, strings.TrimSpace(text[:cut]))
		text = text[cut:]
	}
	return out
}

// toClient turns one instruction to the assessor into what we tell the client, and reports
// false for a sentence that is not an instruction or that is about weak answers.
func toClient(s string) (string, bool) {
	if strings.Contains(strings.ToLower(s), "weak") {
		return "", false
	}
	words := strings.Fields(s)
	if len(words) < 2 {
		return "", false
	}
	var lead, rest string
	switch {
	case fieldworkVerbs[strings.ToLower(words[0])]:
		lead, rest = "We will ", s
	case len(words) > 2 && words[0] == "Also" && fieldworkVerbs[strings.ToLower(words[1])]:
		lead, rest = "We will also ", strings.TrimPrefix(s, "Also ")
	default:
		// "For each party, see …", "Where a treatment failed, check …"
		comma := strings.Index(s, ", ")
		if comma < 0 || !isOpeningClause(words[0]) {
			return "", false
		}
		after := strings.Fields(s[comma+2:])
		if len(after) < 2 || !fieldworkVerbs[strings.ToLower(after[0])] {
			return "", false
		}
		lead, rest = s[:comma]+", we will ", s[comma+2:]
	}
	line := lead + lowerFirst(rest)
	line = strings.NewReplacer("the organisation", "your organisation", "the organization", "your organization").Replace(line)
	if !strings.ContainsAny(line[len(line)-1:], ".?!") {
		line += "."
	}
	return line, true
}

// isOpeningClause reports whether a sentence's first word opens a clause that sets the
// scene before the instruction ("For each …", "Where …").
func isOpeningClause(word string) bool {
	switch word {
	case "For", "Where", "When", "If", "In":
		return true
	}
	return false
}

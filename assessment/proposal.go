package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/checklists"
)

// Proposal is what the client wrote against one item of the auditee questionnaire: their
// answer, the documents they name and whom to ask. It is a proposal, not a judgement: it
// changes nothing in the assessment until the assessor accepts it, and even then it sets no
// status and no maturity.
type Proposal struct {
	ItemID     string         `json:"item_id"`
	Answer     string         `json:"answer"`
	Reference  string         `json:"reference"` // documents or records the client names
	Contact    string         `json:"contact"`   // whom to ask about the item
	Source     ProposalSource `json:"source"`
	ImportedBy string         `json:"imported_by"`
	ImportedAt time.Time      `json:"imported_at"`
	State      ProposalState  `json:"state"`
	DecidedBy  string         `json:"decided_by,omitempty"`
	DecidedAt  time.Time      `json:"decided_at,omitzero"`
	Reason     string         `json:"reason,omitempty"`     // why it was rejected, when the assessor said
	ToFinding  bool           `json:"to_finding,omitempty"` // accepted with the answer quoted in the finding
}

// ProposalSource says where in which workbook an answer was read, so the assessor can go
// back to the client's own file.
type ProposalSource struct {
	File   string    `json:"file"`   // the workbook's file name as imported
	SHA256 string    `json:"sha256"` // of the whole workbook file
	Issued time.Time `json:"issued"` // the date the questionnaire was exported
	Sheet  string    `json:"sheet"`
	Row    int       `json:"row"`
}

// ProposalState is where a proposal stands in the assessor's review.
type ProposalState string

// A proposal is pending until the assessor accepts or rejects it.
const (
	ProposalPending  ProposalState = "pending"
	ProposalAccepted ProposalState = "accepted"
	ProposalRejected ProposalState = "rejected"
)

// EvidenceQuestionnaire is the kind of the evidence item an accepted proposal becomes.
const EvidenceQuestionnaire = "questionnaire"

// SupportsConformity reports whether an evidence item can support a conformant judgement on
// its own. A questionnaire answer cannot: it is the client's own account, which tells the
// assessor where to look, not proof that the requirement is met.
func (e Evidence) SupportsConformity() bool { return e.Kind != EvidenceQuestionnaire }

// Empty reports whether the client left the row blank.
func (p Proposal) Empty() bool {
	return strings.TrimSpace(p.Answer) == "" && strings.TrimSpace(p.Reference) == "" && strings.TrimSpace(p.Contact) == ""
}

// sameAnswer reports whether two proposals carry the same answer, reference and contact.
func (p Proposal) sameAnswer(q Proposal) bool {
	return p.Answer == q.Answer && p.Reference == q.Reference && p.Contact == q.Contact
}

// ProposalOutcome is what receiving an answer did to an item's proposal.
type ProposalOutcome string

// The outcomes of receiving an answer from a questionnaire.
const (
	ProposalAdded           ProposalOutcome = "added"            // no proposal was waiting: a new one
	ProposalReplaced        ProposalOutcome = "replaced"         // a different pending answer was replaced
	ProposalUnchanged       ProposalOutcome = "unchanged"        // the same answer is already pending
	ProposalAlreadyAccepted ProposalOutcome = "already_accepted" // the same answer was accepted before
	ProposalAlreadyRejected ProposalOutcome = "already_rejected" // the same answer was rejected before
)

// Describe says in words what the outcome means for the assessor.
func (o ProposalOutcome) Describe() string {
	switch o {
	case ProposalAdded:
		return "new proposal"
	case ProposalReplaced:
		return "replaced the pending proposal"
	case ProposalUnchanged:
		return "same answer already pending, left as it was"
	case ProposalAlreadyAccepted:
		return "same answer already accepted, not proposed again"
	case ProposalAlreadyRejected:
		return "same answer already rejected, not proposed again"
	}
	return string(o)
}

// Receive decides what an answer read from a questionnaire does to the item's current
// proposal (nil when there is none), so that importing the same workbook twice never
// duplicates or revives anything: a different answer replaces a pending one; the same
// answer leaves things as they are, also when it was already decided; a different answer to
// a decided item is a new proposal (the earlier decision stays in the audit trail, and an
// accepted answer stays in the evidence). It returns the proposal to store, or nil when
// nothing is to be written.
func Receive(current *Proposal, incoming Proposal) (*Proposal, ProposalOutcome) {
	incoming.State, incoming.DecidedBy, incoming.DecidedAt, incoming.Reason, incoming.ToFinding = ProposalPending, "", time.Time{}, "", false
	switch {
	case current == nil:
		return &incoming, ProposalAdded
	case !current.sameAnswer(incoming):
		if current.State == ProposalPending {
			return &incoming, ProposalReplaced
		}
		return &incoming, ProposalAdded
	case current.State == ProposalAccepted:
		return nil, ProposalAlreadyAccepted
	case current.State == ProposalRejected:
		return nil, ProposalAlreadyRejected
	}
	return nil, ProposalUnchanged
}

// ProposalReceipt is one item of an import: where its answer came from and what it did.
type ProposalReceipt struct {
	ItemID  string          `json:"item"`
	Sheet   string          `json:"sheet"`
	Row     int             `json:"row"`
	Outcome ProposalOutcome `json:"outcome"`
}

// checkPending refuses to decide a proposal that is not waiting for a decision.
func (p Proposal) checkPending() error {
	if p.State == ProposalPending {
		return nil
	}
	return fmt.Errorf("the client's answer on %s was already %s on %s; import a newer questionnaire to propose it again", p.ItemID, p.State, p.DecidedAt.Format("2006-01-02"))
}

// Accept is the rule for accepting a proposal. The answer becomes one evidence item of kind
// "questionnaire" (titled with the contact and the start of the answer, referencing the
// documents the client named); when the assessor asks for it with toFinding, the whole
// answer is also added to the finding, marked as the client's words and after what the
// assessor already wrote. Status, maturity and everything else stay as they are: accepting
// records what the client said, it does not judge. It returns the judgement to apply to the
// item's current result and the proposal as decided.
func (p Proposal) Accept(current *Result, by string, at time.Time, toFinding bool) (Judgement, Proposal, error) {
	if err := p.checkPending(); err != nil {
		return Judgement{}, p, err
	}
	j := Judgement{AddEvidence: []Evidence{{Title: p.evidenceTitle(), Kind: EvidenceQuestionnaire, Reference: strings.TrimSpace(p.Reference), AttachedAt: at}}}
	if toFinding && strings.TrimSpace(p.Answer) != "" {
		finding := strings.TrimSpace(current.Finding)
		if finding != "" {
			finding += "\n\n"
		}
		finding += fmt.Sprintf("The client answered in the questionnaire (%s): %s", p.attribution(), strings.TrimSpace(p.Answer))
		j.Finding = &finding
	}
	p.State, p.DecidedBy, p.DecidedAt, p.ToFinding = ProposalAccepted, by, at, toFinding
	return j, p, nil
}

// Reject is the rule for rejecting a proposal: it is marked rejected, with the assessor's
// reason when given, and nothing else changes.
func (p Proposal) Reject(by string, at time.Time, reason string) (Proposal, error) {
	if err := p.checkPending(); err != nil {
		return p, err
	}
	p.State, p.DecidedBy, p.DecidedAt, p.Reason = ProposalRejected, by, at, strings.TrimSpace(reason)
	return p, nil
}

// evidenceTitleRunes is how much of the answer the evidence item's title quotes; the whole
// answer stays in the proposal and, when chosen, in the finding.
const evidenceTitleRunes = 120

// evidenceTitle names the evidence item an accepted answer becomes.
func (p Proposal) evidenceTitle() string {
	title := "Questionnaire answer (" + p.attribution() + ")"
	answer := strings.Join(strings.Fields(p.Answer), " ")
	switch {
	case answer == "" && strings.TrimSpace(p.Reference) != "":
		return title + ": documents named, no answer written"
	case answer == "":
		return title + ": a contact named, no answer written"
	}
	if r := []rune(answer); len(r) > evidenceTitleRunes {
		answer = string(r[:evidenceTitleRunes]) + "…"
	}
	return title + ": " + answer
}

// attribution says who gave the answer and when it arrived.
func (p Proposal) attribution() string {
	who := strings.Join(strings.Fields(p.Contact), " ")
	if who == "" {
		who = "contact not named"
	}
	return who + ", received " + p.ImportedAt.Format("2006-01-02")
}

// PendingProposals keeps the proposals still waiting for the assessor's decision, in
// catalogue order.
func PendingProposals(cat *checklists.Catalogue, ps []Proposal) []Proposal {
	var out []Proposal
	for _, p := range ps {
		if p.State == ProposalPending {
			out = append(out, p)
		}
	}
	return OrderProposals(cat, out)
}

// OrderProposals sorts proposals in catalogue order (clause 4 first, Annex A last); items
// the catalogue does not know go last, by ID.
func OrderProposals(cat *checklists.Catalogue, ps []Proposal) []Proposal {
	pos := map[string]int{}
	for i, it := range cat.Items {
		pos[it.ID] = i
	}
	rank := func(id string) int {
		if i, ok := pos[id]; ok {
			return i
		}
		return len(cat.Items)
	}
	slices.SortStableFunc(ps, func(a, b Proposal) int {
		if d := rank(a.ItemID) - rank(b.ItemID); d != 0 {
			return d
		}
		return strings.Compare(a.ItemID, b.ItemID)
	})
	return ps
}

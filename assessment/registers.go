package assessment

import (
	"fmt"
	"time"
)

// The field records of the second edition (SPEC §11): the registers an assessor examines on
// site besides the judgements. Each entry carries the number the store gave it (never reused
// after a deletion) and is refused by Check when it breaks a rule of its own; references to
// the catalogue and to other records are checked by Validate.

// InternalAudit is one audit of the internal audit programme (9.2), planned or held: who
// audits which areas, which clauses and controls it covers, and the nonconformities it raised.
// Independence is judged from the data: an auditor must not audit their own area
// (AuditIndependenceWarnings).
type InternalAudit struct {
	Number      int       `json:"number"` // shown as IA-01
	Title       string    `json:"title"`
	Planned     time.Time `json:"planned,omitzero"`
	Held        time.Time `json:"held,omitzero"` // zero while the audit is only planned
	Auditor     string    `json:"auditor"`
	AuditorArea string    `json:"auditor_area"` // the function the auditor belongs to
	Areas       []string  `json:"areas"`        // the functions or processes audited
	Items       []string  `json:"items"`        // clauses and controls covered
	Findings    []int     `json:"findings"`     // numbers of the nonconformities it raised
	Conclusion  string    `json:"conclusion"`
}

// ManagementReview is one management review meeting (9.3): who attended, which of the
// catalogue's 9.3.2 inputs it considered (those not listed were not), and what it decided
// (9.3.3).
type ManagementReview struct {
	Number    int       `json:"number"` // shown as MR-01
	Date      time.Time `json:"date"`
	Attendees []string  `json:"attendees"`
	Inputs    []string  `json:"inputs"`    // catalogue management-review input IDs considered
	Decisions string    `json:"decisions"` // decisions and actions (9.3.3)
}

// DueDiligence is the outcome of a supplier's due diligence.
type DueDiligence string

// Due-diligence outcomes; empty means not assessed.
const (
	Satisfactory   DueDiligence = "satisfactory"
	Conditional    DueDiligence = "conditional" // accepted with conditions or actions
	Unsatisfactory DueDiligence = "unsatisfactory"
)

// Supplier is one supplier of AI systems, models, components, data or services (A.10.3),
// the AI systems that rely on it and its last due diligence.
type Supplier struct {
	Number   int          `json:"number"` // shown as SUP-01
	Name     string       `json:"name"`
	Provides string       `json:"provides"` // what it supplies
	Systems  []int64      `json:"systems"`  // inventory IDs of the AI systems relying on it
	Assessed time.Time    `json:"assessed,omitzero"`
	Result   DueDiligence `json:"result,omitempty"`
	Note     string       `json:"note"`
}

// TrainingRecord is one line of the competence and training records (7.2, 7.3): a role or
// group of people, the training it needs, how many people must complete it and how many
// have, as of a date.
type TrainingRecord struct {
	Number    int       `json:"number"` // shown as TR-01
	Group     string    `json:"group"`
	Training  string    `json:"training"`
	Due       int       `json:"due"` // people who must complete it
	Completed int       `json:"completed"`
	Date      time.Time `json:"date"` // the day the figures were taken
}

// Incident is one AI incident (A.8.4, A.3.3): when it began, was detected, was reported to
// those who had to be told, and was resolved. The dates give the mean times to detect and to
// resolve (KPI-05).
type Incident struct {
	Number      int       `json:"number"` // shown as INC-001
	Title       string    `json:"title"`
	SystemID    int64     `json:"system_id"` // 0: not tied to one AI system
	Occurred    time.Time `json:"occurred,omitzero"`
	Detected    time.Time `json:"detected"`
	Reported    time.Time `json:"reported,omitzero"`
	Resolved    time.Time `json:"resolved,omitzero"` // zero while the incident is open
	Description string    `json:"description"`
}

// Interview is one entry of the interview log: who was interviewed, in which role, when,
// and which items were discussed. Evidence may cite it by its number (Evidence.Interview).
type Interview struct {
	Number int       `json:"number"` // shown as INT-01
	Name   string    `json:"name"`
	Role   string    `json:"role"`
	Date   time.Time `json:"date"`
	Items  []string  `json:"items"` // catalogue items discussed
	Notes  string    `json:"notes"`
}

// Entry is what every field register's entries share: the store numbers a new entry (Number
// 0) after the highest number the register ever had, and refuses what Check refuses.
type Entry interface {
	EntryNumber() int
	SetEntryNumber(n int)
	Label() string
	Check() error
}

// Label is the audit's reference as printed, e.g. IA-03.
func (x InternalAudit) Label() string { return entryLabel("IA-%02d", x.Number) }

// Label is the review's reference as printed, e.g. MR-02.
func (x ManagementReview) Label() string { return entryLabel("MR-%02d", x.Number) }

// Label is the supplier's reference as printed, e.g. SUP-04.
func (x Supplier) Label() string { return entryLabel("SUP-%02d", x.Number) }

// Label is the training record's reference as printed, e.g. TR-05.
func (x TrainingRecord) Label() string { return entryLabel("TR-%02d", x.Number) }

// Label is the incident's reference as printed, e.g. INC-007.
func (x Incident) Label() string { return entryLabel("INC-%03d", x.Number) }

// Label is the interview's reference as printed, e.g. INT-06.
func (x Interview) Label() string { return entryLabel("INT-%02d", x.Number) }

// entryLabel prints an entry's reference; one the store has not numbered yet is "(new)".
func entryLabel(format string, n int) string {
	if n == 0 {
		return "(new)"
	}
	return fmt.Sprintf(format, n)
}

// EntryNumber is the audit's number in its register.
func (x InternalAudit) EntryNumber() int { return x.Number }

// EntryNumber is the review's number in its register.
func (x ManagementReview) EntryNumber() int { return x.Number }

// EntryNumber is the supplier's number in its register.
func (x Supplier) EntryNumber() int { return x.Number }

// EntryNumber is the training record's number in its register.
func (x TrainingRecord) EntryNumber() int { return x.Number }

// EntryNumber is the incident's number in its register.
func (x Incident) EntryNumber() int { return x.Number }

// EntryNumber is the interview's number in its register.
func (x Interview) EntryNumber() int { return x.Number }

// SetEntryNumber gives the audit the number the store chose.
func (x *InternalAudit) SetEntryNumber(n int) { x.Number = n }

// SetEntryNumber gives the review the number the store chose.
func (x *ManagementReview) SetEntryNumber(n int) { x.Number = n }

// SetEntryNumber gives the supplier the number the store chose.
func (x *Supplier) SetEntryNumber(n int) { x.Number = n }

// SetEntryNumber gives the training record the number the store chose.
func (x *TrainingRecord) SetEntryNumber(n int) { x.Number = n }

// SetEntryNumber gives the incident the number the store chose.
func (x *Incident) SetEntryNumber(n int) { x.Number = n }

// SetEntryNumber gives the interview the number the store chose.
func (x *Interview) SetEntryNumber(n int) { x.Number = n }

// WasHeld reports whether the audit has been held, not only planned.
func (x InternalAudit) WasHeld() bool { return !x.Held.IsZero() }

// Date is the audit's day: when it was held, else when it is planned.
func (x InternalAudit) Date() time.Time {
	if x.WasHeld() {
		return x.Held
	}
	return x.Planned
}

// Open reports whether the incident is not resolved yet.
func (x Incident) Open() bool { return x.Resolved.IsZero() }

// DaysToDetect is how many days passed between the incident beginning and its detection;
// false when the register does not say when it began.
func (x Incident) DaysToDetect() (int, bool) {
	return days(x.Occurred, x.Detected), !x.Occurred.IsZero()
}

// DaysToResolve is how many days passed between detection and resolution; false while open.
func (x Incident) DaysToResolve() (int, bool) { return days(x.Detected, x.Resolved), !x.Open() }

package steps

import (
	"aimsbench/assessment"
	"aimsbench/checklists"
)

// Intent is a change a step asks for. The workspace applies it: the rules first (a refusal
// is shown and nothing changes), then the ordered writer, then the record as the store
// holds it replaces the one on screen. An intent that edits a record carries the record as
// the step showed it (Base) and as edited (Next): only what changed is written, and a field
// changed elsewhere meanwhile is refused as a conflict. A new record has no Base and no
// number; the store gives it one, and the screen shows that.
type Intent interface {
	// What names the edit for the footer ("6.1.2", "NC-004", "AI system 3").
	What() string
}

// Judge records a judgement on a requirement or control, through assessment.Judgement's
// rules. Base is the result as the assessor saw it when a form opened; nil means the
// result on screen now (a key pressed on it).
type Judge struct {
	Item      checklists.Item
	Judgement assessment.Judgement
	Base      *assessment.Result
}

// PutHeader saves the assessment's own fields: organisation, metadata, scope, plan.
type PutHeader struct{ Base, Next *assessment.Assessment }

// PutSystem saves an AI system; a new one has ID 0 and no Base.
type PutSystem struct {
	Base *assessment.AISystem
	Next assessment.AISystem
}

// DeleteSystem removes an AI system from the inventory.
type DeleteSystem struct{ System assessment.AISystem }

// ImportInventory applies an inventory file matched to the inventory by name
// (assessment.PlanInventoryImport), all or nothing: new systems are added, changed ones
// updated, and the ones the file does not name deleted only when DeleteMissing. The reply's
// Record is a store.InventoryImported.
type ImportInventory struct {
	Plan          assessment.InventoryPlan
	DeleteMissing bool
	From          string // the file, for the footer
}

// PutRisk saves a risk register entry; a new one has ID 0 and no Base.
type PutRisk struct {
	Base *assessment.Risk
	Next assessment.Risk
}

// DeleteRisk removes a risk register entry.
type DeleteRisk struct{ Risk assessment.Risk }

// PutTest saves the test of one control; a first test has no Base.
type PutTest struct {
	Base *assessment.ControlTest
	Next assessment.ControlTest
}

// PutNC saves a nonconformity; a new one has Number 0 and no Base.
type PutNC struct {
	Base *assessment.Nonconformity
	Next assessment.Nonconformity
}

// PutRole saves who holds a governance role.
type PutRole struct {
	Base *assessment.RoleHolder
	Next assessment.RoleHolder
}

// PutKPI saves a manually entered KPI reading.
type PutKPI struct {
	ID   string
	Base *assessment.KPIValue
	Next assessment.KPIValue
}

// UpdateRequest moves an evidence request of the catalogue's list to a state, or changes its
// contact and note, through assessment.RequestChange's rules.
type UpdateRequest struct {
	ID     string
	Change assessment.RequestChange
}

// PutRecord saves an entry of a field register, given as a pointer (*assessment.InternalAudit,
// *ManagementReview, *Interview, *Incident, *TrainingRecord, *Supplier); a new one has number
// 0 and no Base. The reply's Record is the entry as stored, a value.
type PutRecord struct{ Base, Next assessment.Entry }

// DeleteRecord removes an entry of a field register; its number is not given out again.
type DeleteRecord struct{ Entry assessment.Entry }

// Saved is the reply to an intent, addressed to the step that gave it: the record as the
// store now holds it (nil after a delete), or why nothing was saved.
type Saved struct {
	Intent Intent
	Record any
	Err    error
}

// What names the edit.
func (i Judge) What() string { return i.Item.ID }

// What names the edit.
func (i PutHeader) What() string { return "assessment details" }

// What names the edit.
func (i PutSystem) What() string { return orNew("AI system", i.Next.ID, i.Next.Name) }

// What names the edit.
func (i DeleteSystem) What() string { return i.System.Name }

// What names the edit.
func (i ImportInventory) What() string { return "inventory import" }

// What names the edit.
func (i PutRisk) What() string { return orNew("risk", i.Next.ID, i.Next.Title) }

// What names the edit.
func (i DeleteRisk) What() string { return i.Risk.Title }

// What names the edit.
func (i PutTest) What() string { return i.Next.ControlID + " test" }

// What names the edit.
func (i PutNC) What() string {
	if i.Next.Number == 0 {
		return "new nonconformity"
	}
	return i.Next.Label()
}

// What names the edit.
func (i PutRole) What() string { return i.Next.RoleID }

// What names the edit.
func (i PutKPI) What() string { return i.ID }

// What names the edit.
func (i UpdateRequest) What() string { return "evidence request " + i.ID }

// What names the edit.
func (i PutRecord) What() string {
	if i.Next.EntryNumber() == 0 {
		return "new record"
	}
	return i.Next.Label()
}

// What names the edit.
func (i DeleteRecord) What() string { return i.Entry.Label() }

func orNew(kind string, id int64, name string) string {
	if id == 0 {
		return "new " + kind + " " + name
	}
	return name
}

// AcceptProposal accepts the client's pending questionnaire answer on an item
// (store.AcceptProposal): it becomes an evidence item, and is quoted in the finding too when
// ToFinding. No status or maturity is set. The reply's Record is the item's new result.
type AcceptProposal struct {
	Item      checklists.Item
	ToFinding bool
}

// RejectProposal rejects the client's pending questionnaire answer on an item, with the
// assessor's reason; nothing else changes.
type RejectProposal struct {
	Item   checklists.Item
	Reason string
}

// What names the edit.
func (i AcceptProposal) What() string { return i.Item.ID + " client answer" }

// What names the edit.
func (i RejectProposal) What() string { return i.Item.ID + " client answer" }

// Finalise records the sign-off and locks the assessment (store.Finalise); the reply's
// Record is the assessment as finalised. The store checks again that it may be finalised.
type Finalise struct{ SignOff assessment.SignOff }

// Reopen unlocks a finalised assessment for changes, with the reason kept in the audit
// trail (store.Reopen); the reply's Record is the assessment as reopened.
type Reopen struct{ Reason string }

// What names the edit.
func (i Finalise) What() string { return "finalising" }

// What names the edit.
func (i Reopen) What() string { return "reopening" }

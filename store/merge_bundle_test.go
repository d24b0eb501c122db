package store

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/assessment"
)

// laptop is one assessor's database and their copy of the assessment.
type laptop struct {
	t  *testing.T
	s  *Store
	id string
}

// twoLaptops makes the sample assessment on laptop A, exports it as a bundle would and
// imports it on laptop B: two copies of one assessment in two databases.
func twoLaptops(t *testing.T) (a, b laptop) {
	t.Helper()
	open := func(name, actor string) *Store {
		s, err := Open(filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		s.actor = actor
		t.Cleanup(func() { s.Close() })
		return s
	}
	a = laptop{t, open("a.db", "ana"), ""}
	var err error
	if a.id, err = a.s.Create(sample()); err != nil {
		t.Fatal(err)
	}
	b = laptop{t, open("b.db", "bob"), ""}
	in := a.bundle()
	in.Theirs.ID = ""
	if b.id, err = b.s.Import(in.Theirs, in.Origin); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// bundle is the laptop's copy as its JSON bundle carries it.
func (l laptop) bundle() MergeInput {
	l.t.Helper()
	a, err := l.s.Load(l.id)
	if err != nil {
		l.t.Fatal(err)
	}
	o, err := l.s.Origin(l.id)
	if err != nil {
		l.t.Fatal(err)
	}
	return MergeInput{Theirs: a, Origin: o, File: "bundle.json", SHA256: "0123"}
}

func (l laptop) load() *assessment.Assessment {
	l.t.Helper()
	a, err := l.s.Load(l.id)
	if err != nil {
		l.t.Fatal(err)
	}
	return a
}

func (l laptop) must(err error) {
	l.t.Helper()
	if err != nil {
		l.t.Fatal(err)
	}
}

// edit changes one field of every kind of record the way the command line does: stated
// without a base.
func (l laptop) edit(v string) {
	l.t.Helper()
	a := l.load()
	h := *a
	h.Title = "Readiness " + v
	_, err := l.s.SaveHeader(nil, &h)
	l.must(err)
	sys := a.Systems[0]
	sys.Owner = v
	_, err = l.s.SaveSystem(l.id, nil, sys)
	l.must(err)
	item, _ := catalogue(l.t).Item("4.1")
	_, err = l.s.SaveJudgement(l.id, item, assessment.Judgement{Finding: &v})
	l.must(err)
	r := a.Risks[0]
	r.Owner = v
	_, err = l.s.SaveRisk(l.id, nil, r)
	l.must(err)
	test := a.Tests[0]
	test.Procedure = v
	_, err = l.s.SaveTest(l.id, nil, test)
	l.must(err)
	nc := a.NCs[0]
	nc.Owner = v
	_, err = l.s.SaveNC(l.id, nil, nc)
	l.must(err)
	_, err = l.s.SetRequest(l.id, "EV-GOV-01", nil, assessment.RequestStatus{State: assessment.Received, Note: v})
	l.must(err)
	_, err = l.s.SetKPI(l.id, "KPI-04", nil, assessment.KPIValue{Value: v})
	l.must(err)
	_, err = l.s.SaveRoleHolder(l.id, nil, assessment.RoleHolder{RoleID: "aims-manager", Name: v})
	l.must(err)
}

func TestAMergeListsAConflictOnEveryKindOfRecord(t *testing.T) {
	a, b := twoLaptops(t)
	a.edit("ours")
	b.edit("theirs")
	sys := b.load().Systems[0]
	sys.Purpose = "changed on laptop B only"
	_, err := b.s.SaveSystem(b.id, nil, sys)
	b.must(err)

	plan, err := a.s.PlanMerge(a.id, b.bundle())
	a.must(err)
	want := []string{"header/title", "kpi/KPI-04/value", "nc/1/owner", "request/EV-GOV-01/note", "result/4.1/finding",
		"risk/1/owner", "role/aims-manager/name", "system/1/owner", "test/A.6.2.4/procedure"}
	var got []string
	for _, c := range plan.Conflicts {
		got = append(got, c.Ref)
		if c.Ours.By != "ana" || c.Theirs.By != "bob" || c.Ours.At.IsZero() || c.Theirs.At.IsZero() {
			t.Errorf("%s: who changed it is not told: ours %+v, theirs %+v", c.Ref, c.Ours, c.Theirs)
		}
		if !strings.Contains(c.Ours.Value, "ours") || !strings.Contains(c.Theirs.Value, "theirs") {
			t.Errorf("%s: values %s and %s, want ours and theirs side by side", c.Ref, c.Ours.Value, c.Theirs.Value)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("conflicts on\n%v, want\n%v", got, want)
	}
	if len(plan.Taken) != 1 || plan.Taken[0].Ref != "system/1/purpose" || plan.Taken[0].By != "bob" {
		t.Errorf("taken %+v, want only the purpose laptop B alone changed", plan.Taken)
	}

	before := a.load()
	if _, err := a.s.Merge(catalogue(t), a.id, b.bundle(), nil); !errors.As(err, new(*UnsettledError)) {
		t.Fatalf("an unsettled merge: %v, want it refused", err)
	}
	if after := a.load(); after.Systems[0].Purpose != before.Systems[0].Purpose {
		t.Error("a refused merge wrote the change it would take")
	}

	settle := map[string]assessment.Side{}
	for i, ref := range want {
		settle[ref] = map[bool]assessment.Side{true: assessment.Ours, false: assessment.Theirs}[i%2 == 0]
	}
	_, err = a.s.Merge(catalogue(t), a.id, b.bundle(), settle)
	a.must(err)
	m := a.load()
	checks := []struct{ what, got, want string }{
		{"title", m.Title, "Readiness ours"},
		{"KPI", m.KPIValues["KPI-04"].Value, "theirs"},
		{"NC owner", m.NCs[0].Owner, "ours"},
		{"request note", m.Requests["EV-GOV-01"].Note, "theirs"},
		{"finding", m.Results["4.1"].Finding, "ours"},
		{"risk owner", m.Risks[0].Owner, "theirs"},
		{"role holder", m.RoleHolders[0].Name, "ours"},
		{"system owner", m.Systems[0].Owner, "theirs"},
		{"test procedure", m.Tests[0].Procedure, "ours"},
		{"system purpose", m.Systems[0].Purpose, "changed on laptop B only"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("after the merge the %s is %q, want %q", c.what, c.got, c.want)
		}
	}
	again, err := a.s.PlanMerge(a.id, b.bundle())
	a.must(err)
	if len(again.Conflicts)+len(again.Taken) != 0 {
		t.Errorf("merging the same bundle again takes %+v and asks %+v, want nothing: settled conflicts are remembered", again.Taken, again.Conflicts)
	}
	rep, err := a.s.Verify()
	a.must(err)
	if !rep.OK {
		t.Errorf("verify after the merge: %+v", rep)
	}
}

func TestMergeKeepsNewRecordsOfBothSidesAndRenumbersTheirs(t *testing.T) {
	a, b := twoLaptops(t)
	ours, err := a.s.SaveSystem(a.id, nil, assessment.AISystem{Name: "Claims chatbot", Impact: assessment.ImpactMedium, InScope: true})
	a.must(err)
	theirs, err := b.s.SaveSystem(b.id, nil, assessment.AISystem{Name: "Fraud graph", Impact: assessment.ImpactMedium, InScope: true})
	b.must(err)
	_, err = b.s.SaveRisk(b.id, nil, assessment.Risk{Title: "Graph drift", SystemID: theirs.ID, Likelihood: 2, Impact: 2})
	b.must(err)
	if ours.ID != theirs.ID {
		t.Fatalf("both laptops should number their new system alike, got %d and %d", ours.ID, theirs.ID)
	}
	plan, err := a.s.Merge(catalogue(t), a.id, b.bundle(), nil)
	a.must(err)
	if len(plan.Renumbered) != 1 || plan.Renumbered[0] != (assessment.NumberMap{Kind: "system", Theirs: 2, Ours: 3}) {
		t.Errorf("renumbered %+v, want the bundle's system 2 added as 3", plan.Renumbered)
	}
	m := a.load()
	if len(m.Systems) != 3 || m.Systems[1].Name != "Claims chatbot" || m.Systems[2].Name != "Fraud graph" || m.Systems[2].ID != 3 {
		t.Fatalf("systems after the merge: %+v", m.Systems)
	}
	if r := m.Risks[len(m.Risks)-1]; r.Title != "Graph drift" || r.SystemID != 3 {
		t.Errorf("the bundle's new risk is %+v, want it tied to its system under the new number 3", r)
	}

	// Laptop B takes laptop A's copy back: its own system is recognised, not added twice.
	back, err := b.s.Merge(catalogue(t), b.id, a.bundle(), nil)
	b.must(err)
	if len(back.Conflicts) != 0 {
		t.Errorf("merging back asks %+v", back.Conflicts)
	}
	n := b.load()
	var names []string
	for _, s := range n.Systems {
		names = append(names, s.Name)
	}
	if strings.Join(names, ", ") != "Triage, Fraud graph, Claims chatbot" {
		t.Errorf("laptop B's systems after merging back: %s", strings.Join(names, ", "))
	}
	again, err := a.s.PlanMerge(a.id, b.bundle())
	a.must(err)
	if len(again.Taken)+len(again.Conflicts)+len(again.Renumbered) != 0 {
		t.Errorf("a third merge still takes %+v, renumbers %+v, asks %+v", again.Taken, again.Renumbered, again.Conflicts)
	}
}

func TestMergeDeletesOnlyWhatTheOtherSideLeftUnchanged(t *testing.T) {
	a, b := twoLaptops(t)
	b.must(b.s.DeleteRisk(b.id, 1))
	b.must(b.s.DeleteSystem(b.id, 1))
	sys := a.load().Systems[0]
	sys.Owner = "changed here"
	_, err := a.s.SaveSystem(a.id, nil, sys)
	a.must(err)
	plan, err := a.s.PlanMerge(a.id, b.bundle())
	a.must(err)
	if len(plan.Taken) != 1 || plan.Taken[0].Ref != "risk/1" || plan.Taken[0].Action != assessment.MergeDeleted {
		t.Errorf("taken %+v, want the deletion of risk 1", plan.Taken)
	}
	if len(plan.Conflicts) != 1 || plan.Conflicts[0].Ref != "system/1" || !plan.Conflicts[0].Theirs.Deleted || plan.Conflicts[0].Field != "" {
		t.Fatalf("conflicts %+v, want AI system 1: deleted there, changed here", plan.Conflicts)
	}
	_, err = a.s.Merge(catalogue(t), a.id, b.bundle(), map[string]assessment.Side{"system/1": assessment.Theirs})
	a.must(err)
	if m := a.load(); len(m.Risks) != 0 || len(m.Systems) != 0 {
		t.Errorf("after the merge: %d risks, %d systems, want both deleted", len(m.Risks), len(m.Systems))
	}
}

func TestEvidenceAddedOnBothLaptopsIsAllKept(t *testing.T) {
	a, b := twoLaptops(t)
	item, _ := catalogue(t).Item("4.1")
	_, err := a.s.SaveJudgement(a.id, item, assessment.Judgement{AddEvidence: []assessment.Evidence{{Title: "Interview with the CRO", Kind: "interview"}}})
	a.must(err)
	_, err = b.s.SaveJudgement(b.id, item, assessment.Judgement{AddEvidence: []assessment.Evidence{{Title: "Context register v3", Kind: "document"}}})
	b.must(err)
	plan, err := a.s.Merge(catalogue(t), a.id, b.bundle(), nil)
	a.must(err)
	if len(plan.Conflicts) != 0 {
		t.Errorf("evidence added on both sides is a conflict: %+v", plan.Conflicts)
	}
	var titles []string
	for _, e := range a.load().Results["4.1"].Evidence {
		titles = append(titles, e.Title)
	}
	if strings.Join(titles, "; ") != "Context analysis; Interview with the CRO; Context register v3" {
		t.Errorf("evidence after the merge: %s", strings.Join(titles, "; "))
	}
}

func TestAValueChangedAgainAfterAMergeIsTakenWithoutAsking(t *testing.T) {
	a, b := twoLaptops(t)
	item, _ := catalogue(t).Item("4.1")
	judge := func(l laptop, finding string) {
		_, err := l.s.SaveJudgement(l.id, item, assessment.Judgement{Finding: &finding})
		l.must(err)
	}
	judge(b, "first draft")
	_, err := a.s.Merge(catalogue(t), a.id, b.bundle(), nil)
	a.must(err)
	judge(b, "second draft") // B works on; A still has B's first draft
	plan, err := a.s.Merge(catalogue(t), a.id, b.bundle(), nil)
	a.must(err)
	if len(plan.Conflicts) != 0 || a.load().Results["4.1"].Finding != "second draft" {
		t.Errorf("conflicts %+v, finding %q: B's newer finding should replace the one A took from B", plan.Conflicts, a.load().Results["4.1"].Finding)
	}
	judge(a, "A's own words") // now both changed it: A after taking B's, so a real conflict
	judge(b, "third draft")
	plan, err = a.s.PlanMerge(a.id, b.bundle())
	a.must(err)
	if len(plan.Conflicts) != 1 || plan.Conflicts[0].Ref != "result/4.1/finding" {
		t.Errorf("conflicts %+v, want the finding both changed", plan.Conflicts)
	}
}

func TestMergeRefusals(t *testing.T) {
	a, b := twoLaptops(t)
	stranger := laptop{t, a.s, ""}
	var err error
	stranger.id, err = a.s.Create(sample())
	a.must(err)
	tests := []struct {
		name string
		into laptop
		in   MergeInput
		want string
	}{
		{"another assessment's copy", stranger, b.bundle(), "are not copies of one assessment"},
		{"its own export", a, a.bundle(), "export of assessment " + a.id + " itself"},
		{"a bundle without origin", a, MergeInput{Theirs: b.load()}, "does not record where its assessment started"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.into.s.PlanMerge(tt.into.id, tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Count(err.Error(), ". ") > 0 {
				t.Errorf("got %v, want one sentence saying %q", err, tt.want)
			}
		})
	}
	cat := catalogue(t)
	finalise(t, a.s, a.id)
	if _, err := a.s.Merge(cat, a.id, b.bundle(), nil); !errors.Is(err, ErrFinalised) {
		t.Errorf("a finalised assessment took a merge: %v", err)
	}
}

// The parts a seal hashes and a merge compares (assessment.Parts) are the records the store
// keeps (recordsOf): a new collection must be added to both.
func TestPartsAreTheStoresRecords(t *testing.T) {
	a := sample()
	a.ID = "3f9c2a1b"
	parts, err := assessment.PartsOf(a)
	if err != nil {
		t.Fatal(err)
	}
	records := recordsOf(a)
	if len(records) != len(parts) {
		t.Errorf("%d records but %d parts", len(records), len(parts))
	}
	for _, r := range records {
		name := partName(r.kind, r.key)
		body, err := json.Marshal(r.value)
		if err != nil {
			t.Fatal(err)
		}
		if r.kind == kindHeader { // stored with its collections empty
			p, _ := assessment.Parts(body)
			body = p[assessment.PartHeader]
		} else if body, err = assessment.CanonicalJSON(body); err != nil {
			t.Fatal(err)
		}
		if !assessment.SameJSON(body, parts[name]) {
			t.Errorf("record %s %q is not part %s:\n%s\n%s", r.kind, r.key, name, body, parts[name])
		}
	}
}

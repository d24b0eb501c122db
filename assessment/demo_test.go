package assessment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"aimsbench/checklists"
)

// demoAsOf is a fixed assessment date with a clock time and zone, so tests catch dates that
// are not truncated to the day or that depend on the wall clock.
var demoAsOf = time.Date(2026, 3, 16, 9, 30, 0, 0, time.FixedZone("CET", 3600))

func demoCatalogue(tb testing.TB) *checklists.Catalogue {
	tb.Helper()
	cat, err := checklists.Builtin()
	if err != nil {
		tb.Fatalf("loading the built-in catalogue: %v", err)
	}
	return cat
}

func demoBuild(tb testing.TB, size DemoSize) (*checklists.Catalogue, *Assessment) {
	tb.Helper()
	cat := demoCatalogue(tb)
	a, err := Demo(cat, size, demoAsOf)
	if err != nil {
		tb.Fatalf("Demo(%s): %v", size, err)
	}
	return cat, a
}

var demoSizes = []DemoSize{DemoStandard, DemoLarge}

func TestDemoIsDeterministic(t *testing.T) {
	for _, size := range demoSizes {
		t.Run(string(size), func(t *testing.T) {
			_, a := demoBuild(t, size)
			_, b := demoBuild(t, size)
			if !reflect.DeepEqual(a, b) {
				t.Fatal("two demos built from the same inputs differ")
			}
		})
	}
}

func TestDemoSharesNoStateBetweenCalls(t *testing.T) {
	for _, size := range demoSizes {
		t.Run(string(size), func(t *testing.T) {
			_, a := demoBuild(t, size)
			want := demoJSON(t, a)
			a.Scope.Exclusions[0].What = "scribbled"
			a.RoleHolders[0].Name = "scribbled"
			a.Systems[0].Roles[0] = "scribbled"
			a.Risks[0].Controls[0] = "scribbled"
			a.Tests[0].Methods[0] = "scribbled"
			a.Tests[0].Samples[0].Ref = "scribbled"
			_, next := demoBuild(t, size)
			if got := demoJSON(t, next); !bytes.Equal(got, want) {
				t.Fatal("editing one demo changed the next one: the demo shares slices with its tables")
			}
		})
	}
}

func demoJSON(t *testing.T, a *Assessment) []byte {
	t.Helper()
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDemoMetadata(t *testing.T) {
	cat, a := demoBuild(t, DemoStandard)
	switch {
	case a.ID != "":
		t.Errorf("ID = %q, want it left to the store", a.ID)
	case !a.Created.Equal(demoAsOf) || !a.Updated.Equal(demoAsOf):
		t.Errorf("Created/Updated = %v/%v, want %v", a.Created, a.Updated, demoAsOf)
	case a.CatalogueID != cat.ID || a.CatalogueVersion != cat.Version:
		t.Errorf("catalogue = %s %s, want %s %s", a.CatalogueID, a.CatalogueVersion, cat.ID, cat.Version)
	case a.Classification != "Confidential" || a.ReportVersion != "1.0":
		t.Errorf("classification %q, version %q", a.Classification, a.ReportVersion)
	case a.Organisation.Name == "" || a.Title == "" || a.Assessor == "":
		t.Error("organisation, title or assessor missing")
	case !a.StartDate.Before(demoAsOf) || !a.EndDate.After(demoAsOf):
		t.Errorf("fieldwork %v–%v does not span the assessment date", a.StartDate, a.EndDate)
	case a.Scope.Statement == "" || a.Scope.Boundaries == "" || a.Scope.Interfaces == "" || a.Scope.Alignment == "":
		t.Error("scope incomplete")
	case len(a.Scope.Exclusions) < 1 || len(a.Scope.Exclusions) > 2:
		t.Errorf("%d scope exclusions, want 1 or 2", len(a.Scope.Exclusions))
	case a.Certification.Body == "" || !a.Certification.Stage1.After(demoAsOf) || !a.Certification.Stage2.After(a.Certification.Stage1):
		t.Errorf("certification plan %+v: want a named body and Stage 1 then Stage 2 after the assessment date", a.Certification)
	}
	for _, x := range a.Scope.Exclusions {
		if x.What == "" || x.Justification == "" {
			t.Errorf("scope exclusion %+v lacks what or why", x)
		}
	}
	if !demoHasNonASCII(a) {
		t.Error("no name with non-ASCII letters; the demo should exercise UTF-8 in every output")
	}
}

func demoHasNonASCII(a *Assessment) bool {
	for _, s := range a.Systems {
		if !isASCII(s.Owner) || !isASCII(s.Suppliers) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool { return utf8.RuneCountInString(s) == len(s) }

func TestDemoStandardInventory(t *testing.T) {
	cat, a := demoBuild(t, DemoStandard)
	if len(a.Systems) != 12 {
		t.Fatalf("%d AI systems, want 12", len(a.Systems))
	}
	stages, roles, impacts := map[string]bool{}, map[string]bool{}, map[Impact]bool{}
	var outHigh, noAISIA, staleAISIA, withSupplier, assessed int
	for _, s := range a.Systems {
		stages[s.Stage], impacts[s.Impact] = true, true
		for _, r := range s.Roles {
			roles[r] = true
		}
		if !s.InScope && s.ExclusionJustification == "" {
			t.Errorf("%s is out of scope without a justification", s.Name)
		}
		if !s.InScope && s.Impact == ImpactHigh {
			outHigh++
		}
		if s.InScope && s.AISIADate.IsZero() {
			noAISIA++
		}
		if s.InScope && !s.AISIADate.IsZero() && s.AISIADate.Before(s.LastChange) {
			staleAISIA++
		}
		if s.Suppliers != "" {
			withSupplier++
			if s.SupplierAssessed {
				assessed++
			}
		}
	}
	if len(stages) != len(cat.LifecycleStages) {
		t.Errorf("systems use %d life-cycle stages, want all %d", len(stages), len(cat.LifecycleStages))
	}
	if len(roles) < 3 || len(impacts) != 3 {
		t.Errorf("AI roles %v, impacts %v: want a varied inventory", roles, impacts)
	}
	if outHigh != 1 || noAISIA != 1 || staleAISIA != 1 {
		t.Errorf("out-of-scope high-impact %d, missing AISIA %d, stale AISIA %d: want one each", outHigh, noAISIA, staleAISIA)
	}
	if assessed == 0 || assessed == withSupplier {
		t.Errorf("%d of %d supplier-dependent systems assessed: want a mix", assessed, withSupplier)
	}
}

func TestDemoStandardGapAnalysis(t *testing.T) {
	cat, a := demoBuild(t, DemoStandard)
	s := Evaluate(cat, a, demoAsOf)
	if share := float64(s.Assessed) / float64(s.Total); share < 0.70 || share > 0.90 {
		t.Errorf("judged %d of %d (%.0f%%), want 70–90%%", s.Assessed, s.Total, share*100)
	}
	byStatus, byMaturity, excluded := map[Status]int{}, map[int]int{}, 0
	for _, item := range cat.Assessable() {
		r := a.Result(item)
		byStatus[r.Status]++
		byMaturity[r.Maturity]++
		if r.Decision == Excluded {
			excluded++
		}
		if r.Judged() && (r.Finding == "" || r.Owner == "") {
			t.Errorf("%s is judged but has no finding or owner", item.ID)
		}
		if (r.Status == Partial || r.Status == Nonconformant) && r.Judged() && (r.Recommendation == "" || r.Due.IsZero() || r.Priority == "") {
			t.Errorf("%s is a gap without recommendation, due date or priority", item.ID)
		}
	}
	if excluded < 3 || excluded > 4 {
		t.Errorf("%d controls excluded, want 3 or 4", excluded)
	}
	if byStatus[Nonconformant] == 0 || byStatus[Partial] == 0 || byStatus[Conformant] == 0 {
		t.Errorf("statuses %v: want conformant, partial and nonconformant items", byStatus)
	}
	if byMaturity[2]+byMaturity[3] < 3*byMaturity[4] || byMaturity[4] == 0 {
		t.Errorf("maturities %v: want mostly 2 and 3 with a few 4", byMaturity)
	}
	if findings := demoDistinctFindings(a); findings < 40 {
		t.Errorf("only %d distinct findings: the texts repeat too much", findings)
	}
}

func demoDistinctFindings(a *Assessment) int {
	seen := map[string]bool{}
	for _, r := range a.Results {
		if r.Finding != "" {
			seen[r.Finding] = true
		}
	}
	return len(seen)
}

func TestDemoStandardVerdict(t *testing.T) {
	cat, a := demoBuild(t, DemoStandard)
	s := Evaluate(cat, a, demoAsOf)
	if !strings.HasPrefix(s.Verdict, "Incomplete — ") || s.Complete {
		t.Errorf("verdict %q (complete %v), want incomplete", s.Verdict, s.Complete)
	}
	if s.Level != 2 {
		t.Errorf("provisional level %d, want 2", s.Level)
	}
	kinds := map[string]bool{}
	for _, b := range s.Blockers {
		kinds[b.Kind] = true
	}
	// Under the second edition's rules the demo teaches one example of most blocker kinds: the
	// stale fraud-model assessment, the A.7.3 exclusion a risk still relies on, the budget
	// approval that lapsed (7.1), the failed drift-review test, the planned fix of A.6.2.6, the
	// overdue audit NC, and residual risk unmeasured for want of an appetite.
	for _, want := range []string{"nonconformant", "open_major_nc", "missing_impact_assessment", "stale_impact_assessment",
		"partial_without_action", "partial_conformity", "management_cycle_incomplete", "unsupported_conformity",
		"exclusion_contradicts_risk_treatment", "ineffective_control", "controls_not_tested", "kpis_not_measured", "overdue_nc"} {
		if !kinds[want] {
			t.Errorf("no %s blocker among %v", want, kinds)
		}
	}
	for _, unwanted := range []string{"no_ai_system_in_scope", "high_impact_out_of_scope", "unjustified_exclusion", "required_control_excluded"} {
		if kinds[unwanted] {
			t.Errorf("a %s blocker: the demo's inventory and SoA should not be that broken", unwanted)
		}
	}
	if len(s.Warnings) == 0 || len(s.CommonGaps) < 5 {
		t.Errorf("%d warnings, %d common gaps: the quality and common-gap sections would be thin", len(s.Warnings), len(s.CommonGaps))
	}
	if !demoCommonGapFound(s, "exclusions_credible", cat) {
		t.Error("the weak exclusions should trip the exclusions_credible rule")
	}
}

// demoCommonGapFound reports whether a common gap built on the named condition was found.
func TestDemoEvidenceCarriesDates(t *testing.T) {
	_, a := demoBuild(t, DemoStandard)
	var items, collected, validUntil, expired int
	for _, r := range a.Results {
		for _, e := range r.Evidence {
			items++
			if !e.Collected.IsZero() {
				collected++
				if e.Collected.After(e.AttachedAt) {
					t.Errorf("%s: %q collected after it was attached", r.ItemID, e.Title)
				}
			}
			if !e.ValidUntil.IsZero() {
				validUntil++
			}
			if e.Expired(demoAsOf) {
				expired++
			}
		}
	}
	if collected != items || validUntil < 5 || validUntil > items/2 || expired != 1 {
		t.Errorf("%d evidence items: %d with a collected date, %d with a valid-until date, %d expired; want all, some, one",
			items, collected, validUntil, expired)
	}
}

func demoCommonGapFound(s Summary, condition string, cat *checklists.Catalogue) bool {
	for _, g := range cat.CommonGaps {
		if g.Condition != condition {
			continue
		}
		for _, f := range s.CommonGaps {
			if f.ID == g.ID {
				return true
			}
		}
	}
	return false
}

func TestDemoStandardTestsRisksAndNCs(t *testing.T) {
	cat, a := demoBuild(t, DemoStandard)
	if n := len(a.Tests); n < 6 || n > 8 {
		t.Errorf("%d control tests, want 6–8", n)
	}
	conclusions := map[Conclusion]int{}
	for i := range a.Tests {
		conclusions[a.Tests[i].Conclusion(cat.Sampling)]++
	}
	if conclusions[Effective] == 0 || conclusions[Ineffective] != 1 || conclusions[NotConcluded] != 1 {
		t.Errorf("test conclusions %v: want some effective, one ineffective, one not concluded", conclusions)
	}
	if n := len(a.Risks); n < 10 || n > 15 {
		t.Errorf("%d risks, want 10–15", n)
	}
	if n := len(a.NCs); n < 6 || n > 10 {
		t.Errorf("%d nonconformities, want about 8", n)
	}
	states, overdue := map[NCStatus]bool{}, 0
	for _, nc := range a.NCs {
		states[nc.Status] = true
		if nc.Overdue(demoAsOf) {
			overdue++
		}
	}
	if len(states) < 4 || !states[NCVerified] || overdue != 1 {
		t.Errorf("NC states %v with %d overdue: want at least 4 states including verified, and one overdue", states, overdue)
	}
	if len(a.Requests) < demoRequestCount(cat)/2 || len(a.KPIValues) == 0 {
		t.Errorf("%d evidence request states, %d manual KPIs: want most requests and some KPIs", len(a.Requests), len(a.KPIValues))
	}
}

func demoRequestCount(cat *checklists.Catalogue) int {
	n := 0
	for _, c := range cat.EvidenceRequests {
		n += len(c.Items)
	}
	return n
}

func TestDemoLarge(t *testing.T) {
	cat, a := demoBuild(t, DemoLarge)
	if len(a.Systems) != 300 || len(a.Tests) != 38 || len(a.NCs) != 200 || len(a.Risks) != 150 {
		t.Fatalf("systems %d, tests %d, NCs %d, risks %d; want 300, 38, 200, 150", len(a.Systems), len(a.Tests), len(a.NCs), len(a.Risks))
	}
	assessable := cat.Assessable()
	if len(a.Results) != len(assessable) || len(assessable) != 70 {
		t.Fatalf("%d results for %d assessable items, want all 70", len(a.Results), len(assessable))
	}
	for _, item := range assessable {
		r := a.Result(item)
		if !r.Judged() || len(r.Evidence) != 5 || r.Decision == Excluded {
			t.Errorf("%s: judged %v, %d evidence items, decision %s; want judged, 5, included", item.ID, r.Judged(), len(r.Evidence), r.Decision)
		}
	}
	tested := map[string]bool{}
	for _, test := range a.Tests {
		tested[test.ControlID] = true
		if len(test.Samples) != 60 {
			t.Errorf("test of %s has %d samples, want 60", test.ControlID, len(test.Samples))
		}
	}
	if len(tested) != 38 {
		t.Errorf("tests cover %d distinct controls, want 38", len(tested))
	}
	if s := Evaluate(cat, a, demoAsOf); !s.Complete {
		t.Errorf("large demo verdict %q: want a complete assessment", s.Verdict)
	}
}

func TestDemoReferencesExistInCatalogue(t *testing.T) {
	for _, size := range demoSizes {
		t.Run(string(size), func(t *testing.T) {
			cat, a := demoBuild(t, size)
			for _, problem := range demoBadReferences(cat, a) {
				t.Error(problem)
			}
		})
	}
}

// demoVocabulary indexes the catalogue's IDs by the kind of reference that may use them,
// built independently of the demo's own check.
type demoVocabulary struct {
	stages, roles, sources, objectives, governance, requests, manualKPIs, frequencies map[string]bool
}

func demoVocabularyOf(cat *checklists.Catalogue) demoVocabulary {
	terms := func(list []checklists.Term) map[string]bool {
		m := map[string]bool{}
		for _, t := range list {
			m[t.ID] = true
		}
		return m
	}
	v := demoVocabulary{stages: terms(cat.LifecycleStages), roles: terms(cat.AIRoles),
		sources: terms(cat.AnnexCRiskSources), objectives: terms(cat.AnnexCObjectives),
		governance: map[string]bool{}, requests: map[string]bool{}, manualKPIs: map[string]bool{},
		frequencies: map[string]bool{EventDriven: true}}
	for _, g := range cat.GovernanceRoles {
		v.governance[g.ID] = true
	}
	for _, c := range cat.EvidenceRequests {
		for _, e := range c.Items {
			v.requests[e.ID] = true
		}
	}
	for _, k := range cat.KPIs {
		v.manualKPIs[k.ID] = k.Computed == ""
	}
	for _, f := range cat.Sampling.Frequencies {
		v.frequencies[f.ID] = true
	}
	return v
}

// demoBadReferences lists every reference of the assessment the catalogue cannot resolve.
func demoBadReferences(cat *checklists.Catalogue, a *Assessment) []string {
	var bad []string
	miss := func(ok bool, format string, args ...any) {
		if !ok {
			bad = append(bad, fmt.Sprintf(format, args...))
		}
	}
	v := demoVocabularyOf(cat)
	control := func(id string) bool { it, ok := cat.Item(id); return ok && it.IsControl() }
	assessable := func(id string) bool { it, ok := cat.Item(id); return ok && it.Assessable() }
	systems := map[int64]bool{}
	for _, s := range a.Systems {
		systems[s.ID] = true
		miss(v.stages[s.Stage], "system %q: unknown stage %q", s.Name, s.Stage)
		for _, r := range s.Roles {
			miss(v.roles[r], "system %q: unknown AI role %q", s.Name, r)
		}
	}
	for id, r := range a.Results {
		miss(assessable(id) && r.ItemID == id, "result %q: not an assessable item, or its ItemID is %q", id, r.ItemID)
	}
	for _, h := range a.RoleHolders {
		miss(v.governance[h.RoleID], "role holder %q: unknown role %q", h.Name, h.RoleID)
	}
	for _, r := range a.Risks {
		miss(v.sources[r.Source] && v.objectives[r.Objective], "risk %d: unknown Annex C source %q or objective %q", r.ID, r.Source, r.Objective)
		miss(r.SystemID == 0 || systems[r.SystemID], "risk %d: unknown system %d", r.ID, r.SystemID)
		for _, c := range r.Controls {
			miss(control(c), "risk %d: %q is not a control", r.ID, c)
		}
	}
	for _, t := range a.Tests {
		miss(control(t.ControlID), "test: %q is not a control", t.ControlID)
		miss(v.frequencies[t.Frequency], "test of %s: unknown frequency %q", t.ControlID, t.Frequency)
	}
	for _, nc := range a.NCs {
		miss(assessable(nc.ItemID), "%s: %q is not an assessable item", nc.Label(), nc.ItemID)
	}
	for id := range a.Requests {
		miss(v.requests[id], "evidence request %q is not in the catalogue", id)
	}
	for id := range a.KPIValues {
		miss(v.manualKPIs[id], "KPI %q is not a manual KPI of the catalogue", id)
	}
	return bad
}

func TestDemoResultsPassTheRules(t *testing.T) {
	for _, size := range demoSizes {
		t.Run(string(size), func(t *testing.T) {
			cat, a := demoBuild(t, size)
			for id, r := range a.Results {
				item, ok := cat.Item(id)
				if !ok {
					continue // reported by TestDemoReferencesExistInCatalogue
				}
				if err := demoReapply(item, r); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// demoReapply enters a result afresh through Judgement.Apply, as the TUI would, and checks it
// is neither refused nor changed on the way.
func demoReapply(item checklists.Item, r *Result) error {
	j := Judgement{Status: &r.Status, Maturity: &r.Maturity, Target: &r.Target, Finding: &r.Finding,
		Recommendation: &r.Recommendation, Owner: &r.Owner, Priority: &r.Priority, AddEvidence: r.Evidence}
	if item.IsControl() {
		j.Decision, j.Justification = &r.Decision, &r.Justification
	}
	got, err := j.Apply(item, NewResult(item))
	if err != nil {
		return fmt.Errorf("%s would be refused: %v", item.ID, err)
	}
	got.Due = r.Due // the due date is not part of a judgement
	if !reflect.DeepEqual(got, r) {
		return fmt.Errorf("%s changes when re-entered:\n got %+v\nwant %+v", item.ID, got, r)
	}
	if r.Status == NotApplicable && (!item.IsControl() || r.Decision != Excluded) {
		return fmt.Errorf("%s is not applicable without an SoA exclusion", item.ID)
	}
	return nil
}

func TestDemoLifeCyclesAreConsistent(t *testing.T) {
	for _, size := range demoSizes {
		t.Run(string(size), func(t *testing.T) {
			cat, a := demoBuild(t, size)
			for i, nc := range a.NCs {
				if problem := demoNCProblem(i+1, nc); problem != "" {
					t.Errorf("%s: %s", nc.Label(), problem)
				}
			}
			for _, r := range a.Risks {
				if !demoScale(r.Likelihood, r.Impact, r.ResidualLikelihood, r.ResidualImpact) ||
					r.ResidualLikelihood*r.ResidualImpact > r.Likelihood*r.Impact {
					t.Errorf("risk %d: scores %d×%d → %d×%d out of range or rising", r.ID, r.Likelihood, r.Impact, r.ResidualLikelihood, r.ResidualImpact)
				}
			}
			for i := range a.Tests {
				test := &a.Tests[i]
				if test.Seed == 0 || len(test.Samples) == 0 || len(test.Samples) > test.Size(cat.Sampling) {
					t.Errorf("test of %s: seed %d, %d samples for size %d", test.ControlID, test.Seed, len(test.Samples), test.Size(cat.Sampling))
				}
				if test.SizeOverride > 0 && test.OverrideReason == "" {
					t.Errorf("test of %s overrides the sample size without a reason", test.ControlID)
				}
				if r := a.Results[test.ControlID]; r != nil && r.Decision == Excluded {
					t.Errorf("test of %s, which the SoA excludes", test.ControlID)
				}
			}
		})
	}
}

// demoNCProblem says what is wrong with a nonconformity's record, "" when nothing is.
func demoNCProblem(number int, nc Nonconformity) string {
	closedState := nc.Status == NCClosed || nc.Status == NCVerified
	switch {
	case nc.Number != number:
		return fmt.Sprintf("numbered %d, want %d", nc.Number, number)
	case nc.Description == "" || nc.Owner == "" || nc.Raised.IsZero() || nc.Due.IsZero():
		return "description, owner, raised or due date missing"
	case closedState && (nc.Closed.Before(nc.Raised) || nc.Closed.IsZero()):
		return "closed without a closure date after it was raised"
	case closedState && nc.Correction == "" && nc.CorrectiveAction == "":
		return "closed without a correction or corrective action"
	case !closedState && !nc.Closed.IsZero():
		return "has a closure date but is " + nc.Status.Label()
	case nc.Status == NCVerified && (nc.CheckDate.IsZero() || nc.CheckBy == "" || nc.CheckResult == ""):
		return "verified without an effectiveness check"
	case !nc.CheckDate.IsZero() && nc.CheckDate.Before(nc.Raised):
		return "effectiveness checked before it was raised"
	}
	return ""
}

func demoScale(values ...int) bool {
	for _, v := range values {
		if v < 1 || v > 5 {
			return false
		}
	}
	return true
}

func TestDemoRefusesBadInput(t *testing.T) {
	if _, err := Demo(nil, DemoStandard, demoAsOf); err == nil {
		t.Error("a nil catalogue was accepted")
	}
	if _, err := Demo(demoCatalogue(t), "huge", demoAsOf); err == nil || !strings.Contains(err.Error(), "standard or large") {
		t.Errorf("unknown size: err = %v, want one naming the sizes", err)
	}
}

func TestDemoRefusesACatalogueWithoutItsIDs(t *testing.T) {
	data, err := os.ReadFile("../checklists/iso42001.json")
	if err != nil {
		t.Fatal(err)
	}
	tailored := bytes.Replace(data, []byte(`"id": "legal"`), []byte(`"id": "counsel"`), 1)
	if bytes.Equal(tailored, data) {
		t.Fatal(`the catalogue no longer has the governance role "legal"; pick another ID the demo uses`)
	}
	cat, err := checklists.Load(tailored, "tailored.json")
	if err != nil {
		t.Fatalf("loading the tailored catalogue: %v", err)
	}
	_, err = Demo(cat, DemoStandard, demoAsOf)
	if err == nil || !strings.Contains(err.Error(), `"legal"`) {
		t.Errorf("err = %v, want a refusal naming the missing role", err)
	}
}

func TestDemoFollowsTheAssessmentDate(t *testing.T) {
	cat := demoCatalogue(t)
	later := demoAsOf.AddDate(1, 0, 0)
	a, err := Demo(cat, DemoStandard, later)
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(cat, a, later)
	if s.Level != 2 || !strings.HasPrefix(s.Verdict, "Incomplete") || !a.Certification.Stage1.After(later) {
		t.Errorf("a year later: verdict %q level %d, Stage 1 %v; want the same story moved by a year", s.Verdict, s.Level, a.Certification.Stage1)
	}
}

func BenchmarkDemoLarge(b *testing.B) {
	cat := demoCatalogue(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Demo(cat, DemoLarge, demoAsOf); err != nil {
			b.Fatal(err)
		}
	}
}

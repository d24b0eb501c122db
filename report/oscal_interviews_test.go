package report_test

import (
	"slices"
	"testing"
	"time"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/assessment"
)

func TestOSCALInterviewsOfTheLogAreInterviewObservations(t *testing.T) {
	cat, a := demoOf(t, assessment.DemoStandard)
	// 6.1 is a clause heading: the interview stands for the requirements beneath it.
	a.Interviews = []assessment.Interview{{Number: 7, Name: "Ines Duarte", Role: "Risk manager",
		Date: time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC), Items: []string{"4.1", "6.1"}}}
	docs := readAll(t, exportOSCAL(t, cat, a))
	var interview *oscal.Observation
	for _, o := range *docs.results.Results[0].Observations {
		if o.Title == "Interview INT-07" {
			interview = &o
		}
	}
	if interview == nil {
		t.Fatal("the interview INT-07 of the log is not an observation")
	}
	if !slices.Equal(interview.Methods, []string{"INTERVIEW"}) {
		t.Errorf("the interview is observed by %v, want INTERVIEW", interview.Methods)
	}
	if subjects := *interview.Subjects; len(subjects) != 1 || subjects[0].Type != "party" || subjects[0].Title != "Ines Duarte, Risk manager" {
		t.Errorf("the interview's subjects are %+v, want the organisation as a party, titled with who was interviewed", subjects)
	}
	for _, id := range []string{"4.1", "6.1.2"} {
		related := false
		for _, r := range *findingFor(t, docs, id).RelatedObservations {
			related = related || r.ObservationUuid == interview.UUID
		}
		if !related {
			t.Errorf("the finding for %s does not relate the interview that discussed it", id)
		}
	}
	for _, r := range deref(findingFor(t, docs, "5.1").RelatedObservations) {
		if r.ObservationUuid == interview.UUID {
			t.Error("the finding for 5.1 relates an interview that did not discuss it")
		}
	}
}

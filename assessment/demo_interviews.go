package assessment

import (
	"fmt"
	"slices"
	"time"
)

// demoInterview is one entry of the standard demo's interview log; ago is days before the
// assessment date.
type demoInterview struct {
	name, role string
	ago        int
	items      []string
	notes      string
}

var demoInterviews = []demoInterview{
	{"Zoë Ångström", "AI Governance Officer", 20, []string{"4.1", "4.2", "4.3", "4.4", "5.3", "6.1.1", "6.2", "6.3", "9.1", "9.2.1", "9.2.2", "10.2", "A.2", "A.3"},
		"Walked through the AIMS framework, the scope and the audit programme; the internal audit lead is still being recruited."},
	{"Rahul Deshpande", "Head of Data Science", 19, []string{"8.1", "A.4", "A.6"},
		"Model registry, validation and release process; confirmed he reviewed his own team's life-cycle controls."},
	{"Siobhán Ní Bhriain", "Head of Data Governance", 18, []string{"A.4.3", "A.7"},
		"Dataset catalogue, provenance of the telematics feed, data-quality checks."},
	{"Tomasz Wróbel", "Chief Information Security Officer", 17, []string{"6.1.2", "A.6.2.8"},
		"Risk method shared with the ISMS; logging of model events."},
	{"Claire Beaumont", "Data Protection Officer", 16, []string{"6.1.4", "8.4", "A.5"},
		"Impact assessment template, refresh triggers, privacy reviews of training data."},
	{"Jonathan Pryce", "General Counsel", 15, []string{"4.2", "7.5", "A.8", "A.10"},
		"Interested parties, supplier contracts, information for customers and the EU AI Act reading."},
	{"Fatima Al-Sayed", "Director of Claims", 14, []string{"A.9"},
		"Use of triage and fraud scores by handlers; overrides are not logged."},
	{"Helena Marsh", "Chief Operating Officer", 12, []string{"5.1", "5.2", "7.1", "9.3.1", "9.3.2", "9.3.3"},
		"Top management commitment, AIMS budget, the management review."},
	{"Three claims handlers, Leeds", "Claims handling team", 10, []string{"7.3", "A.3.3", "A.9.2"},
		"Two of the three did not know where to raise an AI concern; none had been told when to override the triage score."},
}

// interviews records the interview log, numbering the interviews from 1.
func (b *demoBuilder) interviews(list []demoInterview) {
	for i, d := range list {
		b.a.Interviews = append(b.a.Interviews, Interview{Number: i + 1, Name: d.name, Role: d.role, Date: b.on(-d.ago),
			Items: slices.Clone(d.items), Notes: d.notes})
	}
}

// interviewOn is the first interview of the log that discussed an item, nil when none did.
func (b *demoBuilder) interviewOn(itemID string) *Interview {
	for i := range b.a.Interviews {
		if b.a.Interviews[i].Discussed(b.cat, itemID) {
			return &b.a.Interviews[i]
		}
	}
	return nil
}

// interviewEvidence is the evidence of an interview about an item: the log entry that
// discussed it when there is one, else notes taken with the item's owner on the day given.
func (b *demoBuilder) interviewEvidence(itemID, title string, attached time.Time) Evidence {
	if iv := b.interviewOn(itemID); iv != nil {
		return InterviewEvidence(*iv, iv.Date)
	}
	return Evidence{Title: title, Kind: "interview", AttachedAt: attached, Collected: attached,
		Reference: fmt.Sprintf("Interview notes with %s, %s", b.ownerOf(itemID), attached.Format("2 Jan 2006"))}
}

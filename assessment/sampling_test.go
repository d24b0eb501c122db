package assessment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSampleSize(t *testing.T) {
	tests := []struct {
		name       string
		frequency  string
		population int // 0: unknown
		elevated   bool
		want       int
		wantErr    string
	}{
		{name: "annual normal 1", frequency: "annual", want: 1},
		{name: "annual elevated 1", frequency: "annual", elevated: true, want: 1},
		{name: "quarterly normal 2", frequency: "quarterly", want: 2},
		{name: "quarterly elevated 2", frequency: "quarterly", elevated: true, want: 2},
		{name: "monthly normal 2", frequency: "monthly", want: 2},
		{name: "monthly elevated 5", frequency: "monthly", elevated: true, want: 5},
		{name: "weekly normal 5", frequency: "weekly", want: 5},
		{name: "weekly elevated 15", frequency: "weekly", elevated: true, want: 15},
		{name: "daily normal 25", frequency: "daily", want: 25},
		{name: "daily elevated 40", frequency: "daily", elevated: true, want: 40},
		{name: "several times a day normal 25", frequency: "multiple-daily", want: 25},
		{name: "several times a day elevated 60", frequency: "multiple-daily", elevated: true, want: 60},
		{name: "automated normal 1", frequency: "automated", want: 1},
		{name: "automated elevated 1", frequency: "automated", elevated: true, want: 1},
		{name: "known population larger than the table leaves the size", frequency: "daily", population: 250, want: 25},
		{name: "population smaller than the table caps the size", frequency: "daily", population: 12, want: 12},
		{name: "population caps the elevated size", frequency: "monthly", population: 3, elevated: true, want: 3},
		{name: "event-driven population of 1 tests it", frequency: EventDriven, population: 1, want: 1},
		{name: "event-driven population of 5 tests all", frequency: EventDriven, population: 5, want: 5},
		{name: "event-driven population of 5 elevated tests all", frequency: EventDriven, population: 5, elevated: true, want: 5},
		{name: "event-driven population of 6 normal 5", frequency: EventDriven, population: 6, want: 5},
		{name: "event-driven population of 6 elevated is capped at 6", frequency: EventDriven, population: 6, elevated: true, want: 6},
		{name: "event-driven population of 50 normal 5", frequency: EventDriven, population: 50, want: 5},
		{name: "event-driven population of 50 elevated 15", frequency: EventDriven, population: 50, elevated: true, want: 15},
		{name: "event-driven population of 51 normal 25", frequency: EventDriven, population: 51, want: 25},
		{name: "event-driven population of 51 elevated 40", frequency: EventDriven, population: 51, elevated: true, want: 40},
		{name: "event-driven population of 250 normal 25", frequency: EventDriven, population: 250, want: 25},
		{name: "event-driven population of 250 elevated 40", frequency: EventDriven, population: 250, elevated: true, want: 40},
		{name: "event-driven population of 251 normal 25", frequency: EventDriven, population: 251, want: 25},
		{name: "event-driven population of 251 elevated 60", frequency: EventDriven, population: 251, elevated: true, want: 60},
		{name: "event-driven population of 100000 elevated 60", frequency: EventDriven, population: 100000, elevated: true, want: 60},
		{name: "event-driven without a population is refused", frequency: EventDriven, wantErr: "needs its population size"},
		{name: "unknown frequency is refused", frequency: "hourly", wantErr: `frequency "hourly" is not in the sampling table`},
	}
	cat := ruleCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SampleSize(cat.Sampling, tt.frequency, tt.population, tt.elevated)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("got %d, %v; want an error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

func TestSelectSample(t *testing.T) {
	tests := []struct {
		name       string
		population int
		n          int
		seed       uint64
	}{
		{name: "small sample from a small population", population: 10, n: 3, seed: 1},
		{name: "daily control sample", population: 365, n: 25, seed: 20250630},
		{name: "whole population is a permutation", population: 40, n: 40, seed: 9},
		{name: "single item population", population: 1, n: 1, seed: 0},
		{name: "huge population stays sparse", population: 2_000_000_000, n: 60, seed: ^uint64(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SelectSample(tt.population, tt.n, tt.seed)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := SelectSample(tt.population, tt.n, tt.seed)
			if !slices.Equal(got, again) {
				t.Errorf("same seed gave %v then %v", got, again)
			}
			if len(got) != tt.n {
				t.Fatalf("drew %d, want %d", len(got), tt.n)
			}
			seen := map[int]bool{}
			for _, p := range got {
				if p < 1 || p > tt.population {
					t.Errorf("position %d outside 1..%d", p, tt.population)
				}
				if seen[p] {
					t.Errorf("position %d drawn twice", p)
				}
				seen[p] = true
			}
		})
	}
}

func TestSelectSampleSeedRules(t *testing.T) {
	tests := []struct {
		name       string
		population int
		n          int
		seed       uint64
		want       []int
	}{
		// Pinned selections: a seed printed in last year's report must still give the same items.
		{name: "seed 42 reproduces the recorded selection", population: 100, n: 5, seed: 42, want: []int{37, 95, 44, 65, 15}},
		{name: "seed 7 over a huge population reproduces the recorded selection", population: 1_000_000_000, n: 3, seed: 7, want: []int{45704813, 37086960, 96589035}},
		{name: "seed 1 over the whole population reproduces the recorded order", population: 5, n: 5, seed: 1, want: []int{5, 2, 4, 3, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SelectSample(tt.population, tt.n, tt.seed)
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	t.Run("another seed gives another selection", func(t *testing.T) {
		a, _ := SelectSample(1000, 25, 1)
		b, _ := SelectSample(1000, 25, 2)
		if slices.Equal(a, b) {
			t.Errorf("seeds 1 and 2 both gave %v", a)
		}
	})
}

func TestSelectSampleRefusals(t *testing.T) {
	tests := []struct {
		name       string
		population int
		n          int
		wantErr    string
	}{
		{name: "more items than the population is refused", population: 5, n: 6, wantErr: "cannot draw 6 items from a population of 5"},
		{name: "an empty sample is refused", population: 5, n: 0, wantErr: "cannot draw 0 items"},
		{name: "an empty population is refused", population: 0, n: 1, wantErr: "population is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SelectSample(tt.population, tt.n, 1)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || got != nil {
				t.Errorf("got %v, %v; want an error containing %q", got, err, tt.wantErr)
			}
		})
	}
}

func TestDrawSamples(t *testing.T) {
	refs := make([]string, 12)
	for i := range refs {
		refs[i] = fmt.Sprintf("CHG-%03d", i+1)
	}
	tests := []struct {
		name     string
		test     ControlTest
		refs     []string
		wantSize int
		wantRefs func(ref string) bool
	}{
		{name: "numbered population gives item numbers",
			test:     ControlTest{ControlID: "A.6.2.5", Frequency: "weekly", Population: 52},
			wantSize: 5, wantRefs: func(r string) bool { return strings.HasPrefix(r, "#") }},
		{name: "pasted references are the population",
			test: ControlTest{ControlID: "A.6.2.5", Frequency: EventDriven}, refs: refs,
			wantSize: 5, wantRefs: func(r string) bool { return slices.Contains(refs, r) }},
		{name: "pasted references cap a calendar sample",
			test: ControlTest{ControlID: "A.6.2.5", Frequency: "daily"}, refs: refs,
			wantSize: 12, wantRefs: func(r string) bool { return slices.Contains(refs, r) }},
		{name: "a justified size override is drawn",
			test:     ControlTest{ControlID: "A.6.2.5", Frequency: "weekly", Population: 52, SizeOverride: 8, OverrideReason: "prior exceptions"},
			wantSize: 8, wantRefs: func(r string) bool { return strings.HasPrefix(r, "#") }},
	}
	cat := ruleCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := tt.test
			if err := ct.DrawSamples(cat.Sampling, tt.refs, 99); err != nil {
				t.Fatal(err)
			}
			if ct.Seed != 99 || len(ct.Samples) != tt.wantSize {
				t.Fatalf("seed %d, %d samples; want seed 99, %d samples", ct.Seed, len(ct.Samples), tt.wantSize)
			}
			for _, s := range ct.Samples {
				if !tt.wantRefs(s.Ref) || s.Result != NotTested {
					t.Errorf("sample %+v", s)
				}
			}
			for i := range ct.Samples {
				ct.Samples[i].Result = Pass
			}
			if got := ct.Conclusion(cat.Sampling); got != Effective {
				t.Errorf("every drawn sample passed, but the test concludes %s", got)
			}
		})
	}
}

func TestTestConclusion(t *testing.T) {
	samples := func(results ...SampleResult) []Sample {
		out := make([]Sample, len(results))
		for i, r := range results {
			out[i] = Sample{Ref: fmt.Sprintf("#%d", i+1), Result: r}
		}
		return out
	}
	tests := []struct {
		name     string
		test     ControlTest // monthly, normal risk: a sample of 2
		want     Conclusion
		wantRule Conclusion
	}{
		{name: "full sample passed is effective", test: ControlTest{Samples: samples(Pass, Pass)}, want: Effective, wantRule: Effective},
		{name: "an exception is ineffective", test: ControlTest{Samples: samples(Pass, Exception)}, want: Ineffective, wantRule: Ineffective},
		{name: "an exception is ineffective before the sample is finished", test: ControlTest{Samples: samples(Exception, NotTested)}, want: Ineffective, wantRule: Ineffective},
		{name: "a sample not fully tested is not concluded", test: ControlTest{Samples: samples(Pass, NotTested)}, want: NotConcluded, wantRule: NotConcluded},
		{name: "fewer samples than the size is not concluded", test: ControlTest{Samples: samples(Pass)}, want: NotConcluded, wantRule: NotConcluded},
		{name: "no samples is not concluded", test: ControlTest{}, want: NotConcluded, wantRule: NotConcluded},
		{name: "the size override sets the full sample", test: ControlTest{SizeOverride: 1, OverrideReason: "automated", Samples: samples(Pass)}, want: Effective, wantRule: Effective},
		{name: "an elevated test needs the elevated size", test: ControlTest{Elevated: true, Samples: samples(Pass, Pass)}, want: NotConcluded, wantRule: NotConcluded},
		{name: "a justified override wins over the rule",
			test: ControlTest{Samples: samples(Pass, Exception), ConclusionOverride: Effective, OverrideJustification: "exception was a test artefact"},
			want: Effective, wantRule: Ineffective},
		{name: "an override back to not concluded restores the rule",
			test: ControlTest{Samples: samples(Pass, Pass), ConclusionOverride: NotConcluded},
			want: Effective, wantRule: Effective},
	}
	cat := ruleCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := tt.test
			ct.ControlID, ct.Frequency = "A.6.2.6", "monthly"
			if got, rule := ct.Conclusion(cat.Sampling), ct.RuleConclusion(cat.Sampling); got != tt.want || rule != tt.wantRule {
				t.Errorf("conclusion %s, rule %s; want %s, %s", got, rule, tt.want, tt.wantRule)
			}
		})
	}
}

func TestTestOverrides(t *testing.T) {
	tests := []struct {
		name    string
		apply   func(ct *ControlTest) error
		wantErr string
		check   func(ct ControlTest) bool
	}{
		{name: "overriding the conclusion without justification is refused",
			apply: func(ct *ControlTest) error { return ct.OverrideConclusion(Effective, "  ") }, wantErr: "needs a justification",
			check: func(ct ControlTest) bool { return ct.ConclusionOverride == "" }},
		{name: "overriding the conclusion with justification is recorded",
			apply: func(ct *ControlTest) error {
				return ct.OverrideConclusion(Ineffective, " sample 3 was forged by the approver ")
			},
			check: func(ct ControlTest) bool {
				return ct.ConclusionOverride == Ineffective && ct.OverrideJustification == "sample 3 was forged by the approver"
			}},
		{name: "clearing the override needs no justification",
			apply: func(ct *ControlTest) error { return ct.OverrideConclusion(NotConcluded, "") },
			check: func(ct ControlTest) bool { return ct.ConclusionOverride == NotConcluded }},
		{name: "overriding the sample size without reason is refused",
			apply: func(ct *ControlTest) error { return ct.OverrideSize(10, "") }, wantErr: "needs a justification",
			check: func(ct ControlTest) bool { return ct.SizeOverride == 0 }},
		{name: "overriding the conclusion with a placeholder is refused",
			apply: func(ct *ControlTest) error { return ct.OverrideConclusion(Effective, "n/a") }, wantErr: "placeholder",
			check: func(ct ControlTest) bool { return ct.ConclusionOverride == "" }},
		{name: "overriding the sample size with a 19-character reason is refused",
			apply: func(ct *ControlTest) error { return ct.OverrideSize(10, "Prior year problems") }, wantErr: "too short",
			check: func(ct ControlTest) bool { return ct.SizeOverride == 0 }},
		{name: "a negative sample size is refused",
			apply: func(ct *ControlTest) error { return ct.OverrideSize(-1, "typo") }, wantErr: "cannot be negative",
			check: func(ct ControlTest) bool { return ct.SizeOverride == 0 }},
		{name: "overriding the sample size with a reason is recorded",
			apply: func(ct *ControlTest) error { return ct.OverrideSize(10, "prior year exceptions found") },
			check: func(ct ControlTest) bool {
				return ct.SizeOverride == 10 && ct.OverrideReason == "prior year exceptions found"
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := ControlTest{ControlID: "A.6.2.6", Frequency: "monthly"}
			err := tt.apply(&ct)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("got error %v, want %q", err, tt.wantErr)
			}
			if !tt.check(ct) {
				t.Errorf("test after override: %+v", ct)
			}
		})
	}
}

func TestExceptionsCount(t *testing.T) {
	ct := ControlTest{Samples: []Sample{{Result: Exception}, {Result: Pass}, {Result: Exception}, {Result: NotTested}}}
	if got := ct.Exceptions(); got != 2 {
		t.Errorf("%d exceptions, want 2", got)
	}
}

func TestDrawSamplesRefusalLeavesTestUnchanged(t *testing.T) {
	tests := []struct {
		name string
		test ControlTest
		refs []string
	}{
		{name: "unknown frequency with pasted references is refused",
			test: ControlTest{ControlID: "A.6.2.5", Frequency: "hourly", Seed: 5, Samples: []Sample{{Ref: "#1", Result: Pass}}},
			refs: []string{"CHG-1", "CHG-2"}},
		{name: "event-driven control without a population is refused",
			test: ControlTest{ControlID: "A.6.2.5", Frequency: EventDriven, Seed: 5}},
	}
	cat := ruleCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := tt.test
			if err := ct.DrawSamples(cat.Sampling, tt.refs, 99); err == nil {
				t.Fatalf("drew %+v", ct.Samples)
			}
			if ct.Population != tt.test.Population || ct.Seed != tt.test.Seed || len(ct.Samples) != len(tt.test.Samples) {
				t.Errorf("refused draw changed the test: %+v", ct)
			}
		})
	}
}

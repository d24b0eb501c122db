package assessment

import "testing"

// A KPI counts as measured when it has a current value: the verdict's kpis_not_measured rests
// on this, and the value says why when it is not.
func TestKPIMeasured(t *testing.T) {
	tests := []struct {
		name      string
		mutate    func(a *Assessment)
		kpi       string
		measured  bool
		wantValue string // "" when not checked
	}{
		{name: "a manual KPI not entered", mutate: func(*Assessment) {}, kpi: "KPI-04", wantValue: "not entered"},
		{name: "a manual KPI read 11 months ago",
			mutate: func(a *Assessment) {
				a.KPIValues["KPI-04"] = KPIValue{Value: "PSI 0.08", Date: ruleDay.AddDate(0, -11, 0)}
			},
			kpi: "KPI-04", measured: true, wantValue: "PSI 0.08"},
		{name: "a manual KPI read 13 months ago",
			mutate: func(a *Assessment) {
				a.KPIValues["KPI-04"] = KPIValue{Value: "PSI 0.08", Date: ruleDay.AddDate(0, -13, 0)}
			},
			kpi: "KPI-04", wantValue: "PSI 0.08"},
		{name: "a manual KPI entered without a date",
			mutate: func(a *Assessment) { a.KPIValues["KPI-04"] = KPIValue{Value: "PSI 0.08"} }, kpi: "KPI-04"},
		{name: "residual risk without an appetite", mutate: func(*Assessment) {}, kpi: "KPI-03"},
		{name: "residual risk with an appetite", mutate: func(a *Assessment) { a.RiskCriteria.Appetite = 9 }, kpi: "KPI-03", measured: true},
		{name: "controls tested effective without any concluded test", mutate: func(*Assessment) {}, kpi: "KPI-02"},
		{name: "controls tested effective once a test is concluded",
			mutate: func(a *Assessment) { a.Tests = []ControlTest{effectiveTest("A.5.2")} }, kpi: "KPI-02", measured: true},
		{name: "impact assessment coverage is always measured", mutate: func(a *Assessment) { a.Systems = nil }, kpi: "KPI-01", measured: true},
		{name: "nonconformities are always measured", mutate: func(a *Assessment) { a.NCs = nil }, kpi: "KPI-08", measured: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			got := kpiByID(t, KPIs(cat, a, ruleDay), tt.kpi)
			if got.Measured != tt.measured {
				t.Errorf("measured = %v, want %v (value %q)", got.Measured, tt.measured, got.Value)
			}
			if tt.wantValue != "" && got.Value != tt.wantValue {
				t.Errorf("value %q, want %q", got.Value, tt.wantValue)
			}
		})
	}
}

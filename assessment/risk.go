package assessment

import (
	"fmt"
	"slices"
)

// risksRelyingOn returns the risks still in play (not closed) whose treatment relies on a
// control, in register order.
func risksRelyingOn(a *Assessment, control string) []*Risk {
	var out []*Risk
	for i := range a.Risks {
		if r := &a.Risks[i]; r.Status != "closed" && slices.Contains(r.Controls, control) {
			out = append(out, r)
		}
	}
	return out
}

// Label is the risk's reference as printed, e.g. R-07.
func (r Risk) Label() string { return fmt.Sprintf("R-%02d", r.ID) }

// ResidualScore is the risk's likelihood × impact after treatment, or before it when the
// residual rating is not recorded; ok is false when neither is rated.
func (r *Risk) ResidualScore() (score int, ok bool) {
	switch {
	case r.ResidualLikelihood > 0 && r.ResidualImpact > 0:
		return r.ResidualLikelihood * r.ResidualImpact, true
	case r.Likelihood > 0 && r.Impact > 0:
		return r.Likelihood * r.Impact, true
	}
	return 0, false
}

// Check refuses risk criteria off the 5×5 scale, or an acceptance threshold above the
// appetite (a risk owner could then accept what the organisation is not prepared to carry).
func (c RiskCriteria) Check() error {
	switch {
	case c.Appetite < 0 || c.Appetite > 25 || c.Acceptance < 0 || c.Acceptance > 25:
		return fmt.Errorf("risk criteria %d (appetite) and %d (acceptance) must be scores from 1 to 25 on the 5×5 scale, or 0 when not recorded", c.Appetite, c.Acceptance)
	case c.Appetite > 0 && c.Acceptance > c.Appetite:
		return fmt.Errorf("the acceptance threshold %d is above the risk appetite %d; a risk owner may only accept what is within the appetite", c.Acceptance, c.Appetite)
	}
	return nil
}

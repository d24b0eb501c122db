package assessment

import (
	"fmt"
	"strings"
	"time"
)

// Withdraw takes back a nonconformity raised in error (a slip of the key, the wrong item, a
// finding the evidence later disproved): it keeps its number, its record and its history in
// the audit trail, and carries the reason and the day, but no rule, KPI or comparison counts
// it any more. The reason must be a reason (CheckJustification). A nonconformity verified
// effective was real and was fixed, so it cannot be withdrawn; nor can one twice.
func (nc *Nonconformity) Withdraw(reason string, on time.Time) error {
	switch nc.Status {
	case NCWithdrawn:
		return fmt.Errorf("%s is already withdrawn", nc.Label())
	case NCVerified:
		return fmt.Errorf("%s was verified effective, so it was not raised in error and cannot be withdrawn; leave it in the register", nc.Label())
	}
	if err := CheckJustification("withdrawing "+nc.Label(), reason); err != nil {
		return err
	}
	nc.Status, nc.Withdrawn, nc.WithdrawnReason = NCWithdrawn, day(on), strings.TrimSpace(reason)
	return nil
}

// IsWithdrawn reports whether the nonconformity was withdrawn as raised in error.
func (nc Nonconformity) IsWithdrawn() bool { return nc.Status == NCWithdrawn }

// MayWithdraw reports whether the nonconformity may still be withdrawn.
func (nc Nonconformity) MayWithdraw() bool {
	return nc.Status != NCWithdrawn && nc.Status != NCVerified
}

// checkWithdrawal refuses a withdrawn nonconformity without a reason or a date.
func (nc *Nonconformity) checkWithdrawal() error {
	if nc.Withdrawn.IsZero() {
		return fmt.Errorf("%s is withdrawn but carries no date of withdrawal", nc.Label())
	}
	if err := CheckJustification("withdrawing "+nc.Label(), nc.WithdrawnReason); err != nil {
		return err
	}
	return CheckDateOrder("its withdrawal on", nc.Withdrawn, "the day it was raised", nc.Raised)
}

// checkDates refuses a due date or an effectiveness check before the day the nonconformity
// was raised.
func (nc *Nonconformity) checkDates() error {
	if err := CheckDateOrder("the due date", nc.Due, "the day it was raised", nc.Raised); err != nil {
		return err
	}
	return CheckDateOrder("the effectiveness check", nc.CheckDate, "the day it was raised", nc.Raised)
}

// counted is the assessment as the rules see it: without its withdrawn nonconformities. It
// shares every other collection; when nothing was withdrawn it is the assessment itself.
func (a *Assessment) counted() *Assessment {
	keep := 0
	for _, nc := range a.NCs {
		if !nc.IsWithdrawn() {
			keep++
		}
	}
	if keep == len(a.NCs) {
		return a
	}
	c := *a
	c.NCs = make([]Nonconformity, 0, keep)
	for _, nc := range a.NCs {
		if !nc.IsWithdrawn() {
			c.NCs = append(c.NCs, nc)
		}
	}
	return &c
}

package kit

import (
	"fmt"

	"aimsbench/assessment"
)

// The cursor list: a screen keeps a cursor over n rows and shows a window of them.

// ScrollStart is the first row to draw so that the cursor stays in a window of rows lines,
// centred while it can be.
func ScrollStart(cursor, rows, n int) int {
	return max(0, min(cursor-rows/2, n-rows))
}

// Clamp keeps a cursor among n rows (0 when there are none).
func Clamp(cursor, n int) int { return max(0, min(cursor, n-1)) }

// RiskLabel is a risk's reference as the report prints it; "R-new" until the store has
// numbered a risk just added.
func RiskLabel(r assessment.Risk) string {
	if r.ID <= 0 {
		return "R-new"
	}
	return fmt.Sprintf("R-%02d", r.ID)
}

package readiness

import "strings"

// bigDigits draws the readiness level in large type, five rows high.
var bigDigits = map[int][5]string{
	0: {"█▀▀█", "█  █", "█  █", "█  █", "█▄▄█"},
	1: {" ▄█ ", "  █ ", "  █ ", "  █ ", " ▄█▄"},
	2: {"▀▀▀█", "   █", "█▀▀▀", "█   ", "█▄▄▄"},
	3: {"▀▀▀█", "   █", " ▀▀█", "   █", "▄▄▄█"},
	4: {"█  █", "█  █", "▀▀▀█", "   █", "   █"},
	5: {"█▀▀▀", "█   ", "▀▀▀█", "   █", "▄▄▄█"},
}

func bigDigit(n int) string {
	d, ok := bigDigits[n]
	if !ok {
		d = bigDigits[0]
	}
	return "Level " + "\n" + strings.Join(d[:], "\n")
}

package report

import (
	"fmt"
	"strings"
)

// column is one column of a table: its heading, width in millimetres and alignment
// ("L", "C" or "R").
type column struct {
	title string
	width float64
	align string
}

// cell is one table cell: its text, and optionally a style and a background that mark it.
type cell struct {
	text  string
	style *textStyle
	fill  *rgb
}

// txt is a plain cell.
func txt(s string) cell { return cell{text: s} }

// bold is a cell in bold.
func bold(s string) cell { return cell{text: s, style: &styleCellBold} }

// marked is a cell with a background colour; the text still says what the colour means.
func marked(s string, c rgb) cell { return cell{text: s, fill: &c} }

// texts turns strings into plain cells.
func texts(ss ...string) []cell {
	out := make([]cell, len(ss))
	for i, s := range ss {
		out[i] = txt(s)
	}
	return out
}

// uniformMinRows is the fewest rows a table needs before a column that repeats one value in
// every row is said once instead.
const uniformMinRows = 4

// uniformColumns takes out of a table each column (the first excepted) whose every row says
// the same, widening the others to fill the page, and returns a sentence for each saying what
// all the rows share.
func uniformColumns(cols []column, rows [][]cell) ([]column, [][]cell, []string) {
	if len(rows) < uniformMinRows {
		return cols, rows, nil
	}
	var keep []int
	var same []string
	for i, c := range cols {
		if i == 0 || !sameInEveryRow(rows, i) || c.title == "" {
			keep = append(keep, i)
			continue
		}
		value := strings.ReplaceAll(rows[0][i].text, "\n", ", ")
		if value == "" || value == "—" {
			value = "none"
		}
		same = append(same, fmt.Sprintf("%s: %s in every row.", c.title, value))
	}
	if len(same) == 0 {
		return cols, rows, nil
	}
	width := 0.0
	for _, i := range keep {
		width += cols[i].width
	}
	outCols := make([]column, len(keep))
	for j, i := range keep {
		outCols[j] = cols[i]
		outCols[j].width *= min(totalWidth(cols), contentWidth) / width
	}
	outRows := make([][]cell, len(rows))
	for r, row := range rows {
		for _, i := range keep {
			if i < len(row) {
				outRows[r] = append(outRows[r], row[i])
			}
		}
	}
	return outCols, outRows, same
}

// sameInEveryRow reports whether column i has the same text in every row.
func sameInEveryRow(rows [][]cell, i int) bool {
	for _, r := range rows {
		if i >= len(r) || i >= len(rows[0]) || r[i].text != rows[0][i].text {
			return false
		}
	}
	return true
}

// fieldColumns are the label and value columns of a field list.
var fieldColumns = []column{{width: 46}, {width: contentWidth - 46}}

// fieldLabel is the style of a field list's labels.
var fieldLabel = textStyle{"B", styleCell.size, muted, styleCell.line}

func fieldRow(p [2]string) []cell { return []cell{{text: p[0], style: &fieldLabel}, txt(p[1])} }

// longestWordCap is the widest a column grows to keep its longest word whole; longer tokens
// (web addresses, file paths) are broken instead.
const longestWordCap = 42.0

// balance widens a column whose longest word would not fit (so "Nonconformant" never breaks
// mid-word) by taking the room from columns that have more than their own longest word needs.
// longestWord measures the widest word of a text in a style, in millimetres; margins is a
// cell's left and right margin together.
func balance(cols []column, rows [][]cell, margins float64, longestWord func(text string, s textStyle) float64) []column {
	need := make([]float64, len(cols))
	slack, deficit := 0.0, 0.0
	pad := margins + 0.4
	for i, c := range cols {
		need[i] = longestWord(c.title, styleCellHead)
		for _, r := range rows {
			if i < len(r) {
				need[i] = max(need[i], longestWord(r[i].text, cellStyle(r[i])))
			}
		}
		need[i] = min(need[i]+pad, longestWordCap)
		if gap := need[i] - c.width; gap > 0 {
			deficit += gap
		} else {
			slack -= gap
		}
	}
	if deficit == 0 || slack == 0 {
		return cols
	}
	take := min(deficit, slack)
	out := make([]column, len(cols))
	for i, c := range cols {
		if c.width < need[i] {
			c.width += (need[i] - c.width) * take / deficit
		} else {
			c.width -= (c.width - need[i]) * take / slack
		}
		out[i] = c
	}
	return out
}

// fitColumns scales the widths down proportionally if they add up to more than the page.
func fitColumns(cols []column) []column {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	if total <= contentWidth+0.01 {
		return cols
	}
	out := make([]column, len(cols))
	for i, c := range cols {
		c.width *= contentWidth / total
		out[i] = c
	}
	return out
}

// cellStyle is the style a cell's text is printed in: white bold on a dark background.
func cellStyle(c cell) textStyle {
	s := styleCell
	if c.style != nil {
		s = *c.style
	}
	if c.fill != nil && c.fill.dark() {
		s.colour, s.face = white, "B"
	}
	return s
}

func totalWidth(cols []column) float64 {
	w := 0.0
	for _, c := range cols {
		w += c.width
	}
	return w
}

func alignOf(c column) string {
	if c.align == "" {
		return "L"
	}
	return c.align
}

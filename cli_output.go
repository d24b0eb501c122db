package main

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"aimsbench/assessment"
)

// visibleWriter passes everything a command writes to stdout or stderr through
// assessment.Visible, so text from the database, the catalogue, a path or an error message
// can never move the cursor, recolour the terminal or reorder a line: escape sequences,
// control characters and bidirectional overrides arrive as ⟨ESC⟩, ⟨U+0007⟩, ⟨U+202E⟩.
// A character split across two writes is held back until it is whole.
type visibleWriter struct {
	w       io.Writer
	pending []byte // the start of a UTF-8 sequence the last write ended in
}

func (v *visibleWriter) Write(p []byte) (int, error) {
	data := append(v.pending, p...)
	cut := len(data)
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	v.pending = append([]byte(nil), data[cut:]...)
	if _, err := io.WriteString(v.w, assessment.Visible(string(data[:cut]), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is held back of an unfinished character, made visible.
func (v *visibleWriter) Flush() error {
	if len(v.pending) == 0 {
		return nil
	}
	_, err := io.WriteString(v.w, assessment.Visible(string(v.pending), true))
	v.pending = nil
	return err
}

// writeJSON prints v as indented JSON in which every hidden character is escaped
// (assessment.VisibleJSON), so the output is safe on a terminal and decodes to the same data.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(assessment.VisibleJSON(buf.Bytes()))
	return err
}

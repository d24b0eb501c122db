package checklists

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"aimsbench/userfile"
)

//go:embed iso42001.json
var builtinJSON []byte

// BuiltinName is the file name problems in the embedded catalogue are reported under.
const BuiltinName = "iso42001.json"

// Builtin returns the embedded ISO/IEC 42001:2023 catalogue.
func Builtin() (*Catalogue, error) { return Load(builtinJSON, BuiltinName) }

// MaxFileSize is the largest catalogue file aimsbench reads: a hundred times the built-in
// one, so a wrong or endless file is refused instead of exhausting memory.
const MaxFileSize = 16 << 20

// LoadFile reads and validates a catalogue file (a firm's tailored version, or another
// framework written in the same schema). Only a regular file of at most MaxFileSize is read.
func LoadFile(path string) (*Catalogue, error) {
	data, err := userfile.Read(path, MaxFileSize, "the catalogue file")
	if err != nil {
		return nil, err
	}
	return Load(data, filepath.Base(path))
}

// Load parses and validates a catalogue. On failure the error is a *Problems listing every
// problem found, each with file name and line. Its time grows linearly with the file.
func Load(data []byte, name string) (*Catalogue, error) {
	if len(data) > MaxFileSize {
		return nil, &Problems{List: []Problem{{File: name, Message: fmt.Sprintf("the file is larger than %d MiB, the most aimsbench reads for a catalogue; check that it is the right file", MaxFileSize>>20)}}}
	}
	var c Catalogue
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, &Problems{List: []Problem{decodeProblem(data, name, err)}}
	}
	if _, err := dec.Token(); err != io.EOF {
		end := dec.InputOffset()
		return nil, &Problems{List: []Problem{{File: name, Line: newLines(data).at(end),
			Message: "there is more after the catalogue's closing brace; a catalogue file holds exactly one JSON object, so remove the rest"}}}
	}
	lines, err := elementLines(data)
	if err != nil {
		return nil, &Problems{List: []Problem{decodeProblem(data, name, err)}}
	}
	v := validator{cat: &c, file: name, lines: lines}
	v.run()
	if len(v.problems) > 0 {
		return nil, &Problems{List: v.problems}
	}
	c.index = make(map[string]int, len(c.Items))
	for i, it := range c.Items {
		c.index[it.ID] = i
	}
	return &c, nil
}

// Problem is one defect of a catalogue file, located by file, line and JSON path.
type Problem struct {
	File    string
	Line    int
	Path    string
	Message string
}

func (p Problem) String() string {
	loc := p.File
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	if p.Path != "" {
		return fmt.Sprintf("%s: %s: %s", loc, p.Path, p.Message)
	}
	return fmt.Sprintf("%s: %s", loc, p.Message)
}

// Problems is the error returned for a catalogue that cannot be used.
type Problems struct{ List []Problem }

func (ps *Problems) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the catalogue has %d problem(s); fix them and load it again:", len(ps.List))
	for _, p := range ps.List {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

func decodeProblem(data []byte, name string, err error) Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return Problem{File: name, Line: lineAt(data, syn.Offset), Message: "not valid JSON: " + syn.Error()}
	case errors.As(err, &typ):
		return Problem{File: name, Line: lineAt(data, typ.Offset), Path: typ.Field,
			Message: fmt.Sprintf("expected %s, found %s", typ.Type, typ.Value)}
	}
	return Problem{File: name, Message: "cannot be read: " + err.Error()}
}

func lineAt(data []byte, offset int64) int { return newLines(data).at(offset) }

// lineCounter turns byte offsets into line numbers. Asked for offsets in increasing order, as
// a walk through the file does, it counts each newline once, so mapping a whole file is
// linear in its size.
type lineCounter struct {
	data []byte
	off  int64 // offset counted up to
	line int   // line at off
}

func newLines(data []byte) *lineCounter { return &lineCounter{data: data, line: 1} }

// at returns the line at offset.
func (c *lineCounter) at(offset int64) int {
	offset = min(max(offset, 0), int64(len(c.data)))
	if offset < c.off {
		c.off, c.line = 0, 1
	}
	c.line += bytes.Count(c.data[c.off:offset], []byte("\n"))
	c.off = offset
	return c.line
}

// elementLines maps the JSON path of every value ("items[3]", "items[3].parent",
// "evidence_requests[2].items[1]") to the line on which it starts, so problems point at the file.
func elementLines(data []byte) (map[string]int, error) {
	lines := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	counter := newLines(data)
	start := func() int {
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.ContainsRune(" \t\r\n,:", rune(data[off])) {
			off++
		}
		return counter.at(off)
	}
	var walk func(path string) error
	walk = func(path string) error {
		line := start()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if path != "" {
			lines[path] = line
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				child := fmt.Sprint(key)
				if path != "" {
					child = path + "." + child
				}
				if err := walk(child); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	return lines, walk("")
}

package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"
	"github.com/google/uuid"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// OSCALVersion is the NIST OSCAL release the OSCAL export writes and is validated against.
const OSCALVersion = oscal.Version

// The files of the OSCAL export, written together into one folder. The plan names the
// catalog and the results name the plan by these relative paths, so the folder travels whole.
const (
	OSCALCatalogFile = "catalog.json"
	OSCALPlanFile    = "assessment-plan.json"
	OSCALResultsFile = "assessment-results.json"
	OSCALPOAMFile    = "poam.json"
)

// OSCALFiles lists the files of the OSCAL export.
var OSCALFiles = []string{OSCALCatalogFile, OSCALPlanFile, OSCALResultsFile, OSCALPOAMFile}

// oscalNS qualifies the property names, part names and facet systems aimsbench defines, as
// OSCAL asks of any name NIST does not define. It also seeds the UUID namespace.
const oscalNS = "urn:aimsbench:oscal"

// oscalNamespace is the fixed UUID v5 namespace every identifier of the export is derived
// in, so the same data always gets the same UUIDs.
var oscalNamespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte(oscalNS))

// oscalExport holds what every OSCAL document of one assessment is built from.
type oscalExport struct {
	cat   *checklists.Catalogue
	a     *assessment.Assessment
	asOf  time.Time // the date the documents are dated with, midnight UTC
	sum   assessment.Summary
	items []checklists.Item // R: the clause requirements and the included controls
	ids   map[string]string // catalogue entry ID → OSCAL control or group ID
}

// newOSCALExport works out what the documents share: the date, the verdict, the items of R
// and the OSCAL ID of every catalogue entry, refusing a catalogue whose IDs would collide.
func newOSCALExport(cat *checklists.Catalogue, a *assessment.Assessment, opts Options) (*oscalExport, error) {
	x := &oscalExport{cat: cat, a: a, asOf: opts.reportDate(a), ids: map[string]string{}}
	x.sum = assessment.Evaluate(cat, a, x.asOf)
	for _, item := range cat.Assessable() {
		if a.InReadinessScope(item) {
			x.items = append(x.items, item)
		}
	}
	taken := map[string]string{}
	for _, it := range cat.Items {
		id := oscalID(it)
		if first, ok := taken[id]; ok {
			return nil, fmt.Errorf("the catalogue entries %q and %q would both get the OSCAL ID %q; give one of them another ID in the catalogue", first, it.ID, id)
		}
		taken[id] = it.ID
		x.ids[it.ID] = id
	}
	return x, nil
}

// oscalID turns a catalogue ID into an OSCAL token: lower case, with any character a token
// may not hold replaced by "_", and a prefix when it does not start with a letter ("4.1"
// becomes "clause-4.1", "A.6.2.4" becomes "a.6.2.4"). The catalogue ID stays in the label.
func oscalID(it checklists.Item) string {
	id := []rune(strings.ToLower(it.ID))
	for i, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".-_", r) {
			id[i] = '_'
		}
	}
	if len(id) > 0 && (unicode.IsLetter(id[0]) || id[0] == '_') {
		return string(id)
	}
	if it.Kind == checklists.KindObjective || it.Kind == checklists.KindControl {
		return "control-" + string(id)
	}
	return "clause-" + string(id)
}

// objectiveID is the ID of a control's assessment objective in the catalog: what a finding
// about that item targets.
func (x *oscalExport) objectiveID(item checklists.Item) string { return x.ids[item.ID] + "_obj" }

// uuid derives a stable UUID (v5) from the assessment's ID and the parts naming one thing of
// it, e.g. uuid("finding", "4.1").
func (x *oscalExport) uuid(kind string, parts ...string) string {
	return stableUUID(append([]string{kind, x.a.ID}, parts...)...)
}

// stableUUID is the UUID v5 of a name made of parts, in the export's namespace.
func stableUUID(parts ...string) string {
	return uuid.NewSHA1(oscalNamespace, []byte(strings.Join(parts, "\x00"))).String()
}

// oscalDocuments returns, by file name, a writer for each OSCAL document of an assessment.
func oscalDocuments(cat *checklists.Catalogue, a *assessment.Assessment, opts Options) (map[string]func(io.Writer) error, error) {
	x, err := newOSCALExport(cat, a, opts)
	if err != nil {
		return nil, err
	}
	build := map[string]func() oscal.OscalModels{
		OSCALCatalogFile: x.catalog,
		OSCALPlanFile:    x.plan,
		OSCALResultsFile: x.results,
		OSCALPOAMFile:    x.poam,
	}
	out := map[string]func(io.Writer) error{}
	for name, doc := range build {
		out[name] = func(w io.Writer) error { return encodeOSCAL(w, doc()) }
	}
	return out, nil
}

// exportOSCAL writes the OSCAL documents of an assessment into a folder, creating it (0700)
// when it does not exist yet, through the same staged writing as every other export.
func exportOSCAL(dir string, cat *checklists.Catalogue, a *assessment.Assessment, opts Options) error {
	docs, err := oscalDocuments(cat, a, opts)
	if err != nil {
		return err
	}
	created := false
	switch info, err := os.Stat(dir); {
	case errors.Is(err, os.ErrNotExist):
		// The folder is an output too: named like one of the database's companions (its
		// journal, its lock), it would stop the database from opening.
		if err := opts.mayWrite()(dir); err != nil {
			return err
		}
		if err := os.Mkdir(dir, 0o700); err != nil {
			return fmt.Errorf("cannot create the folder %s for the OSCAL files (does its parent folder exist?): %w", dir, err)
		}
		created = true
	case err != nil:
		return fmt.Errorf("cannot use %s for the OSCAL files: %w", dir, err)
	case !info.IsDir():
		return fmt.Errorf("%s is a file, but the OSCAL export writes several files; give --out a folder", dir)
	}
	files := map[string]func(io.Writer) error{}
	for name, write := range docs {
		files[filepath.Join(dir, name)] = write
	}
	if err := writeAtomic(files, opts.mayWrite()); err != nil {
		if created {
			os.Remove(dir)
		}
		return err
	}
	return nil
}

// encodeOSCAL writes one OSCAL document as indented JSON. Text is kept readable (no HTML
// escaping); encoding/json escapes what JSON requires.
func encodeOSCAL(w io.Writer, doc oscal.OscalModels) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode the OSCAL document: %w", err)
	}
	return nil
}

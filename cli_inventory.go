package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/userfile"
)

// inventoryOptions are the inventory import's flags.
type inventoryOptions struct {
	dryRun        bool // show the plan, write nothing
	deleteMissing bool // delete the systems the file no longer lists
}

// importInventory matches an inventory file to the assessment's inventory by name, as the
// workbench does: new systems are added, changed ones updated with the file's filled cells,
// unchanged ones left alone, and missing ones kept unless --delete-missing says otherwise, so
// importing the client's inventory twice holds each system once. All of it in one
// transaction, or nothing with --dry-run.
func importInventory(cmd *cobra.Command, s *session, id, path string, opts inventoryOptions) error {
	data, err := userfile.Read(path, assessment.MaxInventoryBytes, "the inventory file")
	if err != nil {
		return err
	}
	rows, err := assessment.ReadInventoryCSV(s.cat, data)
	if err != nil {
		return err
	}
	a, err := s.store.Load(id)
	if err != nil {
		return err
	}
	plan, err := assessment.PlanInventoryImport(a.Systems, rows)
	if err != nil {
		return err
	}
	rows = nil
	runtime.GC() // the parsed rows are copied into the plan: free them before the write, so a 100,000-row import holds one copy, not two
	w := cmd.OutOrStdout()
	if opts.dryRun {
		printInventoryPlan(w, plan, opts.deleteMissing, "would be ")
		fmt.Fprintln(w, "nothing was written (--dry-run)")
		return nil
	}
	if _, err := s.store.ImportInventory(id, plan, opts.deleteMissing); err != nil {
		return err
	}
	printInventoryPlan(w, plan, opts.deleteMissing, "")
	return nil
}

// printInventoryPlan says what an import does (or, with would "would be ", would do).
func printInventoryPlan(w io.Writer, plan assessment.InventoryPlan, deleteMissing bool, would string) {
	fmt.Fprintf(w, "%sadded: %d AI systems%s\n", would, len(plan.New), namesAfter(systemNames(plan.New)))
	var changed []string
	for _, u := range plan.Changed {
		changed = append(changed, fmt.Sprintf("%s (%s)", u.Stored.Name, strings.Join(u.Fields, ", ")))
	}
	fmt.Fprintf(w, "%supdated: %d%s\n", would, len(plan.Changed), namesAfter(shortNames(changed)))
	fmt.Fprintf(w, "unchanged: %d\n", len(plan.Unchanged))
	switch {
	case len(plan.Missing) == 0:
	case deleteMissing:
		fmt.Fprintf(w, "%sdeleted (not in the file): %d%s\n", would, len(plan.Missing), namesAfter(systemNames(plan.Missing)))
	default:
		fmt.Fprintf(w, "kept although not in the file: %d%s (--delete-missing removes them)\n", len(plan.Missing), namesAfter(systemNames(plan.Missing)))
	}
}

// importedNamesShown is how many names an import's report lists before it counts the rest.
const importedNamesShown = 10

// systemNames lists the first systems by name.
func systemNames(systems []assessment.AISystem) string {
	names := make([]string, len(systems))
	for i, sys := range systems {
		names[i] = sys.Name
	}
	return shortNames(names)
}

// shortNames joins the first names and counts the rest.
func shortNames(names []string) string {
	if more := len(names) - importedNamesShown; more > 0 {
		names = append(names[:importedNamesShown:importedNamesShown], fmt.Sprintf("and %d more", more))
	}
	return strings.Join(names, ", ")
}

// namesAfter puts a list of names after a count: ": a, b" or nothing.
func namesAfter(names string) string {
	if names == "" {
		return ""
	}
	return ": " + names
}

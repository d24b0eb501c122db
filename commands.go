package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"aimsbench/checklists"
)

// isCobraUsage recognises cobra's own argument errors, which are usage mistakes.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires exactly", "unknown flag", "unknown shorthand", "flag needs an argument", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func catalogueCmd(opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "catalogue",
		Short: "Print the active catalogue (IDs, titles, kinds)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := opts.loadCatalogue()
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), catalogueJSON(cat))
			}
			printTree(cmd.OutOrStdout(), cat)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// catalogueItemJSON is the stable JSON shape of one catalogue entry.
type catalogueItemJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Kind       string   `json:"kind"`
	Parent     string   `json:"parent"`
	Assessable bool     `json:"assessable"`
	Verify     string   `json:"verify,omitempty"`
	Evidence   string   `json:"evidence,omitempty"`
	Hint       string   `json:"hint,omitempty"`
	NIST       []string `json:"nist"`
	EUAIAct    []string `json:"eu_ai_act"`
}

func catalogueJSON(cat *checklists.Catalogue) any {
	items := make([]catalogueItemJSON, 0, len(cat.Items))
	for _, it := range cat.Items {
		items = append(items, catalogueItemJSON{
			ID: it.ID, Title: it.Title, Kind: string(it.Kind), Parent: it.Parent, Assessable: it.Assessable(),
			Verify: it.Verify, Evidence: it.Evidence, Hint: it.Hint,
			NIST: nonNil(it.NIST), EUAIAct: nonNil(it.EUAIAct),
		})
	}
	return struct {
		ID               string                          `json:"id"`
		Version          string                          `json:"version"`
		Title            string                          `json:"title"`
		Items            []catalogueItemJSON             `json:"items"`
		RequiredControls []checklists.ControlRequirement `json:"required_controls"`
		Sources          checklists.Sources              `json:"sources"`
	}{cat.ID, cat.Version, cat.Title, items, nonNilRows(cat.RequiredControls), cat.Sources}
}

func nonNilRows(s []checklists.ControlRequirement) []checklists.ControlRequirement {
	if s == nil {
		return []checklists.ControlRequirement{}
	}
	return s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func printTree(w io.Writer, cat *checklists.Catalogue) {
	fmt.Fprintf(w, "%s (%s, version %s)\n", cat.Title, cat.ID, cat.Version)
	for _, it := range cat.Items {
		indent := strings.Repeat("  ", cat.Depth(it.ID)+1)
		mark := " "
		if it.Assessable() {
			mark = "•"
		}
		fmt.Fprintf(w, "%s%s %-8s %s\n", indent, mark, it.ID, it.Title)
	}
	fmt.Fprintf(w, "\n• %d assessable items (%d clause requirements, %d Annex A controls)\n",
		len(cat.Assessable()), count(cat, checklists.KindClause), count(cat, checklists.KindControl))
	if cat.Sources.EUAIAct != "" {
		fmt.Fprintf(w, "EU AI Act articles (catalogue --json): %s\n", cat.Sources.EUAIAct)
	}
}

func count(cat *checklists.Catalogue, k checklists.Kind) int {
	n := 0
	for _, it := range cat.Items {
		if it.Kind == k {
			n++
		}
	}
	return n
}

func versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			v := version
			if info, ok := debug.ReadBuildInfo(); ok && v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
				v = info.Main.Version
			}
			cat, _ := checklists.Builtin()
			fmt.Fprintf(cmd.OutOrStdout(), "aimsbench %s (catalogue %s %s)\n", v, cat.ID, cat.Version)
		},
	}
}

package main

import (
	"github.com/spf13/cobra"

	"aimsbench/ui"
)

// runTUI opens the workbench on the chosen database.
func runTUI(cmd *cobra.Command, opts *options, exitAfterFirstFrame bool) error {
	s, err := opts.open(cmd)
	if err != nil {
		return err
	}
	defer s.store.Close()
	return ui.Run(s.store, s.cat, ui.Options{ExitAfterFirstFrame: exitAfterFirstFrame})
}

package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"aimsbench/store"
	"aimsbench/ui"
)

// runTUI opens the workbench on the chosen database. A database another session is editing
// opens read-only with a banner naming that session; so does one this user may not write.
func runTUI(cmd *cobra.Command, opts *options, exitAfterFirstFrame bool) error {
	s, err := opts.open(cmd)
	if err != nil {
		return err
	}
	defer func() { s.store.Close() }()
	banner := s.store.ReadOnlyReason()
	if !s.store.ReadOnly() {
		var inUse *store.InUseError
		switch err := s.store.Claim(); {
		case errors.As(err, &inUse):
			path := s.store.Path()
			s.store.Close()
			if s.store, err = store.OpenReadOnly(path); err != nil {
				return err
			}
			banner = fmt.Sprintf("Read-only: %s is being edited by %s. Close that session to edit here.", path, inUse.Holder)
			if inUse.Unrelated != "" {
				banner = "Read-only: " + inUse.Error()
			}
		case err != nil:
			return err
		}
	} else {
		banner = "Read-only: " + banner
	}
	return ui.Run(s.store, s.cat, ui.Options{ExitAfterFirstFrame: exitAfterFirstFrame, Banner: banner})
}

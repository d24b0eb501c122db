package main

import "github.com/spf13/cobra"

// exportCommands are the commands that write reports and exchange files: export, JSON
// import and compare.
func exportCommands(opts *options) []*cobra.Command { return nil }

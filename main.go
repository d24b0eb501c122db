// Command aimsbench is an offline workbench for ISO/IEC 42001 readiness assessments: a TUI
// for the assessor's day and a command line for scripts. This file only parses flags,
// builds the pieces and hands over to them.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"aimsbench/checklists"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// usageError marks a mistake in how the command was called (exit 2, not 1).
type usageError struct{ error }

// options are the flags every command accepts.
type options struct {
	db        string
	catalogue string
}

// catalogue loads the catalogue the user chose, or the built-in one.
func (o *options) loadCatalogue() (*checklists.Catalogue, error) {
	if o.catalogue == "" {
		return checklists.Builtin()
	}
	return checklists.LoadFile(o.catalogue)
}

func newRoot() *cobra.Command {
	opts := &options{}
	root := &cobra.Command{
		Use:           "aimsbench",
		Short:         "Offline ISO/IEC 42001 readiness assessment workbench",
		Long:          "aimsbench runs an ISO/IEC 42001 (AI management system) readiness assessment on one machine, with no network:\nscoping and AI system inventory, gap analysis, risk and impact, control testing, maturity, nonconformities and a PDF report.\nWithout a command it opens the terminal workbench.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
	}
	var exitAfterFirstFrame bool
	root.RunE = func(cmd *cobra.Command, _ []string) error { return runTUI(cmd, opts, exitAfterFirstFrame) }
	root.Flags().BoolVar(&exitAfterFirstFrame, "exit-after-first-frame", false, "quit after the first full frame (start-up benchmark)")
	root.Flags().MarkHidden("exit-after-first-frame")
	root.PersistentFlags().StringVar(&opts.db, "db", "", "database file (default $AIMSBENCH_DB, else the user data directory)")
	root.PersistentFlags().StringVar(&opts.catalogue, "catalogue", "", "catalogue JSON file to use instead of the built-in ISO/IEC 42001:2023 one")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newCmd(opts), demoCmd(opts), listCmd(opts), summaryCmd(opts), assessCmd(opts),
		importCmd(opts), copyCmd(opts), requestCmd(opts), verifyCmd(opts), backupCmd(opts), catalogueCmd(opts), versionCmd(), proposalsCmd(opts))
	root.AddCommand(exportCommands(opts)...)
	root.AddCommand(finaliseCmd(opts), reopenCmd(opts), verifyBundleCmd(), mergeCmd(opts))
	return root
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run executes one command line and returns the exit code: 0 ok, 1 failed, 2 usage. Every
// byte it writes goes through the visibility filter (visibleWriter); the workbench draws its
// own screen.
func run(args []string, stdout, stderr io.Writer) int {
	out, errOut := &visibleWriter{w: stdout}, &visibleWriter{w: stderr}
	defer out.Flush()
	defer errOut.Flush()
	return execute(args, out, errOut)
}

func execute(args []string, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "aimsbench:", err)
	var u usageError
	if errors.As(err, &u) || isCobraUsage(err) {
		fmt.Fprintln(stderr, "Run 'aimsbench --help' for usage.")
		return 2
	}
	return 1
}

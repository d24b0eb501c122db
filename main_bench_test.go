//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// BenchmarkStartup times the built binary from process start to the first full frame of the
// home screen (--exit-after-first-frame) on a database holding the standard demo, 50 new
// assessments and the large demo, in a 160×50 pseudo-terminal. Target: 200 ms.
// scripts/startup.sh measures the same from the shell.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "aimsbench")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "startup.db")
	setup := [][]string{{"demo"}}
	for i := range 50 {
		setup = append(setup, []string{"new", "--org", fmt.Sprintf("Client %d", i+1)})
	}
	setup = append(setup, []string{"demo", "--size", "large"})
	for _, args := range setup {
		if out, err := exec.Command(bin, append(args, "--db", db)...).CombinedOutput(); err != nil {
			b.Fatalf("aimsbench %v: %v\n%s", args, err, out)
		}
	}
	if frame := firstFrame(b, bin, db); !bytes.Contains(frame, []byte("Client 50")) {
		b.Fatalf("the first frame does not list the assessments:\n%q", frame)
	}
	var samples []time.Duration
	for b.Loop() {
		start := time.Now()
		firstFrame(b, bin, db)
		samples = append(samples, time.Since(start))
	}
	slices.Sort(samples)
	b.ReportMetric(float64(samples[len(samples)/2].Microseconds())/1000, "median-ms")
}

// firstFrame runs the workbench in a new 160×50 pseudo-terminal until it quits after its
// first full frame, and returns what it wrote.
func firstFrame(b *testing.B, bin, db string) []byte {
	b.Helper()
	master, tty := openPTY(b, 160, 50)
	defer master.Close()
	cmd := exec.Command(bin, "--db", db, "--exit-after-first-frame")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		tty.Close()
		b.Fatal(err)
	}
	tty.Close()
	var out bytes.Buffer
	read := make(chan struct{})
	go func() { io.Copy(&out, master); close(read) }() // ends with EIO once the child is gone
	if err := cmd.Wait(); err != nil {
		b.Fatalf("aimsbench --exit-after-first-frame: %v\n%s", err, out.Bytes())
	}
	<-read
	return out.Bytes()
}

// openPTY opens a pseudo-terminal pair of the given size.
func openPTY(b *testing.B, cols, rows uint16) (master, tty *os.File) {
	b.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		b.Skipf("no pseudo-terminals here: %v", err)
	}
	var n uint32
	var unlock int32
	if err := ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		b.Fatal(err)
	}
	if err := ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		b.Fatal(err)
	}
	if tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0); err != nil {
		b.Fatal(err)
	}
	size := [4]uint16{rows, cols, 0, 0}
	if err := ioctl(tty, syscall.TIOCSWINSZ, unsafe.Pointer(&size)); err != nil {
		b.Fatal(err)
	}
	return master, tty
}

func ioctl(f *os.File, req uintptr, arg unsafe.Pointer) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), req, uintptr(arg)); errno != 0 {
		return errno
	}
	return nil
}

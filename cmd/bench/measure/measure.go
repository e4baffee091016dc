// Package measure times the benchmarks' child processes: wall time, CPU
// time and peak resident memory. Each measured step runs in a process of
// its own, so that its peak memory is its own.
package measure

import (
	"errors"
	"os/exec"
	"syscall"
	"time"
)

// Usage is what a process took.
type Usage struct {
	Wall    time.Duration
	CPU     time.Duration // user and system time, over all its threads
	PeakKiB int64         // its maximum resident set
}

// Run runs cmd and measures it.
func Run(cmd *exec.Cmd) (Usage, error) {
	start := time.Now()
	err := cmd.Run()
	u := Usage{Wall: time.Since(start)}
	if err != nil {
		return u, err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return u, errors.New("no rusage on this system")
	}
	u.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	u.PeakKiB = ru.Maxrss // KiB on Linux
	return u, nil
}

// Best keeps the shortest wall and CPU times and the highest peak memory of
// two runs of one step (the zero Usage stands for none yet).
func (u Usage) Best(v Usage) Usage {
	if u.Wall == 0 || v.Wall < u.Wall {
		u.Wall = v.Wall
	}
	if u.CPU == 0 || v.CPU < u.CPU {
		u.CPU = v.CPU
	}
	u.PeakKiB = max(u.PeakKiB, v.PeakKiB)
	return u
}

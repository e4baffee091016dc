package measure

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// SampleTree samples, every interval until stop is called, the memory of a
// process and its children (a database server's processes): the sum of
// their proportional set sizes, which shares each shared page (the
// server's buffers) among the processes mapping it rather than counting
// it once per process. stop returns the highest sum seen, in KiB.
func SampleTree(root int, every time.Duration) (stop func() int64) {
	done, peak := make(chan struct{}), make(chan int64)
	go func() {
		var high int64
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			high = max(high, treePSS(root))
			select {
			case <-done:
				peak <- high
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(done)
		return <-peak
	}
}

// treePSS is the summed proportional set size of a process and its
// children, in KiB; 0 on a system without /proc.
func treePSS(root int) int64 {
	total := pss(root)
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, stat := range stats {
		b, err := os.ReadFile(stat)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so read after
		// its closing parenthesis.
		fields := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(fields) > 1 && fields[1] == strconv.Itoa(root) {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(stat)))
			total += pss(pid)
		}
	}
	return total
}

// pss is a process's proportional set size in KiB, 0 when it has ended.
func pss(pid int) int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/smaps_rollup")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "Pss:"); ok {
			kib, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kib
		}
	}
	return 0
}

//go:build !linux && !darwin

package outdir

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

// lock is a lock file beside the output folder, created exclusively and
// removed on release. A process killed while it holds it leaves it behind:
// the message of the next run says to remove it.
type lock struct{ path string }

func acquire(path, dir string) (*lock, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		holder, _ := os.ReadFile(path)
		return nil, fmt.Errorf("%w; if no run is writing it, remove %s", busy(dir, path, string(holder)), path)
	}
	if err != nil {
		return nil, err
	}
	f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	f.Close()
	return &lock{path}, nil
}

func (l *lock) release() { os.Remove(l.path) }

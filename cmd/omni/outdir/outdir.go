// Package outdir writes a run's outputs into their folder as one set: the
// files of the new set take the place of those of the previous one all at
// once, or nothing changes — also when the run is killed or the disk is
// full. One run at a time may write a folder.
//
// The new set is written into a staging folder beside the output folder
// (so on the same file system), each file synced, then the two folders
// are exchanged by one atomic rename (renameat2 RENAME_EXCHANGE on Linux,
// renamex_np RENAME_SWAP on macOS) and the previous set, now in the
// staging folder's place, is removed. Where the file system cannot
// exchange, the output folder is renamed aside and the staging folder
// renamed in: a run killed between the two leaves no output folder, and
// the next run puts the previous set back before anything else.
package outdir

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Set is a set of outputs being written.
type Set struct {
	dir       string // the output folder, absolute, its symlink followed
	staging   string // where the new set is written, beside dir
	lock      *lock
	committed bool
}

// Begin takes the lock of the output folder dir and opens a staging folder
// for its new set, after clearing what a killed run left beside it. A dir
// that exists must be empty or hold marker, a file every set has: the new
// set replaces the folder whole, and must not take along files that are
// not outputs.
func Begin(dir, marker string) (*Set, error) {
	dir, err := resolve(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	l, err := acquire(siblingPath(dir, "lock"), dir)
	if err != nil {
		return nil, err
	}
	s := &Set{dir: dir, lock: l}
	if err := s.prepare(marker); err != nil {
		l.release()
		return nil, err
	}
	return s, nil
}

// prepare clears what a killed run left, checks that the folder holds
// outputs only, and opens the staging folder.
func (s *Set) prepare(marker string) (err error) {
	if err := s.recover(); err != nil {
		return err
	}
	if err := checkOwned(s.dir, marker); err != nil {
		return err
	}
	s.staging, err = os.MkdirTemp(filepath.Dir(s.dir), siblingName(s.dir, "new-*"))
	return err
}

// Write writes a file of the new set, name being a plain file name, and
// syncs it to disk.
func (s *Set) Write(name string, write func(io.Writer) error) error {
	if !filepath.IsLocal(name) || filepath.Base(name) != name {
		return fmt.Errorf("output file name %q is not a plain file name", name)
	}
	f, err := os.OpenFile(filepath.Join(s.staging, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(f)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(s.dir, name), err)
	}
	return nil
}

// Commit puts the new set in the place of the output folder and removes
// the previous set.
func (s *Set) Commit() error {
	if err := syncDir(s.staging); err != nil {
		return err
	}
	previous, err := swap(s.staging, s.dir)
	if err != nil {
		return err
	}
	s.committed = true
	if err := syncDir(filepath.Dir(s.dir)); err != nil {
		return err
	}
	// A failure to remove the previous set leaves it beside the folder,
	// where the next run removes it.
	os.RemoveAll(previous)
	return nil
}

// Close removes the staging folder of a set not committed, and releases
// the lock. The lock file stays: removing it would let a run waiting on
// the old file and one creating a new file both hold "the" lock.
func (s *Set) Close() {
	if !s.committed {
		os.RemoveAll(s.staging)
	}
	s.lock.release()
}

// swap puts the staged folder in the place of dir and returns where the
// previous set is now.
func swap(staged, dir string) (previous string, err error) {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return "", os.Rename(staged, dir)
	}
	switch err := exchange(staged, dir); {
	case err == nil:
		return staged, nil
	case !errors.Is(err, errors.ErrUnsupported):
		return "", err
	}
	return swapAside(staged, dir)
}

// swapAside swaps in two renames, for file systems that cannot exchange:
// dir aside to a name recover looks for, then the staged folder in.
func swapAside(staged, dir string) (previous string, err error) {
	aside := siblingPath(dir, "old-"+strings.TrimPrefix(filepath.Base(staged), siblingName(dir, "new-")))
	if err := os.Rename(dir, aside); err != nil {
		return "", err
	}
	if err := os.Rename(staged, dir); err != nil {
		// Put the previous set back: best effort, and recover does it otherwise.
		os.Rename(aside, dir)
		return "", err
	}
	return aside, nil
}

// recover clears what a killed run left beside the folder: a staging
// folder, a previous set not yet removed, or — killed between the two
// renames of swapAside — no folder but a previous set, which it puts back.
func (s *Set) recover() error {
	parent := filepath.Dir(s.dir)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	var staged, previous []string
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasPrefix(name, siblingName(s.dir, "new-")):
			staged = append(staged, filepath.Join(parent, name))
		case strings.HasPrefix(name, siblingName(s.dir, "old-")):
			previous = append(previous, filepath.Join(parent, name))
		}
	}
	if _, err := os.Lstat(s.dir); errors.Is(err, os.ErrNotExist) && len(previous) > 0 {
		if err := os.Rename(previous[0], s.dir); err != nil {
			return err
		}
		previous = previous[1:]
	}
	for _, p := range append(staged, previous...) {
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	return nil
}

// siblingName names a file beside dir that belongs to it: .<name>.<suffix>.
func siblingName(dir, suffix string) string { return "." + filepath.Base(dir) + "." + suffix }

// siblingPath is the path of siblingName.
func siblingPath(dir, suffix string) string {
	return filepath.Join(filepath.Dir(dir), siblingName(dir, suffix))
}

// resolve makes dir absolute, following it when it is a symbolic link, so
// that the swap replaces the folder and not the link.
func resolve(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return abs, nil
	case err != nil:
		return "", err
	case info.Mode()&os.ModeSymlink != 0:
		return filepath.EvalSymlinks(abs)
	}
	return abs, nil
}

// checkOwned checks that dir, when it exists, is a folder that is empty or
// holds marker.
func checkOwned(dir, marker string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	for _, e := range entries {
		if e.Name() == marker {
			return nil
		}
	}
	return fmt.Errorf("%s holds files a run did not write (%s, no %s): a run replaces its output folder whole; give an empty or new folder", dir, entries[0].Name(), marker)
}

// syncDir syncs a folder's entries to disk.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// busy is the error of a second run on a locked folder.
func busy(dir, lockPath, holder string) error {
	by := "another run"
	if holder != "" {
		by += " (process " + holder + ")"
	}
	return fmt.Errorf("%s is writing %s (it holds %s): wait for it to end, or write elsewhere", by, dir, lockPath)
}

package outdir

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const marker = "state.json"

// writeSet writes a set of files, each holding its name and version.
func writeSet(t *testing.T, dir, version string, names ...string) {
	t.Helper()
	s, err := Begin(dir, marker)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, n := range names {
		if err := s.Write(n, func(w io.Writer) error { _, err := io.WriteString(w, n+" "+version); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// listing is the folder's files with their contents, and what lies beside it.
func listing(t *testing.T, dir string) (files, beside []string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		files = append(files, string(b))
	}
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		beside = append(beside, e.Name())
	}
	return files, beside
}

func TestCommitReplacesTheSetWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	writeSet(t, dir, "v1", "a.json", "a.html", marker)
	writeSet(t, dir, "v2", "a.json", marker)
	files, beside := listing(t, dir)
	if want := []string{"a.json v2", "state.json v2"}; !slices.Equal(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if want := []string{".out.lock", "out"}; !slices.Equal(beside, want) {
		t.Errorf("beside the folder: %q, want %q", beside, want)
	}
}

func TestFailedRunLeavesThePreviousSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	writeSet(t, dir, "v1", "a.json", "a.html", marker)
	s, err := Begin(dir, marker)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write("a.json", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	err = s.Write("a.html", func(w io.Writer) error { io.WriteString(w, "half"); return full })
	if !errors.Is(err, full) || !strings.Contains(err.Error(), filepath.Join(dir, "a.html")) {
		t.Errorf("error %v, want the write's, naming the file", err)
	}
	s.Close()
	files, beside := listing(t, dir)
	if want := []string{"a.html v1", "a.json v1", "state.json v1"}; !slices.Equal(files, want) {
		t.Errorf("files %q, want the previous set %q", files, want)
	}
	if want := []string{".out.lock", "out"}; !slices.Equal(beside, want) {
		t.Errorf("beside the folder: %q, want %q", beside, want)
	}
}

func TestSecondWriterFails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	s, err := Begin(dir, marker)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Begin(dir, marker)
	want := "another run (process " + strconv.Itoa(os.Getpid()) + ") is writing " + dir + " (it holds " + siblingPath(dir, "lock") + "): wait for it to end, or write elsewhere"
	if err == nil || err.Error() != want {
		t.Errorf("second Begin: %v\nwant %s", err, want)
	}
	s.Close()
	s, err = Begin(dir, marker)
	if err != nil {
		t.Fatalf("Begin after Close: %v", err)
	}
	s.Close()
}

// A run killed at any step leaves one of these; the next run cleans up,
// and the folder holds the previous set or the new one, never a mix.
func TestRecoversWhatAKilledRunLeft(t *testing.T) {
	for _, c := range []struct {
		name     string
		leftover func(dir string)
		want     []string
	}{
		{"while writing", func(dir string) {
			writeSet(t, dir, "v1", "a.json", marker)
			os.MkdirAll(siblingPath(dir, "new-1"), 0o755)
			os.WriteFile(filepath.Join(siblingPath(dir, "new-1"), "a.json"), []byte("half"), 0o644)
		}, []string{"a.json v1", "state.json v1"}},
		{"before removing the previous set", func(dir string) {
			writeSet(t, dir, "v2", "a.json", marker)
			os.MkdirAll(siblingPath(dir, "new-1"), 0o755)
			os.WriteFile(filepath.Join(siblingPath(dir, "new-1"), "a.json"), []byte("a.json v1"), 0o644)
		}, []string{"a.json v2", "state.json v2"}},
		{"between the renames of swapAside", func(dir string) {
			writeSet(t, dir, "v1", "a.json", marker)
			os.Rename(dir, siblingPath(dir, "old-1"))
			os.MkdirAll(siblingPath(dir, "new-1"), 0o755)
			os.WriteFile(filepath.Join(siblingPath(dir, "new-1"), "a.json"), []byte("a.json v2"), 0o644)
		}, []string{"a.json v1", "state.json v1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			c.leftover(dir)
			s, err := Begin(dir, marker)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			files, beside := listing(t, dir)
			if !slices.Equal(files, c.want) {
				t.Errorf("files %q, want %q", files, c.want)
			}
			if want := []string{".out.lock", "out"}; !slices.Equal(beside, want) {
				t.Errorf("beside the folder: %q, want %q", beside, want)
			}
		})
	}
}

func TestSwapAside(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	writeSet(t, dir, "v1", "a.json", marker)
	staged := siblingPath(dir, "new-7")
	os.MkdirAll(staged, 0o755)
	os.WriteFile(filepath.Join(staged, "a.json"), []byte("a.json v2"), 0o644)
	previous, err := swapAside(staged, dir)
	if err != nil {
		t.Fatal(err)
	}
	if previous != siblingPath(dir, "old-7") {
		t.Errorf("previous set in %s, want %s", previous, siblingPath(dir, "old-7"))
	}
	if files, _ := listing(t, dir); !slices.Equal(files, []string{"a.json v2"}) {
		t.Errorf("files %q, want the new set", files)
	}
	if files, _ := listing(t, previous); !slices.Equal(files, []string{"a.json v1", "state.json v1"}) {
		t.Errorf("aside %q, want the previous set", files)
	}
}

func TestRefusesAFolderOfOtherFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	_, err := Begin(dir, marker)
	want := dir + " holds files a run did not write (notes.txt, no state.json): a run replaces its output folder whole; give an empty or new folder"
	if err == nil || err.Error() != want {
		t.Errorf("Begin: %v\nwant %s", err, want)
	}
}

func TestRefusesAPathForAName(t *testing.T) {
	s, err := Begin(filepath.Join(t.TempDir(), "out"), marker)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, name := range []string{"../escape.json", "sub/a.json", "/abs.json", ""} {
		if err := s.Write(name, func(io.Writer) error { return nil }); err == nil {
			t.Errorf("Write(%q) succeeded", name)
		}
	}
}

func TestFollowsALinkedFolder(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	writeSet(t, real, "v1", "a.json", marker)
	link := filepath.Join(root, "out")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	writeSet(t, link, "v2", "a.json", marker)
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if files, _ := listing(t, real); !slices.Equal(files, []string{"a.json v2", "state.json v2"}) {
		t.Errorf("files %q, want the new set", files)
	}
}

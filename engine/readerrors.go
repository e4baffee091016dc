package engine

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/engine/escape"
)

// duckDBMessage says what is wrong from a DuckDB error. An error reading a
// CSV file spans many lines (the line's text, possible solutions, every
// option): it is written as the file, the line and the reason. Any other
// error is its first line. Both hold text from the data, made one line of
// plain text.
func duckDBMessage(err error) string {
	msg := err.Error()
	if csv, ok := csvError(msg); ok {
		return escape.TerminalLine(csv)
	}
	first, _, _ := strings.Cut(msg, "\n")
	return escape.TerminalLine(first)
}

var (
	csvErrorLine  = regexp.MustCompile(`CSV Error on Line: (\d+)`)
	csvErrorFile  = regexp.MustCompile(`(?m)^\s*file = (.*)$`)
	csvConversion = regexp.MustCompile(`^Error when converting column "(.*)"\. Could not convert string (.*) to '(.*)'$`)
	csvLineSize   = regexp.MustCompile(`^Maximum line size of (\d+) bytes exceeded`)
)

// csvError rewrites DuckDB's error reading a CSV file as file:line: reason.
func csvError(msg string) (string, bool) {
	line, file := csvErrorLine.FindStringSubmatch(msg), csvErrorFile.FindStringSubmatch(msg)
	if line == nil || file == nil {
		return "", false
	}
	// The reason follows the line's text, when DuckDB quotes it.
	rest := strings.Split(msg, "\n")[1:]
	if len(rest) > 0 && strings.HasPrefix(rest[0], "Original Line:") {
		rest = rest[1:]
	}
	reason := ""
	if len(rest) > 0 {
		reason = rest[0]
	}
	at := line[1]
	if m := csvConversion.FindStringSubmatch(reason); m != nil {
		reason = fmt.Sprintf("column %q: %s is not a %s. Declare the column's type in the source (types = { %s = \"VARCHAR\" }), or correct the value.", m[1], m[2], m[3], m[1])
	}
	if m := csvLineSize.FindStringSubmatch(reason); m != nil {
		// DuckDB counts the line wrong here: find it.
		limit, _ := strconv.Atoi(m[1])
		if n, err := firstLongLine(file[1], limit); err == nil && n > 0 {
			at = strconv.Itoa(n)
		}
		reason = fmt.Sprintf("the line is longer than %s bytes, the most a CSV line may have.", m[1])
	}
	return fmt.Sprintf("%s:%s: %s", file[1], at, strings.TrimSpace(reason)), true
}

// firstLongLine is the number of the first line of a file longer than
// limit bytes, 0 when none is.
func firstLongLine(path string, limit int) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for n, length := 1, 0; ; {
		chunk, err := r.ReadSlice('\n')
		length += len(chunk)
		if length > limit+1 { // the newline does not count
			return n, nil
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			return 0, nil
		case err != nil:
			return 0, err
		}
		n, length = n+1, 0
	}
}

package engine

import (
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/engine/dialect"
)

// This file writes the parts of an attribution query that group whole
// journeys: by their set of keys, by their path (the top paths, and the
// path summary that Fractribution and Shao–Li read).
//
//	step_keys      the steps' distinct keys (and labels), numbered from 0, and the bits of
//	               a step in a path's code (__width)
//	path_names     the keys and the labels as lists, in the order of their numbers
//	journey_paths  each journey: its set of keys, as the bits of an integer (__key_bits) when
//	               there are at most 63 keys, else as the sorted list of their numbers
//	               (__key_list); its path, as an integer whose digits of __width bits are
//	               its steps' label numbers plus one, first step lowest (__path_code), when
//	               they fit in 63 bits, else as a sorted list of integers, each a step's
//	               position (high 32 bits) and label number (low 32 bits) (__path)
//
// Built and grouped so, the sets and paths took half the CPU time that
// lists of texts did (0.10 s against 0.22 s at 1M touchpoints, whose
// 99,000 journeys fall into 255 sets and 60,000 paths); a set's bits group
// in 0.3 s at 10M touchpoints, a list of numbers in 0.7 s, and a bit
// string would grow with the number of keys in every journey. A path's
// code, an or of its steps' digits, halved the CPU time of the grouping
// and the paths' counts against sorted lists (0.7-0.8 s against 1.4 s at
// 10M touchpoints, where 99.5 % of the journeys fit in 63 bits). Only the
// groups are decoded, by path_names, into the texts the engine reads back.

// lowBits keeps a path item's label number.
const lowBits = "(step & 4294967295) + 1"

// maxKeyBits is the most keys whose sets are the bits of a BIGINT, and
// the most bits of a path's code.
const maxKeyBits = 63

// maxDigitBits is the most bits of a step's digit in a path's code: 63
// labels at most.
const maxDigitBits = 6

// pathNames are the names of path_names' lists: the keys by bit, the
// labels and their keys by label number. Without labels, a step's label
// is its key, and its number its key's bit.
type pathNames struct{ keys, labels, labelKeys string }

// addJourneyPaths adds the steps that give each journey its set of keys
// and, when the top paths or the path summary read it, its path; selects
// are the per-journey columns before them, from the steps grouped by
// groupBy. It gives the names of path_names' lists.
func (q *query) addJourneyPaths(g *JourneyGroup, selects, groupBy string) pathNames {
	d := q.dialect()
	keys, numbers := "SELECT DISTINCT __key FROM steps", "dense_rank() OVER (ORDER BY "+d.Bytewise("__key")+") - 1 AS __bit"
	names := pathNames{"__key_names", "__key_names", "__key_names"}
	lists := d.ListBy("__key", "__bit") + " AS __key_names"
	steps, number := "steps JOIN step_keys USING (__key)", "__bit"
	counts, numbersN := "max(__bit) OVER () + 1 AS __keys_n", "__keys_n"
	withPaths := g.topPaths() > 0 || g.summarised
	if withPaths && pathTransform(g.Attributions[0].Def) == "frequency" {
		const label = "__key || '(' || __repeats || ')' AS __label"
		keys = "SELECT DISTINCT __key, " + label + " FROM steps"
		numbers += ",\n           row_number() OVER (ORDER BY " + d.Bytewise("__label") + ") - 1 AS __no"
		names = pathNames{"__key_names", "__labels", "__label_keys"}
		lists = d.ListBy("__label", "__no") + " AS __labels, " + d.ListBy("__key", "__no") + " AS __label_keys,\n       " +
			"(SELECT " + d.ListBy("__key", "__bit") + " FROM (SELECT DISTINCT __key, __bit FROM step_keys)" + d.Alias("keys") + ") AS __key_names"
		steps, number = "(SELECT *, "+label+" FROM steps)"+d.Alias("labelled")+" JOIN step_keys USING (__key, __label)", "__no"
		counts, numbersN = counts+", max(__no) OVER () + 1 AS __labels_n", "__labels_n"
	}
	comment := "the steps' keys, numbered in order, and how many there are"
	body := "SELECT *, " + counts + "\nFROM (\n    SELECT *,\n           " + numbers + "\n    FROM (" + keys + ")" + d.Alias("keys") + "\n)" + d.Alias("numbered")
	if withPaths {
		comment += ", and the bits of a step's digit in a path's code"
		body = "SELECT *, " + digitWidth(numbersN) + " AS __width\nFROM (\n" + indent(body) + "\n)" + d.Alias("counted")
		lists += ", max(__width) AS __width"
	}
	q.addHinted("step_keys", "MATERIALIZED", comment, body)
	q.add("path_names", "the keys and labels of the steps in the order of their numbers", "SELECT "+lists+"\nFROM step_keys")
	few := fmt.Sprintf("__keys_n <= %d", maxKeyBits)
	columns := "bit_or(CASE WHEN " + few + " THEN CAST(1 AS BIGINT) << CAST(__bit AS INTEGER) END) AS __key_bits,\n       " +
		d.SortedSet("__bit", "NOT "+few) + " AS __key_list"
	if withPaths {
		coded := fmt.Sprintf("coalesce(__n * __width <= %d, FALSE)", maxKeyBits)
		columns += ",\n       bit_or(CASE WHEN " + coded + " THEN CAST(" + number + " + 1 AS BIGINT) << CAST(__width * (__pos - 1) AS INTEGER) END) AS __path_code,\n       " +
			d.SortedList("(__pos << 32) | "+number, "NOT "+coded) + " AS __path"
	}
	q.addHinted("journey_paths", "MATERIALIZED", "each journey: its set of keys and its path",
		"SELECT "+selects+"\n       "+columns+"\nFROM "+steps+"\nGROUP BY "+groupBy)
	return names
}

// digitWidth is the bits of a digit that holds the numbers 1 to n, and
// null beyond maxDigitBits.
func digitWidth(n string) string {
	ladder := "CASE"
	for w := 1; w <= maxDigitBits; w++ {
		ladder += fmt.Sprintf(" WHEN %s < %d THEN %d", n, 1<<w, w)
	}
	return ladder + " END"
}

// pathNumbers is the list of a journey_paths row's label numbers plus one,
// in the order of its steps, from its code or from its list.
func pathNumbers(d dialect.Dialect) string {
	return "CASE WHEN __path_code IS NOT NULL THEN " + d.Digits("__path_code", "__width", maxKeyBits) +
		" ELSE " + d.Map("__path", "step", lowBits) + " END"
}

// journeySets gives the journeys of each set of keys: their number, their
// conversions and their value, per scope and segment.
func (q *query) journeySets(count string, names pathNames) dialect.Select {
	d := q.dialect()
	keys := "CASE WHEN __key_bits IS NOT NULL THEN " + d.SetBits("__key_bits", maxKeyBits, names.keys) +
		" ELSE " + d.Map("__key_list", "k", d.Index(names.keys, "k + 1")) + " END"
	return dialect.Select{SQL: "SELECT 'set' AS __kind, __scope, __segment, " + keys + " AS __keys, __conversions, __journeys, __value\n" +
		"FROM (\n" +
		"    SELECT __scope, __segment, __key_bits, __key_list, " + count + " FILTER (WHERE __converting) AS __conversions, " + count + " AS __journeys,\n" +
		"           coalesce(sum(__journey_value) FILTER (WHERE __converting), 0) AS __value\n" +
		"    FROM " + strings.ReplaceAll(q.fanOut("journey_paths", ""), "\n", "\n    ") + "\n" +
		"    GROUP BY __scope, __segment, __key_bits, __key_list\n" +
		")" + d.Alias("sets") + " CROSS JOIN path_names",
		Columns: []string{"__kind", "__scope", "__segment", "__keys", "__conversions", "__journeys", "__value"}}
}

// pathSummary gives every path with its conversions, non-conversions and
// value, per scope and segment, as the lists of its labels and of its keys.
func (q *query) pathSummary(count string, names pathNames) dialect.Select {
	d := q.dialect()
	return dialect.Select{SQL: "SELECT 'summary' AS __kind, __scope, __segment, " +
		d.Map(pathNumbers(d), "n", d.Index(names.labels, "n")) + " AS __steps,\n       " +
		d.Map(pathNumbers(d), "n", d.Index(names.labelKeys, "n")) + " AS __step_keys, __conversions, __non_conversions, __value\n" +
		"FROM (\n" +
		"    SELECT __scope, __segment, __path_code, __path, " + count + " FILTER (WHERE __converting) AS __conversions,\n" +
		"           " + count + " FILTER (WHERE NOT __converting) AS __non_conversions, coalesce(sum(__journey_value) FILTER (WHERE __converting), 0) AS __value\n" +
		"    FROM " + strings.ReplaceAll(q.fanOut("journey_paths", ""), "\n", "\n    ") + "\n" +
		"    GROUP BY __scope, __segment, __path_code, __path\n" +
		")" + d.Alias("summaries") + " CROSS JOIN path_names",
		Columns: []string{"__kind", "__scope", "__segment", "__steps", "__step_keys", "__conversions", "__non_conversions", "__value"}}
}

// topPaths gives the most frequent paths of each scope, at most n of each
// kind: those with the most conversions and those with the most journeys
// that did not convert, each with its conversions, its non-conversions and
// their value; ties by the path's text, byte by byte. Every path is counted, but only
// those whose count reaches the nth largest are decoded and sorted.
func (q *query) topPaths(count string, n int, names pathNames) dialect.Select {
	d := q.dialect()
	q.add("path_counts", "each path of each scope: its conversions, non-conversions and value",
		"SELECT __scope, __path_code, __path, "+count+" FILTER (WHERE __converting) AS __conversions, "+count+" FILTER (WHERE NOT __converting) AS __non_conversions,\n"+
			"       coalesce(sum(__journey_value) FILTER (WHERE __converting), 0) AS __value\n"+
			"FROM journey_paths\nGROUP BY __scope, __path_code, __path")
	reaches := func(by string) string { return "p." + by + " > 0 AND p." + by + " >= t.__least" + by }
	q.add("path_candidates", fmt.Sprintf("the paths of each scope whose conversions or non-conversions are among the %d largest", n),
		"SELECT p.*, "+reaches("__conversions")+" AS __by__conversions, "+reaches("__non_conversions")+" AS __by__non_conversions\n"+
			"FROM path_counts AS p JOIN (\n"+
			"    SELECT __scope, "+d.NthLargest("__conversions", n)+" AS __least__conversions,\n"+
			"           "+d.NthLargest("__non_conversions", n)+" AS __least__non_conversions\n"+
			"    FROM path_counts\n    GROUP BY __scope\n) AS t USING (__scope)\n"+
			"WHERE "+reaches("__conversions")+" OR "+reaches("__non_conversions"))
	top := func(by string) string {
		return fmt.Sprintf("__by%s AND row_number() OVER (PARTITION BY __scope ORDER BY %s, %s) <= %d", by, d.Descending(by), d.Bytewise("__path"), n)
	}
	sql := d.Qualify("SELECT 'path' AS __kind, __scope, '*' AS __segment, __path, __conversions, __non_conversions, __value",
		"\nFROM (\n    SELECT __scope, array_to_string("+d.Map(pathNumbers(d), "n", d.Index(names.labels, "n"))+", ' > ') AS __path,\n"+
			"           __conversions, __non_conversions, __value, __by__conversions, __by__non_conversions\n"+
			"    FROM path_candidates CROSS JOIN path_names\n)"+d.Alias("candidates"),
		top("__conversions")+"\n     OR "+top("__non_conversions"))
	return dialect.Select{SQL: sql, Columns: []string{"__kind", "__scope", "__segment", "__path", "__conversions", "__non_conversions", "__value"}}
}

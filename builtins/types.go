package builtins

import (
	"reflect"
	"time"
)

// Type is the type of a formula value, as the formula language sees it.
type Type uint8

// The formula types. Any stands for a value whose type is not known yet.
const (
	Any Type = iota
	Int
	Float
	String
	Bool
	Time
	StringList
)

var typeNames = [...]string{"any", "integer", "number", "string", "bool", "time", "list of strings"}

// String names the type as diagnostics and the documentation do.
func (t Type) String() string { return typeNames[t] }

// Numbers accept integers and decimals.
var Numbers = []Type{Int, Float}

// Go is the Go type that stands for t in the expr type checker.
func (t Type) Go() reflect.Type {
	switch t {
	case Int:
		return reflect.TypeOf(0)
	case Float:
		return reflect.TypeOf(0.0)
	case String:
		return reflect.TypeOf("")
	case Bool:
		return reflect.TypeOf(true)
	case Time:
		return reflect.TypeOf(time.Time{})
	case StringList:
		return reflect.TypeOf([]string{})
	}
	return reflect.TypeOf((*any)(nil)).Elem()
}

// TypeOf maps a Go type from the expr type checker back to a formula type.
func TypeOf(t reflect.Type) Type {
	if t == nil {
		return Any
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return Int
	case reflect.Float32, reflect.Float64:
		return Float
	case reflect.String:
		return String
	case reflect.Bool:
		return Bool
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return StringList
		}
	case reflect.Struct:
		if t == reflect.TypeOf(time.Time{}) {
			return Time
		}
	}
	return Any
}

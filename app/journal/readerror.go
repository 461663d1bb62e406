package journal

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"time"
)

// readError says, as a person would, why a JSON value could not be read
// into an entry: a date that is not one of this app's dates, a value of
// the wrong sort ("severity should be a whole number, not text"). It never
// shows Go's type names or time layouts.
func readError(err error) error {
	var perr *time.ParseError
	var terr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &perr):
		return wrapSay(err, "the date %s is not a date this app wrote", quote(strings.Trim(perr.Value, `"`)))
	case strings.Contains(err.Error(), "Time.UnmarshalJSON"):
		return wrapSay(err, "a date is not written as this app writes dates")
	case errors.As(err, &terr) && terr.Field == "":
		return wrapSay(err, "it is not an entry: it is %s", sortOf(terr.Value))
	case errors.As(err, &terr):
		return wrapSay(err, "%s should be %s, not %s", fieldName(terr.Field), wantSort(terr.Type), sortOf(terr.Value))
	case strings.Contains(err.Error(), "exceeded max depth"):
		return wrapSay(err, "it is nested too deeply to be an entry")
	}
	return wrapSay(err, "it cannot be read as an entry")
}

// fieldNames are the words for a backup's JSON fields, as the log screen
// and Validate name them. A schema-1 routine's fields are there too. Each
// is a message in the catalogue (a test checks), kept as plain strings:
// a map of constants costs app.wasm far less than one of Texts.
var fieldNames = map[string]string{
	"app":               "the app name",
	"id":                "the id",
	"schema":            "the schema version",
	"kind":              "the kind",
	"at":                "the time it happened",
	"created":           "the created time",
	"updated":           "the updated time",
	"note":              "the note",
	"cramp":             "the cramp details",
	"cramp.leg":         "leg",
	"cramp.where":       "where",
	"cramp.severity":    "severity",
	"cramp.seconds":     "how long",
	"cramp.helped":      "what helped",
	"heel":              "the heel details",
	"heel.morning":      "morning pain",
	"heel.now":          "pain now",
	"heel.foot":         "foot",
	"routine":           "the routine",
	"routine.routine":   "the routine",
	"routine.title":     "the routine title",
	"routine.steps":     "the steps",
	"routine.completed": "whether the routine was finished",
	"routine.ended":     "the time the routine ended",
	"title":             "the routine title",
	"steps":             "the steps",
	"completed":         "whether the routine was finished",
	"started":           "the time the routine started",
	"ended":             "the time the routine ended",
}

// fieldName names a JSON field path ("cramp.severity") for a person.
func fieldName(field string) Text {
	if n, ok := fieldNames[field]; ok {
		return Text{Format: n}
	}
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	return say("the value %s", quote(field))
}

// wantSort says what sort of value a Go type holds, in plain words.
func wantSort(t reflect.Type) Text {
	if t == nil {
		return say("something else")
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return say("a whole number")
	case reflect.Float32, reflect.Float64:
		return say("a number")
	case reflect.String:
		return say("text")
	case reflect.Bool:
		return say("true or false")
	case reflect.Slice, reflect.Array:
		return say("a list")
	case reflect.Struct, reflect.Map:
		return say("a group of details in { }")
	}
	return say("something else")
}

// sortOf says what a JSON value is, from encoding/json's description of
// it ("string", "number", "number 1.5", "array", "object", "bool").
func sortOf(value string) Text {
	switch {
	case value == "string":
		return say("text")
	case value == "number":
		return say("a number")
	case strings.HasPrefix(value, "number "):
		return say("the number %s", strings.TrimPrefix(value, "number "))
	case value == "array":
		return say("a list")
	case value == "object":
		return say("a group of details")
	case value == "bool":
		return say("true or false")
	}
	return say("something else")
}

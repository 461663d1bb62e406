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
		return &textError{say("the date %s is not a date this app wrote", quote(strings.Trim(perr.Value, `"`))), err}
	case strings.Contains(err.Error(), "Time.UnmarshalJSON"):
		return &textError{say("a date is not written as this app writes dates"), err}
	case errors.As(err, &terr) && terr.Field == "":
		return &textError{say("it is not an entry: it is %s", sortOf(terr.Value)), err}
	case errors.As(err, &terr):
		return &textError{say("%s should be %s, not %s", fieldName(terr.Field), wantSort(terr.Type), sortOf(terr.Value)), err}
	case strings.Contains(err.Error(), "exceeded max depth"):
		return &textError{say("it is nested too deeply to be an entry"), err}
	}
	return &textError{say("it cannot be read as an entry"), err}
}

// fieldNames are the words for a backup's JSON fields, as the log screen
// and Validate name them. A schema-1 routine's fields are there too.
var fieldNames = map[string]Text{
	"app":               say("the app name"),
	"id":                say("the id"),
	"schema":            say("the schema version"),
	"kind":              say("the kind"),
	"at":                say("the time it happened"),
	"created":           say("the created time"),
	"updated":           say("the updated time"),
	"note":              say("the note"),
	"cramp":             say("the cramp details"),
	"cramp.leg":         say("leg"),
	"cramp.where":       say("where"),
	"cramp.severity":    say("severity"),
	"cramp.seconds":     say("how long"),
	"cramp.helped":      say("what helped"),
	"heel":              say("the heel details"),
	"heel.morning":      say("morning pain"),
	"heel.now":          say("pain now"),
	"heel.foot":         say("foot"),
	"routine":           say("the routine"),
	"routine.routine":   say("the routine"),
	"routine.title":     say("the routine title"),
	"routine.steps":     say("the steps"),
	"routine.completed": say("whether the routine was finished"),
	"routine.ended":     say("the time the routine ended"),
	"title":             say("the routine title"),
	"steps":             say("the steps"),
	"completed":         say("whether the routine was finished"),
	"started":           say("the time the routine started"),
	"ended":             say("the time the routine ended"),
}

// fieldName names a JSON field path ("cramp.severity") for a person.
func fieldName(field string) Text {
	if n, ok := fieldNames[field]; ok {
		return n
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

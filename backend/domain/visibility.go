package domain

import (
	"fmt"
	"reflect"
)

// Visibility says who may read an entry: the client too (shared), or only
// the therapist (private). Every field of every client-related entity
// carries a `vis` struct tag with one of these values; ClientView and the
// tests that guard it rely on that.
type Visibility string

const (
	Shared  Visibility = "shared"
	Private Visibility = "private"
)

// Valid reports whether v is a known visibility.
func (v Visibility) Valid() bool { return v == Shared || v == Private }

// Choice checks the therapist's choice of whether the client sees
// something (what, as "the note"): empty is Shared, the default; anything
// but Shared or Private is refused as a problem with field.
func (v Visibility) Choice(field, what string) (Visibility, error) {
	if v == "" {
		v = Shared
	}
	if !v.Valid() {
		return v, FieldError(field, "Choose whether the client sees "+what+".")
	}
	return v, nil
}

// Chosen is the vis tag of a field the therapist chooses to share or keep
// private: the field's `visby` tag names the Visibility field beside it
// that holds the choice (itself vis:"private", so the client never learns
// that something was kept back). Anything but Shared keeps it private.
const Chosen = "chosen"

// Actor is who did or wrote something: the client, the therapist, or the
// two together.
type Actor string

const (
	ByClient    Actor = "client"
	ByTherapist Actor = "therapist"
	ByTogether  Actor = "together"
)

// Valid reports whether a is a known actor.
func (a Actor) Valid() bool { return a == ByClient || a == ByTherapist || a == ByTogether }

// ClientView returns what the client may see of a client's record: every
// field tagged vis:"private" is cleared, every field tagged vis:"chosen" is
// cleared unless its choice is Shared, and every entry whose own
// Visibility is Private is left out, recursively. It is the one place that
// decides visibility: co-creation mode, client copies of packets and client
// exports all go through it. The input is not modified.
func ClientView(r ClientRecord) ClientRecord { return View(r) }

// View is ClientView for any record built of vis-tagged structs, such as
// an IntegrationRecord or a single Session.
func View[T any](r T) T {
	v := reflect.ValueOf(&r).Elem()
	out := reflect.New(v.Type()).Elem()
	filterInto(out, v)
	return out.Interface().(T)
}

// filterInto copies src into dst (same type), keeping only shared content.
func filterInto(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		t := src.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			switch f.Tag.Get("vis") {
			case string(Shared):
				filterInto(dst.Field(i), src.Field(i))
			case string(Private):
				// left at its zero value
			case Chosen:
				if chosenShared(src, f) {
					filterInto(dst.Field(i), src.Field(i))
				}
			default:
				panic(fmt.Sprintf("domain: field %s.%s has no vis tag", t.Name(), f.Name))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		kept := reflect.MakeSlice(src.Type(), 0, src.Len())
		for i := 0; i < src.Len(); i++ {
			e := src.Index(i)
			if isPrivateEntry(e) {
				continue
			}
			c := reflect.New(e.Type()).Elem()
			filterInto(c, e)
			kept = reflect.Append(kept, c)
		}
		dst.Set(kept)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		if isPrivateEntry(src.Elem()) {
			return
		}
		c := reflect.New(src.Type().Elem())
		filterInto(c.Elem(), src.Elem())
		dst.Set(c)
	case reflect.Map:
		panic("domain: maps are not allowed in client records; use a slice of entries")
	default:
		dst.Set(src)
	}
}

// chosenShared reports whether the field f of the struct v, tagged
// vis:"chosen", is shared by the Visibility field its visby tag names.
func chosenShared(v reflect.Value, f reflect.StructField) bool {
	by := v.FieldByName(f.Tag.Get("visby"))
	if !by.IsValid() || by.Type() != reflect.TypeOf(Visibility("")) {
		panic(fmt.Sprintf("domain: field %s.%s is vis:\"chosen\" without a visby Visibility field", v.Type().Name(), f.Name))
	}
	return Visibility(by.String()) == Shared
}

// isPrivateEntry reports whether a struct value has Visibility == Private.
func isPrivateEntry(v reflect.Value) bool {
	if v.Kind() != reflect.Struct {
		return false
	}
	f := v.FieldByName("Visibility")
	return f.IsValid() && f.Type() == reflect.TypeOf(Visibility("")) && Visibility(f.String()) != Shared
}

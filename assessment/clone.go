package assessment

import "reflect"

// Clone is a deep copy of the assessment: no map, slice or pointer of the copy is shared
// with the original, so background work (an export) can read the copy while the workbench
// goes on changing its own. It copies every field, including ones added later.
func (a *Assessment) Clone() *Assessment {
	if a == nil {
		return nil
	}
	return deepCopy(reflect.ValueOf(a)).Interface().(*Assessment)
}

// deepCopy copies v and everything it refers to. Struct values are copied whole first, so
// fields it cannot reach (unexported ones, as in time.Time) keep their value.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(deepCopy(v.Elem()))
		return n
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			n.Index(i).Set(deepCopy(v.Index(i)))
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			n.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return n
	case reflect.Struct:
		n := reflect.New(v.Type()).Elem()
		n.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if n.Field(i).CanSet() {
				n.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return n
	}
	return v
}

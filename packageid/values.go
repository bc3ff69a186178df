package packageid

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strings"
)

// Values is Conan's free-form tree of setting values, the form settings
// take in a package's info (self.info.settings): assigning a node replaces
// its whole subtree; reading a missing node gives nil (Python None).
type Values struct {
	value string
	dict  map[string]*Values
}

// NewValues returns an empty root.
func NewValues() *Values { return &Values{value: "values", dict: map[string]*Values{}} }

// NameValue is one "compiler.version=11" pair.
type NameValue struct{ Name, Value string }

// ValuesFromList builds a tree from dotted pairs; a child needs its
// parent first, as in Conan.
func ValuesFromList(list []NameValue) (*Values, error) {
	v := NewValues()
	for _, nv := range list {
		tokens := strings.Split(nv.Name, ".")
		node := v
		for _, t := range tokens[:len(tokens)-1] {
			next := node.dict[t]
			if next == nil {
				return nil, &Error{Msg: t + " not defined for " + nv.Name + "\nPlease define " + t + " value first too"}
			}
			node = next
		}
		node.Set(tokens[len(tokens)-1], nv.Value)
	}
	return v, nil
}

// Error is a package-info error worded as Conan's.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Value is the node's own value ("gcc" for compiler).
func (v *Values) Value() string { return v.value }

// Get returns a child or nil.
func (v *Values) Get(name string) *Values { return v.dict[name] }

// Set replaces a child (and its subtree) with a new leaf.
func (v *Values) Set(name, value string) *Values {
	n := &Values{value: value, dict: map[string]*Values{}}
	v.dict[name] = n
	return n
}

// Del removes a child if present.
func (v *Values) Del(name string) { delete(v.dict, name) }

// Clear empties the node and its value.
func (v *Values) Clear() {
	v.dict = map[string]*Values{}
	v.value = ""
}

// Fields returns child names sorted.
func (v *Values) Fields() []string {
	r := make([]string, 0, len(v.dict))
	for k := range v.dict {
		r = append(r, k)
	}
	sort.Strings(r)
	return r
}

// Copy is a deep copy.
func (v *Values) Copy() *Values {
	c := &Values{value: v.value, dict: make(map[string]*Values, len(v.dict))}
	for k, child := range v.dict {
		c.dict[k] = child.Copy()
	}
	return c
}

// Truth is Conan's truthiness of a node's value.
func (v *Values) Truth() bool {
	switch strings.ToLower(v.value) {
	case "false", "none", "0", "off", "":
		return false
	}
	return true
}

// AsList flattens the tree depth first, fields sorted. Without listAll,
// nodes with a false-like value are skipped with their subtree.
func (v *Values) AsList(listAll bool) []NameValue {
	var out []NameValue
	for _, f := range v.Fields() {
		child := v.dict[f]
		if !listAll && !child.Truth() {
			continue
		}
		out = append(out, NameValue{f, child.value})
		for _, nv := range child.AsList(listAll) {
			out = append(out, NameValue{f + "." + nv.Name, nv.Value})
		}
	}
	return out
}

// Lookup returns the value at a dotted path, if present.
func (v *Values) Lookup(path string) (string, bool) {
	node := v
	for _, t := range strings.Split(path, ".") {
		node = node.dict[t]
		if node == nil {
			return "", false
		}
	}
	return node.value, true
}

// Dumps is the "name=value" text of every node.
func (v *Values) Dumps() string {
	var lines []string
	for _, nv := range v.AsList(true) {
		lines = append(lines, nv.Name+"="+nv.Value)
	}
	return strings.Join(lines, "\n")
}

// HashLines are the lines Conan hashes for settings: true-valued nodes
// (see AsList), excluding values "None".
func (v *Values) HashLines() []string {
	var lines []string
	for _, nv := range v.AsList(false) {
		if nv.Value != "None" {
			lines = append(lines, nv.Name+"="+nv.Value)
		}
	}
	return lines
}

// Sha is sha1 of HashLines joined with "\n".
func (v *Values) Sha() string { return hashLines(v.HashLines()) }

// hashLines is the lowercase hex sha1 of the lines joined with newlines.
func hashLines(lines []string) string {
	sum := sha1Lines(lines)
	return string(sum[:])
}

// hexSha1 is the hex SHA-1 of b.
func hexSha1(b []byte) string {
	sum := sha1.Sum(b)
	return hex.EncodeToString(sum[:])
}

// sha1Lines is hashLines as bytes, without building the joined string.
func sha1Lines(lines []string) (out [2 * sha1.Size]byte) {
	if len(lines) == 0 {
		copy(out[:], sha1Empty) // most dependencies' option lines, once filtered
		return out
	}
	// The joined text, in a buffer on the stack unless it is long.
	var stack [2048]byte
	text := stack[:0]
	for i, l := range lines {
		if i > 0 {
			text = append(text, '\n')
		}
		text = append(text, l...)
	}
	sum := sha1.Sum(text)
	hex.Encode(out[:], sum[:])
	return out
}

var sha1Empty = func() string { h := sha1.Sum(nil); return hex.EncodeToString(h[:]) }()

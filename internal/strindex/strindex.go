// Package strindex is an ordered list of distinct strings found by
// position: a Python namespace's keys or a function's local variables,
// a recipe's requirement names. Most lists hold a dozen or fewer, which
// a scan finds as quickly as a map; past Scan of them an index by string
// is kept, made and updated by the writer, so that a list that no longer
// changes is read on several goroutines without writes.
package strindex

// Scan is how many strings a list holds before it keeps an index.
const Scan = 12

// List is the ordered list. The zero List is empty and ready to use.
type List struct {
	list  []string
	index map[string]int32
	// seen has bit filterBit(k) set for every k in list (and perhaps
	// for strings removed since): a lookup whose bit is clear misses
	// without reading the list, which a class's method lookup walking
	// its bases does for most names, on namespaces long out of cache.
	seen uint64
	// tags hold a byte of each string's hash (tagOf), while there is no
	// index: a scan compares these, in one cache line, and reads a
	// string (its header, then its bytes, often both cold) only where
	// the byte matches.
	tags [Scan]uint8
}

// hash mixes a string's length and first, middle and last bytes, which
// differ among the identifiers a namespace holds: it reads at most
// three bytes of k.
func hash(k string) uint32 {
	n := uint32(len(k))
	if n == 0 {
		return 0
	}
	h := n*0x9E3779B1 ^ uint32(k[0])*0x85EBCA6B ^ uint32(k[n-1])*0xC2B2AE35 ^ uint32(k[n/2])*0x27D4EB2F
	return h ^ h>>15
}

// filterBit is the bit of seen a string sets.
func filterBit(h uint32) uint64 { return 1 << (h & 63) }

// tagOf is the byte of tags a string has.
func tagOf(h uint32) uint8 { return uint8(h >> 24) }

// WithCap returns an empty list with room for n strings.
func WithCap(n int) List { return List{list: make([]string, 0, n)} }

// Strings is the list, in order, for reading only.
func (s *List) Strings() []string { return s.list }

// Len is the number of strings.
func (s *List) Len() int { return len(s.list) }

// Find returns the position of k, or -1.
func (s *List) Find(k string) int {
	h := hash(k)
	if s.seen&filterBit(h) == 0 {
		return -1
	}
	if s.index != nil {
		if i, ok := s.index[k]; ok {
			return int(i)
		}
		return -1
	}
	t := tagOf(h)
	for i := range s.list { // at most Scan
		if s.tags[i] == t && s.list[i] == k {
			return i
		}
	}
	return -1
}

// Add appends k, which the list must not hold.
func (s *List) Add(k string) {
	s.list = append(s.list, k)
	h := hash(k)
	s.seen |= filterBit(h)
	if i := len(s.list) - 1; i < Scan {
		s.tags[i] = tagOf(h)
	}
	switch {
	case s.index != nil:
		s.index[k] = int32(len(s.list) - 1)
	case len(s.list) > Scan:
		s.reindex()
	}
}

// RemoveAt removes the string at position i.
func (s *List) RemoveAt(i int) {
	s.list = append(s.list[:i:i], s.list[i+1:]...)
	if s.index != nil {
		s.reindex()
		return
	}
	copy(s.tags[i:], s.tags[i+1:])
}

// reindex makes the index for the strings there are, or drops it.
func (s *List) reindex() {
	s.index = nil
	if len(s.list) <= Scan {
		for i, k := range s.list { // tags were kept only for the first Scan
			s.tags[i] = tagOf(hash(k))
		}
		return
	}
	s.index = make(map[string]int32, 2*len(s.list))
	for i, k := range s.list {
		s.index[k] = int32(i)
	}
}

// Clone returns a copy that shares nothing with s.
func (s *List) Clone() List {
	c := List{list: append([]string(nil), s.list...), seen: s.seen, tags: s.tags}
	if s.index != nil {
		c.reindex()
	}
	return c
}

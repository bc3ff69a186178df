package python

// names is an ordered list of distinct strings: a namespace's keys, a
// function's local variables. Most hold a dozen or fewer, which a scan
// finds as quickly as a map; past namesScan of them an index by name is
// kept, made and updated by the writer, so that a list that no longer
// changes is read on several goroutines without writes.
type names struct {
	list  []string
	index map[string]int32
}

const namesScan = 12

// find returns the position of k, or -1.
func (s *names) find(k string) int {
	if s.index != nil {
		if i, ok := s.index[k]; ok {
			return int(i)
		}
		return -1
	}
	for i, x := range s.list {
		if x == k {
			return i
		}
	}
	return -1
}

// add appends k, which the list must not hold.
func (s *names) add(k string) {
	s.list = append(s.list, k)
	switch {
	case s.index != nil:
		s.index[k] = int32(len(s.list) - 1)
	case len(s.list) > namesScan:
		s.reindex()
	}
}

// removeAt removes the name at position i.
func (s *names) removeAt(i int) {
	s.list = append(s.list[:i:i], s.list[i+1:]...)
	if s.index != nil {
		s.reindex()
	}
}

// reindex makes the index for the names there are, or drops it.
func (s *names) reindex() {
	s.index = nil
	if len(s.list) <= namesScan {
		return
	}
	s.index = make(map[string]int32, 2*len(s.list))
	for i, k := range s.list {
		s.index[k] = int32(i)
	}
}

// clone returns a copy that shares nothing with s.
func (s *names) clone() names {
	c := names{list: append([]string(nil), s.list...)}
	if s.index != nil {
		c.reindex()
	}
	return c
}

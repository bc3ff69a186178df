package recipe

// downScope holds the downstream requirements of one expansion. The
// versions a graph builder hands on form a stack: a node's are its
// consumer's with its own name removed and its requirements set, and its
// dependencies are expanded, depth first, before its consumer goes on.
// So one map changed in place stands for all of them, with a log of what
// each version changed: Release undoes a version's changes once its
// node is expanded, and a version below the newest reads through the
// changes made since. (A persistent map made each version anew: a copied
// path per change, 6% of what a 100,000-package graph allocated, every
// byte of it garbage by the end.)
type downScope struct {
	// m holds the newest version. Removals and undone additions delete
	// their names, so that it holds about one path's requirements, not
	// every name the expansion has seen (a third of a 100,000-package
	// graph's names, missed in cache on every lookup).
	m    map[string]*Requirement
	size int
	log  []downChange
}

// downChange is one change of the map: the value name had before it
// (nil: none).
type downChange struct {
	name string
	prev *Requirement
}

func newDownScope() *downScope { return &downScope{m: map[string]*Requirement{}} }

// at returns name's requirement in the version whose changes end at top
// of the log: the value before the first later change to name, if any.
// (A version already released, past the log's end, reads the newest.)
func (s *downScope) at(top int, name string) *Requirement {
	if top < len(s.log) {
		for _, c := range s.log[top:] {
			if c.name == name {
				return c.prev
			}
		}
	}
	return s.m[name]
}

func (s *downScope) set(name string, req *Requirement) {
	prev := s.m[name]
	s.log = append(s.log, downChange{name, prev})
	if prev == nil {
		s.size++
	}
	s.m[name] = req
}

func (s *downScope) remove(name string) {
	prev := s.m[name]
	if prev == nil {
		return
	}
	s.log = append(s.log, downChange{name, prev})
	s.size--
	delete(s.m, name)
}

// undo reverts the changes logged from base on, newest first.
func (s *downScope) undo(base int) {
	for i := len(s.log) - 1; i >= base; i-- {
		c := s.log[i]
		switch cur := s.m[c.name]; {
		case cur == nil && c.prev != nil:
			s.size++
		case cur != nil && c.prev == nil:
			s.size--
		}
		if c.prev == nil {
			delete(s.m, c.name)
		} else {
			s.m[c.name] = c.prev
		}
		s.log[i] = downChange{}
	}
	if base < len(s.log) {
		s.log = s.log[:base]
	}
}

// snapshot is a scope of its own holding the version ending at top.
func (s *downScope) snapshot(top int) *downScope {
	c := newDownScope()
	add := func(name string) {
		if _, done := c.m[name]; !done {
			if r := s.at(top, name); r != nil {
				c.m[name] = r
				c.size++
			}
		}
	}
	for name := range s.m {
		add(name)
	}
	if top < len(s.log) { // and the names changed since, maybe deleted
		for _, ch := range s.log[top:] {
			add(ch.name)
		}
	}
	return c
}

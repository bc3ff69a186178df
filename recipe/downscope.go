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
	m    map[string]*Requirement // a nil value: not there (removed)
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
	s.m[name] = nil
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
		s.m[c.name] = c.prev
		s.log[i] = downChange{}
	}
	if base < len(s.log) {
		s.log = s.log[:base]
	}
}

// snapshot is a scope of its own holding the version ending at top.
func (s *downScope) snapshot(top int) *downScope {
	c := newDownScope()
	for name := range s.m {
		if r := s.at(top, name); r != nil {
			c.m[name] = r
			c.size++
		}
	}
	return c
}

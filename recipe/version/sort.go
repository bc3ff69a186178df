package version

// Conan sorts model Versions with Python's sorted(), which only asks "<".
// Version's "<" is not a strict weak order (see Compare), so the result of
// sorting depends on the algorithm, and sort.Slice or slices.SortFunc
// would give different answers for lists such as ["1.0.a", "1", "1.0"].
// pySort is therefore CPython 3.11's list.sort (timsort with the powersort
// merge policy): the same runs, binary insertion, galloping and merges, so
// that it asks the same questions in the same order and ends in the same
// permutation.

// Sort sorts version strings in place into the order Python's sorted()
// gives for Conan's model Versions (conans.model.version.Version): the
// order of `conan search` and of the candidates Conan feeds to a version
// range. It returns the error of the first string ParseVersion rejects
// (Python raises then too) and leaves versions untouched in that case.
// Sort is stable.
func Sort(versions []string) error {
	if len(versions) < 2 {
		return nil // Python compares nothing, so nothing can raise
	}
	vs := make([]Version, len(versions))
	for i, s := range versions {
		v, err := ParseVersion(s)
		if err != nil {
			return err
		}
		vs[i] = v
	}
	idx := make([]int, len(vs))
	for i := range idx {
		idx[i] = i
	}
	pySort(idx, func(a, b int) bool { return vs[a].Less(vs[b]) })
	sorted := make([]string, len(versions))
	for i, j := range idx {
		sorted[i] = versions[j]
	}
	copy(versions, sorted)
	return nil
}

// SortFunc sorts s in place exactly like CPython 3.11's list.sort() does
// when less is the elements' "<": same comparisons, same order, same
// result even when less is not a strict weak order. Use it to order
// anything whose Python ordering involves model Versions, e.g. references
// as search_recipes does (sorted(refs) with ConanFileReference.__lt__,
// which compares the tuples (name, Version, user or "", channel or "",
// revision or "") lexicographically: the first field where a == b is false
// decides, by a < b).
func SortFunc[T any](s []T, less func(a, b T) bool) { pySort(s, less) }

// Max returns the greatest version like Python's max() over model
// Versions: the first element, replaced by each later one that is greater
// (Compare == 1). It returns the error of the first string ParseVersion
// rejects; ok is false for an empty list.
func Max(versions []string) (best string, ok bool, err error) {
	var bv Version
	for i, s := range versions {
		v, err := ParseVersion(s)
		if err != nil {
			return "", false, err
		}
		if i == 0 || Compare(v, bv) == 1 {
			best, bv = s, v
		}
	}
	return best, len(versions) > 0, nil
}

const (
	minGallop    = 7
	maxMinRun    = 64
	pendingLimit = 64
)

type run struct {
	base, len, power int
}

type timsort[T any] struct {
	a         []T
	less      func(a, b T) bool
	minGallop int
	tmp       []T
	pending   []run
}

// pySort sorts a in place exactly like CPython 3.11's list.sort with less
// as the "<" of the elements.
func pySort[T any](a []T, less func(a, b T) bool) {
	n := len(a)
	if n < 2 {
		return
	}
	ts := &timsort[T]{a: a, less: less, minGallop: minGallop}
	minRun := computeMinRun(n)
	lo, remaining := 0, n
	for remaining > 0 {
		r, descending := ts.countRun(lo, lo+remaining)
		if descending {
			reverse(a[lo : lo+r])
		}
		if r < minRun {
			force := min(remaining, minRun)
			ts.binarySort(lo, lo+force, lo+r)
			r = force
		}
		ts.foundNewRun(r)
		ts.pending = append(ts.pending, run{base: lo, len: r})
		lo += r
		remaining -= r
	}
	ts.forceCollapse()
}

func computeMinRun(n int) int {
	r := 0
	for n >= maxMinRun {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// binarySort sorts a[lo:hi] by binary insertion; a[lo:start] is sorted.
func (ts *timsort[T]) binarySort(lo, hi, start int) {
	a := ts.a
	if start == lo {
		start++
	}
	for ; start < hi; start++ {
		l, r := lo, start
		pivot := a[r]
		for l < r {
			p := l + (r-l)>>1
			if ts.less(pivot, a[p]) {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(a[l+1:start+1], a[l:start])
		a[l] = pivot
	}
}

// countRun returns the length of the run at a[lo:hi] and whether it is
// strictly descending.
func (ts *timsort[T]) countRun(lo, hi int) (int, bool) {
	a := ts.a
	if lo+1 == hi {
		return 1, false
	}
	n := 2
	if ts.less(a[lo+1], a[lo]) {
		for i := lo + 2; i < hi && ts.less(a[i], a[i-1]); i++ {
			n++
		}
		return n, true
	}
	for i := lo + 2; i < hi && !ts.less(a[i], a[i-1]); i++ {
		n++
	}
	return n, false
}

// gallopLeft returns k in [0, len(s)] with s[k-1] < key <= s[k], searching
// from hint.
func (ts *timsort[T]) gallopLeft(key T, s []T, hint int) int {
	n := len(s)
	lastOfs, ofs := 0, 1
	if ts.less(s[hint], key) {
		maxOfs := n - hint
		for ofs < maxOfs {
			if !ts.less(s[hint+ofs], key) {
				break
			}
			lastOfs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxOfs)
		lastOfs += hint
		ofs += hint
	} else {
		maxOfs := hint + 1
		for ofs < maxOfs {
			if ts.less(s[hint-ofs], key) {
				break
			}
			lastOfs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxOfs)
		lastOfs, ofs = hint-ofs, hint-lastOfs
	}
	lastOfs++
	for lastOfs < ofs {
		m := lastOfs + (ofs-lastOfs)>>1
		if ts.less(s[m], key) {
			lastOfs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs
}

// gallopRight returns k in [0, len(s)] with s[k-1] <= key < s[k].
func (ts *timsort[T]) gallopRight(key T, s []T, hint int) int {
	n := len(s)
	lastOfs, ofs := 0, 1
	if ts.less(key, s[hint]) {
		maxOfs := hint + 1
		for ofs < maxOfs {
			if !ts.less(key, s[hint-ofs]) {
				break
			}
			lastOfs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxOfs)
		lastOfs, ofs = hint-ofs, hint-lastOfs
	} else {
		maxOfs := n - hint
		for ofs < maxOfs {
			if ts.less(key, s[hint+ofs]) {
				break
			}
			lastOfs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxOfs)
		lastOfs += hint
		ofs += hint
	}
	lastOfs++
	for lastOfs < ofs {
		m := lastOfs + (ofs-lastOfs)>>1
		if ts.less(key, s[m]) {
			ofs = m
		} else {
			lastOfs = m + 1
		}
	}
	return ofs
}

// mergeLo merges a[pa:pa+na] and a[pb:pb+nb] (pb == pa+na), na <= nb,
// through a copy of the first run.
func (ts *timsort[T]) mergeLo(pa, na, pb, nb int) {
	a := ts.a
	ts.tmp = append(ts.tmp[:0], a[pa:pa+na]...)
	tmp := ts.tmp
	ia, ib, dest := 0, pb, pa
	a[dest] = a[ib]
	dest++
	ib++
	nb--
	// finish copies what is left of the first run to its place.
	finish := func() { copy(a[dest:dest+na], tmp[ia:ia+na]) }
	copyB := func() {
		copy(a[dest:dest+nb], a[ib:ib+nb])
		a[dest+nb] = tmp[ia]
	}
	if nb == 0 {
		finish()
		return
	}
	if na == 1 {
		copyB()
		return
	}
	mg := ts.minGallop
	for {
		acount, bcount := 0, 0
		for {
			if ts.less(a[ib], tmp[ia]) {
				a[dest] = a[ib]
				dest++
				ib++
				bcount++
				acount = 0
				nb--
				if nb == 0 {
					finish()
					return
				}
				if bcount >= mg {
					break
				}
			} else {
				a[dest] = tmp[ia]
				dest++
				ia++
				acount++
				bcount = 0
				na--
				if na == 1 {
					copyB()
					return
				}
				if acount >= mg {
					break
				}
			}
		}
		mg++
		for {
			if mg > 1 {
				mg--
			}
			ts.minGallop = mg
			k := ts.gallopRight(a[ib], tmp[ia:ia+na], 0)
			acount = k
			if k > 0 {
				copy(a[dest:dest+k], tmp[ia:ia+k])
				dest += k
				ia += k
				na -= k
				if na == 1 {
					copyB()
					return
				}
				if na == 0 {
					finish()
					return
				}
			}
			a[dest] = a[ib]
			dest++
			ib++
			nb--
			if nb == 0 {
				finish()
				return
			}
			k = ts.gallopLeft(tmp[ia], a[ib:ib+nb], 0)
			bcount = k
			if k > 0 {
				copy(a[dest:dest+k], a[ib:ib+k])
				dest += k
				ib += k
				nb -= k
				if nb == 0 {
					finish()
					return
				}
			}
			a[dest] = tmp[ia]
			dest++
			ia++
			na--
			if na == 1 {
				copyB()
				return
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		mg++
		ts.minGallop = mg
	}
}

// mergeHi merges a[pa:pa+na] and a[pb:pb+nb] (pb == pa+na), na >= nb,
// from the right through a copy of the second run.
func (ts *timsort[T]) mergeHi(pa, na, pb, nb int) {
	a := ts.a
	ts.tmp = append(ts.tmp[:0], a[pb:pb+nb]...)
	tmp := ts.tmp
	dest := pb + nb - 1 // next slot to fill, from the right
	ia := pa + na - 1   // last element of the first run
	ib := nb - 1        // last element of the copied second run
	a[dest] = a[ia]
	dest--
	ia--
	na--
	finish := func() { copy(a[dest-(nb-1):dest+1], tmp[:nb]) }
	copyA := func() {
		// a[ia-na+1 .. ia] moves up to end at dest; tmp[ib] goes in front.
		copy(a[dest-na+1:dest+1], a[ia-na+1:ia+1])
		a[dest-na] = tmp[ib]
	}
	if na == 0 {
		finish()
		return
	}
	if nb == 1 {
		copyA()
		return
	}
	mg := ts.minGallop
	for {
		acount, bcount := 0, 0
		for {
			if ts.less(tmp[ib], a[ia]) {
				a[dest] = a[ia]
				dest--
				ia--
				acount++
				bcount = 0
				na--
				if na == 0 {
					finish()
					return
				}
				if acount >= mg {
					break
				}
			} else {
				a[dest] = tmp[ib]
				dest--
				ib--
				bcount++
				acount = 0
				nb--
				if nb == 1 {
					copyA()
					return
				}
				if bcount >= mg {
					break
				}
			}
		}
		mg++
		for {
			if mg > 1 {
				mg--
			}
			ts.minGallop = mg
			k := ts.gallopRight(tmp[ib], a[pa:pa+na], na-1)
			k = na - k
			acount = k
			if k > 0 {
				dest -= k
				ia -= k
				copy(a[dest+1:dest+1+k], a[ia+1:ia+1+k])
				na -= k
				if na == 0 {
					finish()
					return
				}
			}
			a[dest] = tmp[ib]
			dest--
			ib--
			nb--
			if nb == 1 {
				copyA()
				return
			}
			k = ts.gallopLeft(a[ia], tmp[:nb], nb-1)
			k = nb - k
			bcount = k
			if k > 0 {
				dest -= k
				ib -= k
				copy(a[dest+1:dest+1+k], tmp[ib+1:ib+1+k])
				nb -= k
				if nb == 1 {
					copyA()
					return
				}
				if nb == 0 {
					finish()
					return
				}
			}
			a[dest] = a[ia]
			dest--
			ia--
			na--
			if na == 0 {
				finish()
				return
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		mg++
		ts.minGallop = mg
	}
}

// mergeAt merges the pending runs i and i+1.
func (ts *timsort[T]) mergeAt(i int) {
	p := ts.pending
	pa, na := p[i].base, p[i].len
	pb, nb := p[i+1].base, p[i+1].len
	p[i].len = na + nb
	if i == len(p)-3 {
		p[i+1] = p[i+2]
	}
	ts.pending = p[:len(p)-1]

	a := ts.a
	k := ts.gallopRight(a[pb], a[pa:pa+na], 0)
	pa += k
	na -= k
	if na == 0 {
		return
	}
	nb = ts.gallopLeft(a[pa+na-1], a[pb:pb+nb], nb-1)
	if nb <= 0 {
		return
	}
	if na <= nb {
		ts.mergeLo(pa, na, pb, nb)
	} else {
		ts.mergeHi(pa, na, pb, nb)
	}
}

// powerLoop is the powersort "power" of the boundary between the run at
// s1 (length n1) and the next one (length n2) in a list of length n.
func powerLoop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

func (ts *timsort[T]) foundNewRun(n2 int) {
	if len(ts.pending) == 0 {
		return
	}
	top := ts.pending[len(ts.pending)-1]
	power := powerLoop(top.base, top.len, n2, len(ts.a))
	for len(ts.pending) > 1 && ts.pending[len(ts.pending)-2].power > power {
		ts.mergeAt(len(ts.pending) - 2)
	}
	ts.pending[len(ts.pending)-1].power = power
}

func (ts *timsort[T]) forceCollapse() {
	for len(ts.pending) > 1 {
		n := len(ts.pending) - 2
		if n > 0 && ts.pending[n-1].len < ts.pending[n+1].len {
			n--
		}
		ts.mergeAt(n)
	}
}

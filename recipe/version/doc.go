// Package version reproduces, bit for bit, how Conan 1.65.0 reads, compares
// and range-matches versions.
//
// # Three version models
//
// Conan 1.65 ships three unrelated version classes, and recipes and Conan
// itself use all of them:
//
//   - [Version] is conans.model.version.Version, the type of a reference's
//     version. Conan sorts references with it and the package ID modes use
//     its parts ([Version.Stable] for semver_direct_mode, [Version.Minor]
//     for minor_mode, ...). It splits on "." and "-" and compares numbers
//     as numbers and everything else as strings, with odd rules for builds
//     and unequal lengths (see [Compare]); it is neither antisymmetric nor
//     transitive, so [Sort] replays CPython's list.sort.
//   - [ToolsVersion] is conans.client.tools.Version ("from conans import
//     tools"), a loose node-semver SemVer: "1.2" == "1.2.0" == "1.2.0.7",
//     unparsable text is an error.
//   - [ScmVersion] is conan.tools.scm.Version ("from conan.tools.scm import
//     Version"), the Conan-2-style class most conan-center-index recipes
//     compare strings with. It never fails, ignores trailing zeros, nests
//     prerelease and build versions, and compares mixed int/string items by
//     their text.
//
// Where Python raises, the functions return an [*Error] whose Type is the
// Python exception class and whose message is Python's.
//
// # Version ranges
//
// A requirement such as "zlib/[>1.2 <2, include_prerelease=True]" is
// resolved by [ParseRange] and [Range.Best] (or [Satisfying], which does
// both), following conans/client/graph/range_resolver.py:
//
//  1. The text is split on ",": the first one or two chunks are range text
//     (two is the deprecated comma form and produces a warning), the others
//     set loose (default True) and include_prerelease (default False).
//  2. The range text goes to python-node-semver 0.6.1's Range: "||" unions,
//     hyphen ranges, X-ranges, "~", "~>", "^" (including the 0.x rules),
//     "*" and the empty range, all desugared to plain comparators
//     ([Range.Desugared] shows the result). In loose mode words that are
//     not comparators are dropped; "~=3.0" works as "~3.0" because "=" is an
//     allowed version prefix.
//  3. Every candidate is parsed as a node-semver SemVer in the range's loose
//     mode. Unparsable ones are skipped with a warning. Loose parsing
//     accepts "v1.2", "=1.2.3", "1.2.3beta", partial versions and
//     four-component versions, whose fourth number is ignored by
//     comparisons.
//  4. A candidate with a prerelease matches only if include_prerelease is
//     set or a comparator of the matching set names a prerelease of the
//     same major.minor.patch.
//  5. The highest matching candidate wins; among candidates that compare
//     equal ("1.1.1" and "1.1.1.20"), the first in the input order.
//
// Masterminds/semver is used as a fast path where it provably gives
// node-semver's answers (strictly valid ASCII versions); everything else is
// node-semver's grammar, with Python's meaning of \s, \d, int() and
// str.strip(). The tests pin each difference from Masterminds and replay
// tables generated from the real Conan (testdata/oracle_gen.py).
package version

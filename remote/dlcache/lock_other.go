//go:build !unix

package dlcache

import "errors"

var errNoLocks = errors.New("the download cache needs file locks, which conid implements on unix only")

func lockFile(path string) (func(), error) { return nil, errNoLocks }

func tryLockFile(path string) (func(), bool, error) { return nil, false, errNoLocks }

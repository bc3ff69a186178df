package engine

import "github.com/conid/conid/internal/fsread"

func readFile(p string) ([]byte, error) { return fsread.ReadFile(p) }

package version

// NewItem builds a version item from text, as _VersionItem(text).
func NewItem(s string) Item { return newItem(s) }

package protocol

import (
	"strings"
)

// ParseInfo reads a conaninfo.txt into a PackageInfo as conan_server
// reports it in a package search: the [settings] and [options] lines
// "key=value", the [full_requires] lines, and the first [recipe_hash]
// line. Lines it does not understand are skipped: the raw text in
// Content is what current clients read.
func ParseInfo(content string) PackageInfo {
	info := PackageInfo{
		Content:      content,
		Settings:     map[string]string{},
		Options:      map[string]string{},
		FullRequires: []string{},
	}
	section := ""
	for _, line := range strings.Split(content, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		switch section {
		case "settings", "options":
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			if section == "settings" {
				info.Settings[strings.TrimSpace(k)] = strings.TrimSpace(v)
			} else {
				info.Options[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		case "full_requires":
			info.FullRequires = append(info.FullRequires, line)
		case "recipe_hash":
			if info.RecipeHash == nil {
				h := line
				info.RecipeHash = &h
			}
		}
	}
	return info
}

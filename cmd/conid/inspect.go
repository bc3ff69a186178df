package main

func cmdInspect(args []string, e *env) error {
	return usageError("inspect: not implemented yet")
}

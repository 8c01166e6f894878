//go:build !windows

package blanking

func prevent(env Env) (func(), error) { return xPrevent(env) }

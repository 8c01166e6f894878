package lint

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// YAMLLimits bound what parsing one YAML file may cost, so that a hostile file (huge, or
// an alias bomb such as "billion laughs") is refused instead of exhausting memory.
type YAMLLimits struct {
	Bytes  int64 // size of the file
	Nodes  int   // YAML nodes, counting every expansion of every alias
	Scalar int   // bytes of one scalar: a key or a value
}

// DefaultYAMLLimits are the limits of Parse. The largest bundled file (a quiz bank file)
// is about 30 KB with 1,600 nodes and no scalar over 400 bytes, so these leave room for
// packs more than ten times the size while keeping the worst case (a dense 512 KiB flow
// sequence) near 60 MB and half a second of parsing.
func DefaultYAMLLimits() YAMLLimits {
	return YAMLLimits{Bytes: 512 << 10, Nodes: 50_000, Scalar: 4 << 10}
}

// check counts the nodes of a parsed document, expanding aliases, and measures its
// scalars. It returns the line and message of the first limit broken, or "" when none is.
func (lim YAMLLimits) check(root *yaml.Node) (int, string) {
	c := counter{lim: lim, sizes: map[*yaml.Node]int{}}
	c.size(root)
	return c.line, c.msg
}

// counter computes expanded subtree sizes once per node, so that an alias bomb is
// measured in time linear in the file, not in its expansion. Only a node with an anchor
// can be reached twice (through an alias), so only those are remembered: a map entry for
// every node was a tenth of loading a large quiz bank.
type counter struct {
	lim   YAMLLimits
	sizes map[*yaml.Node]int // an anchored node's expanded size; -1 while being computed
	line  int
	msg   string
}

func (c *counter) fail(line int, format string, args ...any) int {
	if c.msg == "" {
		c.line, c.msg = line, fmt.Sprintf(format, args...)
	}
	return c.lim.Nodes + 1
}

func (c *counter) size(n *yaml.Node) int {
	if c.msg != "" {
		return c.lim.Nodes + 1
	}
	anchored := n.Anchor != ""
	if anchored {
		if s, ok := c.sizes[n]; ok {
			if s < 0 {
				return c.fail(n.Line, "an alias refers to a node that contains it")
			}
			return s
		}
		c.sizes[n] = -1
	}
	total := 1
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			total += c.size(n.Alias)
		}
	case yaml.ScalarNode:
		if len(n.Value) > c.lim.Scalar {
			return c.fail(n.Line, "a value is %d bytes, more than the limit of %d", len(n.Value), c.lim.Scalar)
		}
	}
	for _, child := range n.Content {
		total += c.size(child)
		if total > c.lim.Nodes {
			return c.fail(n.Line, "more than %d YAML nodes (aliases counted as expanded)", c.lim.Nodes)
		}
	}
	if total > c.lim.Nodes {
		return c.fail(n.Line, "more than %d YAML nodes (aliases counted as expanded)", c.lim.Nodes)
	}
	if anchored {
		c.sizes[n] = total
	}
	return total
}

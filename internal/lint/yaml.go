package lint

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// Doc is one parsed YAML file with the line of every field path, so that validation can
// point at the line a problem is on. Paths look like "events[3].title.en".
type Doc struct {
	File  string
	lines map[string]int
	probs *[]Problem
}

// Parse decodes data into v and indexes field lines, within DefaultYAMLLimits. Unknown
// fields are errors: they are almost always typos that would otherwise silently hide
// content. ok is false when the file could not be parsed at all, or is over a limit, so
// that validation does not pile on.
func Parse(file string, data []byte, v any, probs *[]Problem) (d *Doc, ok bool) {
	return ParseLimited(file, data, v, probs, DefaultYAMLLimits())
}

// ParseLimited is Parse within lim: a file over lim.Bytes is refused before it is parsed,
// and one with more than lim.Nodes nodes (counting every expansion of an alias) or a
// scalar longer than lim.Scalar before it is decoded into v.
func ParseLimited(file string, data []byte, v any, probs *[]Problem, lim YAMLLimits) (d *Doc, ok bool) {
	d = &Doc{File: file, lines: map[string]int{}, probs: probs}
	if int64(len(data)) > lim.Bytes {
		d.add(Error, 0, "", fmt.Sprintf("file is %d bytes, more than the limit of %d", len(data), lim.Bytes))
		return d, false
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		d.add(Error, lineOfYAMLError(err), "", fmt.Sprintf("not valid YAML: %v", err))
		return d, false
	}
	if len(root.Content) == 0 {
		d.add(Error, 1, "", "file is empty")
		return d, false
	}
	if line, msg := lim.check(&root); msg != "" {
		d.add(Error, line, "", msg)
		return d, false
	}
	top := root.Content[0]
	if err := top.Decode(v); err != nil {
		d.add(Error, lineOfYAMLError(err), "", fmt.Sprintf("wrong type: %v", err))
	}
	d.index(top, "", reflect.TypeOf(v).Elem())
	return d, true
}

func (d *Doc) index(n *yaml.Node, path string, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			p := join(path, key.Value)
			d.lines[p] = key.Line
			f, ok := fieldByTag(t, key.Value)
			if !ok {
				d.add(Error, key.Line, p, fmt.Sprintf("unknown field %q", key.Value))
				continue
			}
			d.index(val, p, f.Type)
		}
	case n.Kind == yaml.SequenceNode && t.Kind() == reflect.Slice:
		for i, item := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			d.lines[p] = item.Line
			d.index(item, p, t.Elem())
		}
	}
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Line finds the line of path, or of its nearest indexed parent.
func (d *Doc) Line(path string) int {
	for p := path; p != ""; {
		if l, ok := d.lines[p]; ok {
			return l
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 0
}

func (d *Doc) add(sev Severity, line int, field, msg string) {
	*d.probs = append(*d.probs, Problem{Severity: sev, File: d.File, Line: line, Field: field, Msg: msg})
}

// Errf records an error at path's line.
func (d *Doc) Errf(path, format string, args ...any) {
	d.add(Error, d.Line(path), path, fmt.Sprintf(format, args...))
}

// Warnf records a warning at path's line.
func (d *Doc) Warnf(path, format string, args ...any) {
	d.add(Warning, d.Line(path), path, fmt.Sprintf(format, args...))
}

// lineOfYAMLError digs the "line N" out of yaml.v3's messages.
func lineOfYAMLError(err error) int {
	var n int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &n)
	}
	return n
}

package lint

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Doc is one parsed YAML file, kept so that validation can point at the line a problem is
// on. Paths look like "events[3].title.en".
type Doc struct {
	File  string
	root  *yaml.Node // the document's top node; nil when the file did not parse
	probs *[]Problem
}

// Parse decodes data into v and keeps its nodes for the lines of fields, within
// DefaultYAMLLimits. Unknown fields are errors: they are almost always typos that would
// otherwise silently hide content. ok is false when the file could not be parsed at all,
// or is over a limit, so that validation does not pile on.
func Parse(file string, data []byte, v any, probs *[]Problem) (d *Doc, ok bool) {
	return ParseLimited(file, data, v, probs, DefaultYAMLLimits())
}

// ParseLimited is Parse within lim: a file over lim.Bytes is refused before it is parsed,
// and one with more than lim.Nodes nodes (counting every expansion of an alias) or a
// scalar longer than lim.Scalar before it is decoded into v.
func ParseLimited(file string, data []byte, v any, probs *[]Problem, lim YAMLLimits) (d *Doc, ok bool) {
	d = &Doc{File: file, probs: probs}
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
	d.root = top
	u := unknowns{d: d, fields: map[reflect.Type]map[string]reflect.Type{}}
	u.walk(top, reflect.TypeOf(v).Elem())
	return d, true
}

// unknowns reports the fields of a document that its type does not have. The path of a
// node is only put into words for a field it reports (a 10,000-question bank has some
// 300,000 nodes): the way down is kept as a stack of steps.
type unknowns struct {
	d      *Doc
	fields map[reflect.Type]map[string]reflect.Type // a struct's fields by YAML name
	steps  []step
}

// step is one move down a document: into a mapping's key, or a sequence's index.
type step struct {
	key string
	idx int // when key is ""
}

func (u *unknowns) walk(n *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case n.Kind == yaml.MappingNode && t.Kind() == reflect.Struct:
		fields := u.fieldsOf(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			u.steps = append(u.steps, step{key: key.Value})
			if ft, ok := fields[key.Value]; ok {
				u.walk(val, ft)
			} else {
				p := u.path()
				u.d.add(Error, key.Line, p, fmt.Sprintf("unknown field %q", key.Value))
			}
			u.steps = u.steps[:len(u.steps)-1]
		}
	case n.Kind == yaml.SequenceNode && t.Kind() == reflect.Slice:
		for i, item := range n.Content {
			u.steps = append(u.steps, step{idx: i})
			u.walk(item, t.Elem())
			u.steps = u.steps[:len(u.steps)-1]
		}
	}
}

// fieldsOf is the struct t's fields by their YAML name.
func (u *unknowns) fieldsOf(t reflect.Type) map[string]reflect.Type {
	if f, ok := u.fields[t]; ok {
		return f
	}
	f := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		f[tag] = t.Field(i).Type
	}
	u.fields[t] = f
	return f
}

// path is the steps taken so far, as validation names fields.
func (u *unknowns) path() string {
	var b strings.Builder
	for _, s := range u.steps {
		if s.key == "" {
			fmt.Fprintf(&b, "[%d]", s.idx)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// Line finds the line of path, or of its nearest parent found in the document: a field's
// line is its key's, an item's the item's.
func (d *Doc) Line(path string) int {
	n, line := d.root, 0
	for rest := path; n != nil && rest != ""; {
		var key string
		idx := -1
		if rest[0] == '[' {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				break
			}
			i, err := strconv.Atoi(rest[1:end])
			if err != nil {
				break
			}
			idx, rest = i, rest[end+1:]
		} else {
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			key, rest = rest[:end], rest[end:]
		}
		rest = strings.TrimPrefix(rest, ".")
		next := (*yaml.Node)(nil)
		switch {
		case idx >= 0 && n.Kind == yaml.SequenceNode && idx < len(n.Content):
			next = n.Content[idx]
			line = next.Line
		case idx < 0 && n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					next = n.Content[i+1]
					line = n.Content[i].Line
					break
				}
			}
		}
		n = next
	}
	return line
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

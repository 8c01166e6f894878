package lint

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// parseCost parses data with the default limits and returns the problems, the bytes the
// parse allocated and how long it took.
func parseCost(t *testing.T, data []byte) ([]Problem, uint64, time.Duration) {
	t.Helper()
	var probs []Problem
	var v struct {
		Items []item `yaml:"items"`
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	_, ok := Parse("f.yaml", data, &v, &probs)
	took := time.Since(start)
	runtime.ReadMemStats(&m1)
	if ok {
		t.Fatal("the file was accepted")
	}
	return probs, m1.TotalAlloc - m0.TotalAlloc, took
}

// Reproduction 9a: a 50 MB YAML file took 2.5 GB to lint.
func TestHugeYAMLIsRefusedWithoutParsing(t *testing.T) {
	data := []byte(strings.Repeat("items:\n  - name: a\n", 50<<20/19))
	probs, alloc, took := parseCost(t, data)
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "more than the limit") {
		t.Fatalf("problems: %v", probs)
	}
	if alloc > 1<<20 || took > time.Second {
		t.Fatalf("refusing took %d bytes and %v", alloc, took)
	}
}

func TestAliasBombIsRefused(t *testing.T) {
	// Billion laughs: nine levels of ten aliases each expand to 10^9 nodes.
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString(strings.NewReplacer("N", string(rune('0'+i)), "P", string(rune('0'+i-1))).
			Replace("aN: &aN [*aP, *aP, *aP, *aP, *aP, *aP, *aP, *aP, *aP, *aP]\n"))
	}
	b.WriteString("items: *a9\n")
	probs, alloc, took := parseCost(t, []byte(b.String()))
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "YAML nodes") || probs[0].Line == 0 {
		t.Fatalf("problems: %v", probs)
	}
	if alloc > 1<<20 || took > time.Second {
		t.Fatalf("refusing took %d bytes and %v", alloc, took)
	}
}

func TestNodeAndScalarLimits(t *testing.T) {
	// Under the byte limit but over the node limit, without any alias.
	many := "items: [" + strings.Repeat("{name: a}, ", 30_000) + "]\n"
	if probs, _, _ := parseCost(t, []byte(many)); len(probs) != 1 || !strings.Contains(probs[0].Msg, "50000 YAML nodes") {
		t.Fatalf("node limit: %v", probs)
	}
	long := "items:\n  - name: ok\n  - name: " + strings.Repeat("长", 2000) + "\n"
	probs, _, _ := parseCost(t, []byte(long))
	if len(probs) != 1 || probs[0].Line != 3 || !strings.Contains(probs[0].Msg, "6000 bytes") {
		t.Fatalf("scalar limit: %v", probs)
	}
}

func TestAliasesWithinLimitsStillWork(t *testing.T) {
	src := "defs:\n  t: &t [{label: x}]\nitems:\n  - name: a\n    tags: *t\n"
	var probs []Problem
	var v struct {
		Defs  map[string]any `yaml:"defs"`
		Items []item         `yaml:"items"`
	}
	if _, ok := Parse("f.yaml", []byte(src), &v, &probs); !ok || len(probs) != 0 || v.Items[0].Tags[0].Label != "x" {
		t.Fatalf("%v %v %+v", ok, probs, v)
	}
}

package quizimport

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// Fuzz targets: go test -fuzz=FuzzGIFT ./internal/quizimport (FuzzAiken, FuzzCSV alike).
// Without -fuzz they run on their seeds (testdata and testdata/fuzz/…) as normal tests.
// Whatever the input, Import must not panic, must not report an internal error, and
// what it accepts must load as a bank without errors.

func fuzzSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func fuzzImport(t *testing.T, name string, data []byte, def Defaults) {
	if len(data) > 64<<10 {
		t.Skip("large inputs are the limits tests' job; they make fuzzing crawl")
	}
	res, err := Import(name, data, Options{Defaults: def})
	if err != nil {
		if strings.Contains(err.Error(), "internal error") || strings.Contains(err.Error(), "does not pass the bank's rules") {
			t.Fatalf("%v", err)
		}
		if errors.Is(err, ErrDefaults) || errors.Is(err, ErrFormat) {
			t.Fatalf("usage error for fixed options: %v", err)
		}
		return // an unreadable file (encoding) is a plain error
	}
	if len(res.Report.Entries) == 0 {
		t.Fatal("empty report")
	}
	if len(res.Questions) > 0 {
		roundTrip(t, res)
	}
}

func FuzzGIFT(f *testing.F) {
	fuzzSeeds(f, "sample.gift")
	f.Add([]byte("::tf::Drugs can ruin everything.{F}\";\n"))
	f.Add([]byte("::m::[html]<p>问 {=[plain]A. 甲 ~B、乙 ####[html]<b>解</b>}。</p>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "f.gift", data, fullDefaults)
	})
}

func FuzzAiken(f *testing.F) {
	fuzzSeeds(f, "sample.aiken")
	f.Add([]byte("问？\nＡ．甲\nB) B、乙\nANSWER: Ｂ\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "f.aiken", data, Defaults{})
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte(chineseCSV))
	f.Add([]byte("标题\n" + bigHeader + "\n" + bigRow(3) + "\n" + bigRow(3) + "\n"))
	f.Add([]byte("type;audience;difficulty;topic;prompt_zh;prompt_en;choice_a_zh;choice_a_en;choice_b_zh;choice_b_en;answer;explanation_zh;explanation_en;source\n" +
		"单选;成人;２;法律;问;Q;A、甲;A) a;B．乙;(B) b;Ｂ;解;E;s\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, "f.csv", data, Defaults{})
	})
}

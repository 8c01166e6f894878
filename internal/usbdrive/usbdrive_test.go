package usbdrive

import (
	"runtime"
	"testing"
)

func TestFirstRemovableReadyDrive(t *testing.T) {
	for _, c := range []struct {
		name string
		ds   []drive
		want string
	}{
		{"none", nil, ""},
		{"fixed disks only", []drive{{`C:\`, false, true}, {`D:\`, false, true}}, ""},
		{"stick after the disks", []drive{{`C:\`, false, true}, {`E:\`, true, true}}, `E:\`},
		{"empty card slot skipped", []drive{{`C:\`, false, true}, {`E:\`, true, false}, {`F:\`, true, true}}, `F:\`},
		{"floppy letters skipped", []drive{{`A:\`, true, true}, {`B:\`, true, true}, {`G:\`, true, true}}, `G:\`},
		{"only an empty slot", []drive{{`E:\`, true, false}}, ""},
	} {
		if got := first(c.ds); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestResolve(t *testing.T) {
	if got := Resolve("/media/usb"); got != "/media/usb" {
		t.Fatalf("a configured path changed: %q", got)
	}
	got := Resolve(Auto)
	if runtime.GOOS != "windows" && got != "" {
		t.Fatalf("auto outside Windows found %q", got)
	}
	// On Windows (or Wine) whatever is found is a drive root.
	if got != "" && (len(got) != 3 || got[1:] != `:\`) {
		t.Fatalf("auto found %q, not a drive root", got)
	}
}

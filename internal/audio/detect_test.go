package audio

import (
	"errors"
	"testing"
)

func TestCountDetect(t *testing.T) {
	if ok, why := countDetect(0, nil); ok || why != "no sound card is connected" {
		t.Errorf("no devices: %v %q", ok, why)
	}
	if ok, why := countDetect(0, errors.New("winmm.dll missing")); ok || why == "" {
		t.Errorf("no system: %v %q", ok, why)
	}
	if ok, _ := countDetect(2, nil); !ok {
		t.Error("two devices, yet no sound")
	}
}

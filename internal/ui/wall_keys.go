package ui

import "fyne.io/fyne/v2"

// keysInput is the keyboard mode of 写留言 (wired when the on-screen keyboard lands).
type keysInput struct{}

func (s *Shell) keyboardReady() bool               { return false }
func (v *composeView) keysMain() fyne.CanvasObject { return nil }
func (v *composeView) keysText() string            { return "" }

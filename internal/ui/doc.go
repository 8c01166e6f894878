// Package ui is the kiosk's Fyne user interface: the theme, the shell (persistent bar,
// navigation, idle prompt, staff entry) and one screen per exhibit zone. It depends on the
// UI-free packages (content, kiosk, audio) through small interfaces and never the reverse;
// touch widgets live in the touch subpackage.
package ui

// Package kiosk holds the UI-free state of one exhibition screen: the visitor session and
// its idle reset, the staff settings, the staff PIN with its lockout, the hidden staff
// gesture and the interface through which visitor events leave the UI. Time comes from an
// injected Clock so that tests never sleep.
package kiosk

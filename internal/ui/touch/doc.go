// Package touch has the kiosk's touch widgets: a tappable wrapper for any canvas object, a
// swipe container (desktop touchscreens deliver touch as mouse drags, and Fyne's scroll
// containers do not scroll on drag, so paging uses buttons and swipes) and an invisible
// hot corner. Widgets and their renderers are kept in separate files.
package touch

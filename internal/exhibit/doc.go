// Package exhibit is the core of a running kiosk between the domain packages and the UI:
// the content pack on show (behind one atomic swap, with a change notification), the
// running visit (session and idle reset, language, text size, volume, zone dwell, the
// staff audit rule) and quiz dealing with its saved state. It imports no Fyne and is
// tested with a manual clock; the UI keeps navigation and drawing.
//
// Concurrency: a Shelf may be read and swapped from any goroutine. A Visit and Quizzes
// belong to the UI thread, like the views that use them.
package exhibit

// Package wall is the message wall (禁毒留言) without Fyne: the message model (typed text,
// finger ink as stroke vectors, a ready phrase), its bounds, the word filter and the
// personal-data rules that hold a message back, the moderation states, the durable SQLite
// store with retention and a corrupt file moved aside, and the ink rasteriser the wall
// draws handwriting with.
package wall

package event

import "time"

// Message-wall events name a message by its id (Item). Only wall_message carries a
// message's content, and only once staff (or the rules) put it on the wall: the moderated
// wall posts the design allows in the log.
const (
	WallPost  = "wall_post"  // a visitor sent a message; KeyKind, KeyState, KeyGroup
	WallHeld  = "wall_held"  // the filter held a typed message back; KeyReason
	WallView  = "wall_view"  // a visitor opened one message large
	StaffWall = "staff_wall" // a moderation decision; KeyAction, KeyCount
	// WallMessage carries a message that is on the wall (KeyState approved, with its
	// content) or was taken down (hidden, without it) to the hub, through the USB export
	// and the upload like every event; the hub keeps the latest state per message (Item).
	WallMessage = "wall_message"
	KeyText     = "text"
	KeyPhrase   = "phrase"
	KeyInk      = "ink" // wall.Ink.Encode form
	KeyCreated  = "created"
	KeyKind     = "kind"
	KeyState    = "state"
	KeyCount    = "count"
)

// Moderation actions of StaffWall events.
const (
	WallApprove     = "approve"
	WallReject      = "reject"
	WallHide        = "hide"
	WallShow        = "show"
	WallApprovePage = "approve_page"
)

// WallContent is what a wall_message event carries of an approved message.
type WallContent struct {
	Kind, Text, Phrase, Ink, Group, Lang string
	Created                              time.Time
}

// NewWallMessage carries message id to the hub in state (approved: with its content;
// hidden: without).
func NewWallMessage(id, state string, c WallContent) Event {
	data := map[string]any{KeyState: state}
	if state == "approved" {
		data[KeyKind], data[KeyLang] = c.Kind, c.Lang
		data[KeyCreated] = c.Created.UTC().Format(time.RFC3339)
		for k, v := range map[string]string{KeyText: c.Text, KeyPhrase: c.Phrase, KeyInk: c.Ink, KeyGroup: c.Group} {
			if v != "" {
				data[k] = v
			}
		}
	}
	return Event{Type: WallMessage, Item: id, Data: data}
}

// NewWallPost marks a message sent: its kind (text, ink, phrase), the state it starts in
// (pending or approved) and the optional group label.
func NewWallPost(zone, id, kind, state, group string) Event {
	data := map[string]any{KeyKind: kind, KeyState: state}
	if group != "" {
		data[KeyGroup] = group
	}
	return Event{Type: WallPost, Zone: zone, Item: id, Data: data}
}

// NewWallHeld marks typed text the filter held back, with the rule that held it (word,
// phone, qq, wechat, email, url, idcard, digits); the text itself is not kept.
func NewWallHeld(zone, reason string) Event {
	return Event{Type: WallHeld, Zone: zone, Data: map[string]any{KeyReason: reason}}
}

// NewWallView marks one message opened large.
func NewWallView(zone, id string) Event { return Event{Type: WallView, Zone: zone, Item: id} }

// NewStaffWall marks a moderation decision on one message (id) or on a page of them
// (WallApprovePage, id empty, count the number approved).
func NewStaffWall(action, id string, count int) Event {
	return Event{Type: StaffWall, Item: id, Data: map[string]any{KeyAction: action, KeyCount: count}}
}

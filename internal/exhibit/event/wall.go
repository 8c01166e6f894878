package event

// Message-wall events. A message's text never goes into an event: the event names the
// message by its id (Item), which the wall store and the hub hold.
const (
	WallPost  = "wall_post"  // a visitor sent a message; KeyKind, KeyState, KeyGroup
	WallHeld  = "wall_held"  // the filter held a typed message back; KeyReason
	WallView  = "wall_view"  // a visitor opened one message large
	StaffWall = "staff_wall" // a moderation decision; KeyAction, KeyCount
	KeyKind   = "kind"
	KeyState  = "state"
	KeyCount  = "count"
)

// Moderation actions of StaffWall events.
const (
	WallApprove     = "approve"
	WallReject      = "reject"
	WallHide        = "hide"
	WallShow        = "show"
	WallApprovePage = "approve_page"
)

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

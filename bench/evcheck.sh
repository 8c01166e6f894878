#!/usr/bin/env bash
# evcheck.sh EVENTS_DB: the visitor log after a soak, checked intact and complete: SQLite's
# integrity check, no gap in seq, meta.last_seq = max(seq), every visitor event in a session
# that started, starts and ends paired (the visit open at stop aside), zone enter/leave
# paired. Prints the counts; exits 1 on a failed check. Needs the sqlite3 CLI.
set -euo pipefail
db=$1
q() { sqlite3 -batch -noheader "file:$db?mode=ro" "$1"; }
fail=0
check() { # NAME OK-CONDITION-RESULT (1 or 0) DETAIL
  if [ "$2" = 1 ]; then echo "  ok    $1 ($3)"; else echo "  FAIL  $1 ($3)"; fail=1; fi
}
echo "event log $db:"
ic=$(q 'PRAGMA integrity_check')
check "integrity_check" "$([ "$ic" = ok ] && echo 1 || echo 0)" "$ic"
read -r n lo hi < <(q "SELECT COUNT(*), COALESCE(MIN(seq),0), COALESCE(MAX(seq),0) FROM events" | tr '|' ' ')
check "seq without gaps" "$([ "$n" -gt 0 ] && [ $((hi - lo + 1)) -eq "$n" ] && echo 1 || echo 0)" "$n events, seq $lo..$hi"
last=$(q "SELECT value FROM meta WHERE key='last_seq'")
check "meta.last_seq = max(seq)" "$([ "$last" = "$hi" ] && echo 1 || echo 0)" "$last"
starts=$(q "SELECT COUNT(*) FROM events WHERE type='session_start'")
ends=$(q "SELECT COUNT(*) FROM events WHERE type='session_end'")
sessions=$(q "SELECT COUNT(DISTINCT session_id) FROM events WHERE session_id<>''")
check "session starts = sessions" "$([ "$starts" = "$sessions" ] && echo 1 || echo 0)" "$starts starts, $sessions sessions"
check "session ends paired" "$([ "$ends" -le "$starts" ] && [ "$ends" -ge $((starts - 1)) ] && echo 1 || echo 0)" "$ends ends"
orphans=$(q "SELECT COUNT(*) FROM events e WHERE session_id<>'' AND type NOT LIKE 'staff_%' AND NOT EXISTS (SELECT 1 FROM events s WHERE s.type='session_start' AND s.session_id=e.session_id)")
check "no event outside a started session" "$([ "$orphans" = 0 ] && echo 1 || echo 0)" "$orphans"
enter=$(q "SELECT COUNT(*) FROM events WHERE type='zone_enter'")
leave=$(q "SELECT COUNT(*) FROM events WHERE type='zone_leave'")
check "zone enter/leave paired" "$([ $((enter - leave)) -ge 0 ] && [ $((enter - leave)) -le 1 ] && echo 1 || echo 0)" "$enter enters, $leave leaves"
echo "  by type: $(q "SELECT type||'='||COUNT(*) FROM events GROUP BY type ORDER BY COUNT(*) DESC" | tr '\n' ' ')"
exit $fail

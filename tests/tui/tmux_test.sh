#!/usr/bin/env bash
# The real kabiscope-tui under tmux, as a user on a build server drives it: open the demo pair,
# filter to a symbol, open it, step to the next change, check that the marked rows are the diff
# engine's causes, open the root causes, resize to 80x24, open a corrupt file, quit. Stable
# screens are compared with tests/tui/expected/*.txt (KABISCOPE_UPDATE_EXPECTED=1 rewrites them).
# Usage: tmux_test.sh <kabiscope-tui> <kabiscope> <demo dir> <expected dir>
set -u
TUI=$(readlink -f "$1") K=$(readlink -f "$2") DEMO=$(readlink -f "$3") EXPECTED=$(readlink -f "$4")
WORK=$(mktemp -d)
SOCKET="kabiscope-test-$$"
tmx() { tmux -L "$SOCKET" "$@"; }
trap 'tmx kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

command -v tmux >/dev/null || { echo "FAIL: tmux is not installed (scripts/install-deps installs it)"; exit 1; }

# The screen as text. The demo pair is opened by relative paths, so no screen names the build tree.
screen() { tmx capture-pane -p -t tui; }
# wait_for TEXT: until the screen shows TEXT (10 s at most).
wait_for() {
    for _ in $(seq 100); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}
# same_as NAME: the screen equals expected/NAME.txt.
same_as() {
    screen >"$WORK/$1.txt"
    if [ "${KABISCOPE_UPDATE_EXPECTED:-}" = 1 ]; then cp "$WORK/$1.txt" "$EXPECTED/$1.txt"; fi
    if diff -u "$EXPECTED/$1.txt" "$WORK/$1.txt" >"$WORK/$1.diff"; then pass "screen $1"; else fail "screen $1 differs:"; cat "$WORK/$1.diff"; fi
}

tmx new-session -d -s tui -x 120 -y 40 -c "$DEMO" \
    "env LANG=C.UTF-8 TERM=xterm-256color '$TUI' --stable demo.0.o demo.1.o; echo \"exit=\$?\" >'$WORK/exit'; sleep 5"
wait_for "demo_register" && pass "the demo pair opens" || { fail "no symbol list: $(screen)"; exit 1; }
same_as list-120x40

tmx send-keys -t tui / && tmx send-keys -t tui -l demo_register && tmx send-keys -t tui Enter
wait_for "1 of 8" && pass "the filter narrows the list as it is typed" || fail "filter: $(screen)"
tmx send-keys -t tui Enter
wait_for "Change 1 of 2" && pass "Enter opens the symbol at its first change" || fail "open: $(screen)"
same_as symbol-120x40

# The rows marked as changes are the diff engine's causes of demo_register, no more and no fewer.
"$K" diff --stable --format json "$DEMO/demo.0.o" "$DEMO/demo.1.o" >"$WORK/diff.json"
python3 - "$WORK/diff.json" demo_register >"$WORK/nodes" <<'PY'
import json, sys
diff = json.load(open(sys.argv[1]))
causes = {c["id"]: c for c in diff["causes"]}
symbol = next(s for s in diff["symbols"] if s["name"] == sys.argv[2])
for cause in symbol["causes"]:  # "where": the node inside the cause's type ("member rx_dropped")
    print(causes[cause]["where"])
PY
# Each change in turn (the tree scrolls to it): every row marked ~ + or − on the way.
screen | sed -n '4,23p' | grep -E '^(~|\+|−)' >"$WORK/marked"
tmx send-keys -t tui n
wait_for "Change 2 of 2" && screen | grep -qF "#2 e#demo_link enumerator DEMO_LINK_DORMANT: added" \
    && pass "n goes to the next change and its details" || fail "next change: $(screen)"
screen | sed -n '4,23p' | grep -E '^(~|\+|−)' >>"$WORK/marked"
sort -u -o "$WORK/marked" "$WORK/marked"
if [ -s "$WORK/nodes" ] && [ "$(wc -l <"$WORK/nodes")" -eq "$(wc -l <"$WORK/marked")" ] &&
    while read -r node; do grep -qF -- "$node" "$WORK/marked" || exit 1; done <"$WORK/nodes"; then
    pass "the marked rows are the diff's causes ($(paste -sd, "$WORK/nodes"))"
else
    fail "marked rows $(cat "$WORK/marked") against causes $(cat "$WORK/nodes")"
fi

tmx send-keys -t tui Escape Tab
wait_for "[Causes]" && pass "Tab shows the root causes" || fail "causes: $(screen)"
same_as causes-120x40

tmx resize-window -t tui -x 80 -y 24
sleep 0.3
wait_for "[Causes]" || true
if [ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le 80 ] && [ "$(screen | wc -l)" -le 24 ]; then  # wc -L: display columns
    pass "resized to 80x24, everything fits"
else
    fail "80x24: $(screen)"
fi
same_as causes-80x24

printf 'not an object' >"$WORK/corrupt.o"
tmx send-keys -t tui o && tmx send-keys -t tui -l "$WORK/corrupt.o" && tmx send-keys -t tui Enter
wait_for "Cannot load:" && screen | grep -qF "corrupt.o: not an ELF file" && pass "a corrupt file gives its one-line error" \
    || fail "corrupt file: $(screen)"
tmx send-keys -t tui x
sleep 0.3
screen | grep -qF "Cannot load:" && fail "the error box stays" || pass "any key closes the error box"
screen | grep -qF "[Causes]" && pass "and the explorer is still usable" || fail "after the error: $(screen)"

tmx send-keys -t tui Tab q
for _ in $(seq 50); do [ -s "$WORK/exit" ] && break; sleep 0.1; done
[ "$(cat "$WORK/exit" 2>/dev/null)" = "exit=0" ] && pass "q quits with status 0" || fail "quit: $(cat "$WORK/exit" 2>/dev/null)"

# --demo opens the same pair wherever the build tree is.
tmx new-session -d -s demo -x 100 -y 30 "env LANG=C.UTF-8 TERM=xterm-256color '$TUI' --demo; sleep 5"
for _ in $(seq 100); do tmx capture-pane -p -t demo | grep -qF "demo_register" && break; sleep 0.1; done
tmx capture-pane -p -t demo | grep -qF "(stable)" && pass "--demo opens the bundled pair with --stable" \
    || fail "--demo: $(tmx capture-pane -p -t demo)"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]

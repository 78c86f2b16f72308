#!/usr/bin/env bash
# CLI contract tests: outputs, exit codes, and one-line errors for bad input.
# Usage: cli_test.sh <kabiscope binary> <tests/data dir>
set -u
K="$1"
DATA="$2/gendwarfksyms"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_error NAME EXPECTED_EXIT MESSAGE_SUBSTRING CMD...
expect_error() {
    local name=$1 code=$2 message=$3
    shift 3
    "$@" >"$WORK/out" 2>"$WORK/err"
    local rc=$?
    local lines
    lines=$(wc -l <"$WORK/err")
    if [ "$rc" -ne "$code" ]; then fail "$name: exit $rc, expected $code ($(head -c 300 "$WORK/err"))"; return; fi
    if [ "$code" -eq 1 ] && [ "$lines" -ne 1 ]; then fail "$name: expected one line on stderr, got $lines"; return; fi
    if ! grep -qF -- "$message" "$WORK/err"; then fail "$name: stderr lacks '$message': $(cat "$WORK/err")"; return; fi
    if [ -s "$WORK/out" ] && [ "$code" -eq 1 ]; then fail "$name: printed to stdout on error"; return; fi
    pass "$name"
}

# --- outputs ---------------------------------------------------------------------------------
obj="$DATA/obj/fx_basic.gcc.o"
"$K" versions --symtypes "$WORK/st" --crc-input "$WORK/ci" "$obj" >"$WORK/out" 2>"$WORK/err"
cmp -s "$WORK/out" "$DATA/expected/fx_basic.gcc.symvers" && pass "versions stdout" || fail "versions stdout differs"
cmp -s "$WORK/st" "$DATA/expected/fx_basic.gcc.symtypes" && pass "--symtypes file" || fail "--symtypes differs"
cmp -s "$WORK/ci" "$DATA/expected/fx_basic.gcc.versions" && pass "--crc-input file" || fail "--crc-input differs"
[ ! -s "$WORK/err" ] && pass "no warnings on a clean object" || fail "unexpected stderr: $(cat "$WORK/err")"

"$K" versions --stable --symbols - "$obj" <"$DATA/expected/fx_basic.gcc.list.syms" >"$WORK/out" 2>"$WORK/err"
cmp -s "$WORK/out" "$DATA/expected/fx_basic.gcc.list.stable.symvers" && pass "--symbols - (stdin)" || fail "--symbols - differs"
grep -q "no information for symbol no_such_symbol" "$WORK/err" && pass "unknown symbol warns" || fail "no warning for unknown symbol"

"$K" versions --format symvers "$obj" >"$WORK/out"
line=$(grep -P '^0x6bed9dcc\tfx_register\t' "$WORK/out")
[ "$(printf '%s' "$line" | awk -F'\t' '{print NF}')" = 5 ] && pass "--format symvers has 5 columns" || fail "--format symvers: '$line'"

rm -f "$WORK/none.symtypes"
"$K" versions --symtypes "$WORK/none.symtypes" "$DATA/obj/fx_noexport.gcc.o" >"$WORK/out"
[ ! -s "$WORK/out" ] && [ ! -e "$WORK/none.symtypes" ] && pass "no exports: no output, no symtypes file" || fail "no-export object"

"$K" versions --rust "$DATA/obj/fx_rust.v0.o" >"$WORK/out"
cmp -s "$WORK/out" "$DATA/expected/fx_rust.v0.symvers" && pass "--rust discovery" || fail "--rust output differs"

# --- help and version --------------------------------------------------------------------------
"$K" --version | grep -q '^kabiscope [0-9]' && pass "--version" || fail "--version"
"$K" --help | grep -q versions && pass "--help lists commands" || fail "--help"
"$K" versions --help | grep -q 'Examples' && pass "versions --help has examples" || fail "versions --help"

# --- bad input: one line naming the file, exit 1 ---------------------------------------------
head -c 3000 "$obj" >"$WORK/truncated.o"
expect_error "truncated ELF" 1 "kabiscope: $WORK/truncated.o: truncated ELF file" "$K" versions "$WORK/truncated.o"
echo "just text" >"$WORK/text.o"
expect_error "text file" 1 "kabiscope: $WORK/text.o: not an ELF file" "$K" versions "$WORK/text.o"
objcopy --strip-debug "$obj" "$WORK/nodebug.o"
expect_error "no DWARF" 1 "kabiscope: $WORK/nodebug.o: no DWARF debugging information" "$K" versions "$WORK/nodebug.o"
expect_error "missing file" 1 "kabiscope: $WORK/missing.o: No such file or directory" "$K" versions "$WORK/missing.o"
expect_error "directory" 1 "kabiscope: $WORK: is a directory" "$K" versions "$WORK"
python3 - "$obj" "$WORK/corrupt.o" <<'PY'
import re, subprocess, sys, random
src, dst = sys.argv[1], sys.argv[2]
out = subprocess.run(['readelf', '-S', '-W', src], capture_output=True, text=True).stdout
off, size = next((int(m.group(1), 16), int(m.group(2), 16)) for m in
                 (re.search(r'\]\s+\.debug_info\s+\S+\s+\S+\s+(\S+)\s+(\S+)', l) for l in out.splitlines()) if m)
data = bytearray(open(src, 'rb').read())
random.seed(1)
for i in range(off + 12, off + size):
    data[i] = random.randrange(256)
open(dst, 'wb').write(data)
PY
expect_error "corrupt .debug_info" 1 "kabiscope: $WORK/corrupt.o: corrupt DWARF" "$K" versions "$WORK/corrupt.o"
printf '2\0declonly\0foo\0\0' >"$WORK/rules.bin"
objcopy --update-section .discard.gendwarfksyms.kabi_rules="$WORK/rules.bin" "$DATA/obj/fx_kabi_v2.gcc.o" "$WORK/badrules.o"
expect_error "malformed kABI rules" 1 "unsupported kABI rule version '2'" "$K" versions --stable "$WORK/badrules.o"
printf 'foo\n\nbar\n' >"$WORK/list.txt"
expect_error "malformed symbol list" 1 "kabiscope: $WORK/list.txt: line 2: malformed input line" \
    "$K" versions --symbols "$WORK/list.txt" "$obj"
expect_error "unreadable symbol list" 1 "kabiscope: $WORK/nolist: cannot open symbol list" \
    "$K" versions --symbols "$WORK/nolist" "$obj"

# --- usage errors: exit 2 ----------------------------------------------------------------------
expect_error "no subcommand" 2 "subcommand" "$K"
expect_error "unknown subcommand" 2 "subcommand" "$K" frobnicate
expect_error "missing FILE" 2 "FILE is required" "$K" versions
expect_error "bad --format" 2 "--format" "$K" versions --format xml "$obj"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]

#!/usr/bin/env bash
# CLI contract tests: outputs, exit codes, and one-line errors for bad input.
# Usage: cli_test.sh <kabiscope binary> <tests/data dir> <build/tests/fixtures dir>
set -u
K="$1"
DATA="$2/gendwarfksyms"
FIX="${3:?the fixtures directory (build/tests/fixtures) is the third argument}"
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
printf 'fx_register\nnope_a\nnope_b\nnope_c\nnope_d\n' >"$WORK/nopes.txt"
"$K" versions --symbols "$WORK/nopes.txt" "$obj" >"$WORK/out" 2>"$WORK/err"
[ "$(wc -l <"$WORK/err")" -eq 1 ] && grep -q "no information for 4 symbols (nope_a, nope_b, nope_c, ...)" "$WORK/err" \
    && pass "symbols without DWARF: one summary line" || fail "summary of symbols without DWARF: $(cat "$WORK/err")"
"$K" versions -v --symbols "$WORK/nopes.txt" "$obj" >"$WORK/out" 2>"$WORK/err"
[ "$(grep -c "no information for symbol nope_" "$WORK/err")" -eq 4 ] && pass "-v names each symbol without DWARF" \
    || fail "-v: $(cat "$WORK/err")"

"$K" versions --format symvers "$obj" >"$WORK/out"
line=$(grep -P '^0x6bed9dcc\tfx_register\t' "$WORK/out")
[ "$(printf '%s' "$line" | awk -F'\t' '{print NF}')" = 5 ] && pass "--format symvers has 5 columns" || fail "--format symvers: '$line'"

rm -f "$WORK/none.symtypes"
"$K" versions --symtypes "$WORK/none.symtypes" "$DATA/obj/fx_noexport.gcc.o" >"$WORK/out"
[ ! -s "$WORK/out" ] && [ ! -e "$WORK/none.symtypes" ] && pass "no exports: no output, no symtypes file" || fail "no-export object"

"$K" versions --rust "$DATA/obj/fx_rust.v0.o" >"$WORK/out"
cmp -s "$WORK/out" "$DATA/expected/fx_rust.v0.symvers" && pass "--rust discovery" || fail "--rust output differs"

objcopy --compress-debug-sections=zlib-gabi "$obj" "$WORK/compressed.o"
"$K" versions "$WORK/compressed.o" >"$WORK/out"
cmp -s "$WORK/out" "$DATA/expected/fx_basic.gcc.symvers" && pass "compressed debug sections (SHF_COMPRESSED)" \
    || fail "compressed debug sections differ"

# --- help and version --------------------------------------------------------------------------
"$K" --version | grep -q '^kabiscope [0-9]' && pass "--version" || fail "--version"
"$K" --help | grep -q versions && pass "--help lists commands" || fail "--help"
"$K" versions --help | grep -q 'Examples' && pass "versions --help has examples" || fail "versions --help"

# --- bad input: one line naming the file, exit 1 ---------------------------------------------
head -c 3000 "$obj" >"$WORK/truncated.o"
expect_error "truncated ELF" 1 "kabiscope: $WORK/truncated.o: truncated ELF file" "$K" versions "$WORK/truncated.o"
head -c 40 "$obj" >"$WORK/header40.o"
expect_error "ELF cut inside its header" 1 "kabiscope: $WORK/header40.o: truncated ELF file: 40 bytes, shorter than its 64-byte ELF header" \
    "$K" versions "$WORK/header40.o"
: >"$WORK/empty.o"
expect_error "empty file" 1 "kabiscope: $WORK/empty.o: empty file" "$K" versions "$WORK/empty.o"
# Installed modules ship compressed: each format reads as the object itself.
xz -c "$obj" >"$WORK/module.ko.xz"
zstd -q -c "$obj" >"$WORK/module.ko.zst"
gzip -c "$obj" >"$WORK/module.ko.gz"
for packed in module.ko.xz module.ko.zst module.ko.gz; do
    if "$K" versions "$WORK/$packed" >"$WORK/out" 2>"$WORK/err" && cmp -s "$WORK/out" "$DATA/expected/fx_basic.gcc.symvers"; then
        pass "versions of $packed"
    else
        fail "versions of $packed: $(head -c 300 "$WORK/err")"
    fi
done
head -c 2000 "$WORK/module.ko.xz" >"$WORK/cut.ko.xz"
expect_error "truncated xz" 1 "kabiscope: $WORK/cut.ko.xz: truncated xz data" "$K" versions "$WORK/cut.ko.xz"
head -c 2000 "$WORK/module.ko.zst" >"$WORK/cut.ko.zst"
expect_error "truncated zstd" 1 "kabiscope: $WORK/cut.ko.zst: truncated zstd data" "$K" versions "$WORK/cut.ko.zst"
head -c 2000 "$WORK/module.ko.gz" >"$WORK/cut.ko.gz"
expect_error "truncated gzip" 1 "kabiscope: $WORK/cut.ko.gz: truncated gzip data" "$K" versions "$WORK/cut.ko.gz"
echo "not a module" | xz -c >"$WORK/text.ko.xz"
expect_error "xz of text" 1 "kabiscope: $WORK/text.ko.xz: xz-compressed data: not an ELF file inside" "$K" versions "$WORK/text.ko.xz"
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

# --- diff and explain ---------------------------------------------------------------------------
v1="$DATA/obj/fx_kabi.gcc.o"
v2="$DATA/obj/fx_kabi_v2.gcc.o"
"$K" diff "$v1" "$v1" >"$WORK/out"; rc=$?
[ "$rc" -eq 0 ] && grep -q "0 changed" "$WORK/out" && pass "diff of a build with itself exits 0" || fail "self diff: exit $rc"
"$K" diff "$v1" "$v2" >"$WORK/out"; rc=$?
[ "$rc" -eq 4 ] && grep -q "modversion changed because of changes in struct kdev" "$WORK/out" \
    && pass "diff exits 4 and names the struct" || fail "diff v1 v2: exit $rc"
"$K" diff --stable "$v1" "$v2" >"$WORK/out"; rc=$?
[ "$rc" -eq 0 ] && pass "diff --stable: kABI rules keep every CRC" || fail "diff --stable: exit $rc"
"$K" diff --format json -o "$WORK/report.json" "$v1" "$v2"; rc=$?
[ "$rc" -eq 4 ] && python3 -c "
import json,sys
r=json.load(open('$WORK/report.json'))
assert r['summary']['changed']==2, r['summary']
assert all(s['causes'] for s in r['symbols'] if s['status']=='changed')
ids={c['id'] for c in r['causes']}
assert all(i in ids for s in r['symbols'] for i in s['causes'])
assert all({'id','node','description','symbols','symbol_indexes','folded'} <= set(c) for c in r['causes'])
assert all(r['symbols'][i]['status']=='changed' and c['id'] in r['symbols'][i]['causes'] for c in r['causes'] for i in c['symbol_indexes'])
assert all(c['node'] in r['types'] and 'old' in r['types'][c['node']] for c in r['causes'])
assert not any('old' in c or 'symbol_names' in c for c in r['causes'])
" && pass "diff --format json -o: schema" || fail "json report"
"$K" diff --format html "$v1" "$v2" | grep -q "<h2>Root causes</h2>" && pass "diff --format html" || fail "html report"
"$K" diff --format markdown "$v1" "$v2" | grep -q "^## Root causes" && pass "diff --format markdown" || fail "markdown report"
"$K" explain "$v1" "$v2" kabi_dev >"$WORK/out"; rc=$?
[ "$rc" -eq 4 ] && grep -q "^Cause #" "$WORK/out" && grep -q "first differ at byte" "$WORK/out" \
    && pass "explain shows causes and the first differing byte" || fail "explain: exit $rc"
expect_error "explain unknown symbol" 1 "kabiscope: no_such: no such exported symbol" "$K" explain "$v1" "$v2" no_such
expect_error "explain suggests a close name" 1 "no such exported symbol in either build; did you mean kabi_dev?" \
    "$K" explain "$v1" "$v2" _kabi_dev
expect_error "-o into a missing directory" 1 "kabiscope: $WORK/nodir/r.txt: cannot create file: directory '$WORK/nodir' does not exist" \
    "$K" diff -o "$WORK/nodir/r.txt" "$v1" "$v2"
expect_error "diff with a bad side" 1 "kabiscope: $WORK/text.o: not an ELF file" "$K" diff "$v1" "$WORK/text.o"
"$K" diff --help | grep -q "Exit status" && pass "diff --help documents exit status" || fail "diff --help"

mkdir -p "$WORK/build-a/drivers/fx" "$WORK/build-b/drivers/fx"
cp "$v1" "$WORK/build-a/drivers/fx/kabi.ko"
cp "$v2" "$WORK/build-b/drivers/fx/kabi.ko"
"$K" diff --format json "$WORK/build-a" "$WORK/build-b" >"$WORK/dir.json"; rc=$?
[ "$rc" -eq 4 ] && python3 -c "
import json
r=json.load(open('$WORK/dir.json'))
assert {s['module'] for s in r['symbols']} == {'drivers/fx/kabi'}, r['symbols']
" && pass "diff of build directories names modules by their path in the build" || fail "directory diff: exit $rc"
# A symbol list applied to many files selects among what each exports (the list names one
# symbol of each build, one changed, and one that neither has).
printf 'kabi_dev\nno_such_anywhere\n' >"$WORK/dir-list.txt"
cp "$DATA/obj/fx_basic.gcc.o" "$WORK/build-a/drivers/fx/basic.ko"
cp "$DATA/obj/fx_basic.gcc.o" "$WORK/build-b/drivers/fx/basic.ko"
"$K" diff --all --symbols "$WORK/dir-list.txt" "$WORK/build-a" "$WORK/build-b" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 4 ] && grep -q "^Summary: 1 changed, 0 added, 0 removed, 0 unchanged" "$WORK/out" \
    && ! grep -q "0x00000000" "$WORK/out" && grep -q "neither build exports listed symbol no_such_anywhere" "$WORK/err" \
    && pass "diff --symbols on directories: listed names only where exported, unknown ones warned" \
    || fail "diff --symbols on directories: exit $rc: $(cat "$WORK/out" "$WORK/err" | head -c 400)"
"$K" versions --symbols "$WORK/dir-list.txt" "$v1" "$DATA/obj/fx_basic.gcc.o" >"$WORK/out" 2>"$WORK/err"
[ "$(wc -l <"$WORK/out")" -eq 1 ] && grep -q "^#SYMVER kabi_dev " "$WORK/out" \
    && grep -q "no file exports listed symbol no_such_anywhere" "$WORK/err" \
    && pass "versions --symbols on several files: one line per exported name" || fail "versions --symbols on several files: $(cat "$WORK/out")"
# --keep-going: a corrupt module in a tree is reported, the rest is diffed, and the exit status
# says something was left out.
cp -r "$WORK/build-b" "$WORK/build-c"
head -c 3000 "$v2" >"$WORK/build-c/drivers/fx/broken.ko"
expect_error "a corrupt module fails the load" 1 "broken.ko: truncated ELF file" "$K" diff "$WORK/build-a" "$WORK/build-c"
"$K" diff --keep-going "$WORK/build-a" "$WORK/build-c" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 1 ] && grep -q "^kabiscope: error: .*broken.ko: truncated ELF file.* (skipped)" "$WORK/err" \
    && grep -q "^Summary: 2 changed" "$WORK/out" \
    && pass "diff --keep-going reports the corrupt module and diffs the rest" \
    || fail "diff --keep-going: exit $rc: $(cat "$WORK/out" "$WORK/err" | head -c 400)"
expect_error "--keep-going does not skip the only file" 1 "kabiscope: $WORK/text.o: not an ELF file" \
    "$K" diff --keep-going "$v1" "$WORK/text.o"
"$K" diff -o /dev/null "$v1" "$v2"; rc=$?
[ "$rc" -eq 4 ] && pass "-o /dev/null is accepted" || fail "-o /dev/null: exit $rc"
mkdir -p "$WORK/empty"
expect_error "directory without builds" 1 "kabiscope: $WORK/empty: directory holds no vmlinux and no kernel modules (.ko, .ko.xz, .ko.zst, .ko.gz)" \
    "$K" diff "$WORK/build-a" "$WORK/empty"

# --- installed modules and their -dbg packages (--debug-root) --------------------------------
tree="$FIX/debug_tree"
installed="$tree/installed/lib/modules/9.9.9-kabiscope/kernel/drivers/fx/fx.ko.xz"
"$K" versions "$tree/fx.ko" >"$WORK/built.txt"
"$K" versions --debug-root "$tree/debug/usr/lib/debug" "$installed" >"$WORK/out" 2>"$WORK/err"
cmp -s "$WORK/out" "$WORK/built.txt" && [ -s "$WORK/out" ] && pass "versions of a stripped .ko.xz from its -dbg tree"     || fail "versions --debug-root differs: $(cat "$WORK/err")"
expect_error "a stripped module without its debug file" 1 "no debug file for build-id" "$K" versions "$installed"
expect_error "a debug file of another build" 1 "is of another build" "$K" versions --debug-root "$tree/wrong" "$installed"
expect_error "--debug-root must be a directory" 2 "--debug-root" "$K" versions --debug-root "$WORK/nowhere" "$installed"
# A directory of installed modules is a build; the diff of it equals the diff of the modules as built.
"$K" diff --debug-root "$tree/debug/usr/lib/debug" "$tree/installed" "$tree/installed" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 0 ] && grep -q "0 changed" "$WORK/out" && pass "diff of installed module trees" \
    || fail "diff of installed trees: exit $rc $(cat "$WORK/err")"

# --- symtypes: the CRCs recomputed from gendwarfksyms' own text --------------------------------
"$K" versions "$DATA/expected/fx_basic.gcc.symtypes" >"$WORK/out" 2>"$WORK/err"
cmp -s "$WORK/out" "$DATA/expected/fx_basic.gcc.symvers" && pass "versions of a symtypes file" \
    || fail "versions of symtypes differs: $(cat "$WORK/err")"
printf 'fx_a subprogram ( s#nowhere )\n' >"$WORK/bad.symtypes"
expect_error "symtypes with an unknown reference" 1 "unknown type reference to 's#nowhere'" "$K" versions "$WORK/bad.symtypes"
expect_error "symtypes and objects mixed" 2 "either symtypes files and references or objects" "$K" versions "$WORK/bad.symtypes" "$obj"

# --- a review's symbol list in the INI form (Android GKI, libabigail, RHEL stablelists) -------
printf '# vendor list\n[abi_symbol_list]\n  rp_register\n' >"$WORK/gki.ini"
"$K" diff --symbols "$WORK/gki.ini" "$FIX/ripple.0.o" "$FIX/ripple.1.o" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 4 ] && grep -q "Summary: 1 changed, 0 added, 0 removed, 0 unchanged" "$WORK/out" && pass "diff --symbols with an INI list" \
    || fail "INI symbol list: exit $rc $(cat "$WORK/out" "$WORK/err")"
printf '[abi_symbol_list\n  rp_register\n' >"$WORK/bad.ini"
expect_error "malformed INI symbol list" 1 "kabiscope: $WORK/bad.ini: line 1: malformed section header" \
    "$K" diff --symbols "$WORK/bad.ini" "$FIX/ripple.0.o" "$FIX/ripple.1.o"

# --- kABI rules from a file (--kabi-rules): the section's records as text lines ----------------
for ruled in "$DATA/obj/fx_kabi_v2.gcc.o" "$DATA/obj/fx_typestr.gcc.o"; do
    name=$(basename "$ruled" .o)
    objcopy --dump-section .discard.gendwarfksyms.kabi_rules="$WORK/$name.rules.bin" "$ruled" "$WORK/$name.copy.o"
    # "1\0type\0target\0value\0" records -> "type<TAB>target<TAB>value" lines
    tr '\0' '\n' <"$WORK/$name.rules.bin" | paste - - - - | cut -f2- >"$WORK/$name.rules"
    objcopy --remove-section .discard.gendwarfksyms.kabi_rules "$ruled" "$WORK/$name.norules.o"
    "$K" versions --stable "$ruled" >"$WORK/with-section" 2>/dev/null
    "$K" versions --stable "$WORK/$name.norules.o" >"$WORK/without" 2>/dev/null
    "$K" versions --kabi-rules "$WORK/$name.rules" "$WORK/$name.norules.o" >"$WORK/with-file" 2>"$WORK/err"
    if ! cmp -s "$WORK/with-section" "$WORK/without" && cmp -s "$WORK/with-section" "$WORK/with-file"; then
        pass "--kabi-rules: a file of $name's section records gives the section's CRCs"
    else
        fail "--kabi-rules on $name: $(cat "$WORK/err"; diff "$WORK/with-section" "$WORK/with-file")"
    fi
done
# A rule in the file comes after the section's: it wins, as a later record in the section would.
printf 'enumerator_value\tkcmd KCMD_MAX\t3\n' >"$WORK/later.rules"
"$K" versions --stable "$DATA/obj/fx_kabi_v2.gcc.o" >"$WORK/section-only"
"$K" versions --kabi-rules "$WORK/later.rules" "$DATA/obj/fx_kabi_v2.gcc.o" >"$WORK/later"
printf 'enumerator_value\tkcmd KCMD_MAX\t2\n' >"$WORK/same.rules"
"$K" versions --kabi-rules "$WORK/same.rules" "$DATA/obj/fx_kabi_v2.gcc.o" >"$WORK/same"
! cmp -s "$WORK/section-only" "$WORK/later" && cmp -s "$WORK/section-only" "$WORK/same" \
    && pass "--kabi-rules: the file's rules apply after the section's" || fail "--kabi-rules precedence"
"$K" diff --kabi-rules "$WORK/fx_kabi_v2.gcc.rules" "$DATA/obj/fx_kabi_v2.gcc.o" "$WORK/fx_kabi_v2.gcc.norules.o" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 0 ] && pass "diff --kabi-rules: the object without its section plus the file is the same build" \
    || fail "diff --kabi-rules: exit $rc $(cat "$WORK/out" "$WORK/err" | head -c 400)"
# member_ignore: what KABI_IGNORE would do to a member, before the source has it.
printf 'member_ignore\tfh_conf extra\n' >"$WORK/ignore.rules"
old_crc=$("$K" versions --stable "$FIX/fix_hole.0.o")
"$K" versions --kabi-rules "$WORK/ignore.rules" "$FIX/fix_hole.1.o" >"$WORK/out"
[ "$(cat "$WORK/out")" = "$old_crc" ] && [ "$("$K" versions --stable "$FIX/fix_hole.1.o")" != "$old_crc" ] \
    && [ "$("$K" versions --stable "$FIX/fix_hole.2.o")" = "$old_crc" ] \
    && pass "--kabi-rules member_ignore gives the CRC the KABI_IGNORE source gives" || fail "member_ignore: $(cat "$WORK/out")"
printf 'declonly\tkpriv\nshrink\tkdev\t8\n' >"$WORK/bad.rules"
expect_error "malformed kABI rules file" 1 "kabiscope: $WORK/bad.rules:2: unknown kABI rule type 'shrink'" \
    "$K" versions --kabi-rules "$WORK/bad.rules" "$DATA/obj/fx_kabi_v2.gcc.o"
expect_error "kABI rules need DWARF" 1 "kABI rules (--kabi-rules) change how DWARF is versioned" \
    "$K" diff --kabi-rules "$WORK/same.rules" "$DATA/expected/fx_basic.gcc.symtypes" "$DATA/obj/fx_basic.gcc.o"

# --- teach: how a modversion is made, step by step ------------------------------------------------
"$K" teach "$FIX/ripple.1.o" rp_register >"$WORK/out" 2>"$WORK/err"; rc=$?
crc=$("$K" versions "$FIX/ripple.1.o" | awk '$2 == "rp_register" { print $3 }')
[ "$rc" -eq 0 ] && grep -qF "#SYMVER rp_register $crc" "$WORK/out" && grep -q "first time: written out in full" "$WORK/out" \
    && grep -q "struct modversion_info" "$WORK/out" && pass "teach: the steps end at the #SYMVER line versions prints" \
    || fail "teach: exit $rc $(head -c 400 "$WORK/out" "$WORK/err")"
"$K" teach --against "$FIX/ripple.0.o" "$FIX/ripple.1.o" rp_register >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 4 ] && grep -q "That byte is in the expansion of s#rp_stats" "$WORK/out" \
    && grep -q "belongs to this one" "$WORK/out" && pass "teach --against: where the inputs first differ, and its cause" \
    || fail "teach --against: exit $rc $(tail -c 600 "$WORK/out"; cat "$WORK/err")"
"$K" teach --against "$FIX/ripple.0.o" "$FIX/ripple.1.o" rp_lookup >"$WORK/out" 2>&1; rc=$?
[ "$rc" -eq 0 ] && grep -q "Both builds hash the same" "$WORK/out" && pass "teach --against: an unchanged symbol exits 0" \
    || fail "teach unchanged: exit $rc"
expect_error "teach: no such symbol" 1 "no_such_symbol" "$K" teach "$FIX/ripple.1.o" no_such_symbol
printf '0x12345678\trp_register\tvmlinux\tEXPORT_SYMBOL\t\n' >"$WORK/teach.symvers"
expect_error "teach needs types" 1 "teaching needs the types its CRC is made of" "$K" teach "$WORK/teach.symvers" rp_register

# --- diff --suggest-fixes: a fix per root cause, proven by recomputation -------------------------
"$K" diff --suggest-fixes --format json "$FIX/fix_enum.0.o" "$FIX/fix_enum.1.o" >"$WORK/out" 2>"$WORK/err"; rc=$?
if [ "$rc" -eq 4 ] && /usr/bin/env python3 -c '
import json, sys
fixes = [c["fix"] for c in json.load(open(sys.argv[1]))["causes"]]
assert fixes and all(f["safe"] and f["verified"] and f["exists"] for f in fixes), fixes
assert "KABI_ENUMERATOR_VALUE(fe_state, FE_MAX, 2);" in fixes[0]["text"], fixes[0]
' "$WORK/out"; then pass "diff --suggest-fixes: JSON causes carry a verified fix"; else fail "--suggest-fixes json: exit $rc $(cat "$WORK/err")"; fi
"$K" diff --suggest-fixes "$FIX/fix_insert.0.o" "$FIX/fix_insert.1.o" >"$WORK/out" 2>&1
grep -q "no safe fix: $" "$WORK/out" && grep -q "inserted before others" "$WORK/out" \
    && pass "diff --suggest-fixes: says plainly when no safe fix exists" || fail "--suggest-fixes text: $(cat "$WORK/out")"
"$K" diff --format json "$FIX/fix_enum.0.o" "$FIX/fix_enum.1.o" | grep -q '"fix"' && fail "fix in JSON without --suggest-fixes" \
    || pass "no fix field without --suggest-fixes"

# --- a Module.symvers is a build of CRCs without types ----------------------------------------
printf '0x12345678\tfx_a\tvmlinux\tEXPORT_SYMBOL\t\n0x0000abcd\tfx_b\tdrivers/fx\tEXPORT_SYMBOL_GPL\t\n' >"$WORK/old.symvers"
printf '0x12345679\tfx_a\tvmlinux\tEXPORT_SYMBOL\t\n0x0000abcd\tfx_b\tdrivers/fx\tEXPORT_SYMBOL_GPL\t\n0x1\tfx_c\tvmlinux\tEXPORT_SYMBOL\t\n' >"$WORK/new.symvers"
"$K" diff "$WORK/old.symvers" "$WORK/new.symvers" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 4 ] && grep -q "Summary: 1 changed, 1 added, 0 removed, 1 unchanged" "$WORK/out" \
    && grep -q "Neither build has types for 1 changed symbol" "$WORK/out" && pass "diff of two Module.symvers" \
    || fail "diff of Module.symvers: exit $rc $(cat "$WORK/out" "$WORK/err")"
"$K" diff "$WORK/old.symvers" "$WORK/old.symvers" >/dev/null 2>&1; rc=$?
[ "$rc" -eq 0 ] && pass "a Module.symvers against itself" || fail "Module.symvers against itself: exit $rc"
printf '0x12345678\tfx_a\tvmlinux\tEXPORT_SYMBOL\t\n0x12\tfx_b\n' >"$WORK/bad.symvers"
expect_error "malformed Module.symvers" 1 "kabiscope: $WORK/bad.symvers:2: expected 3 to 5 tab-separated fields" \
    "$K" diff "$WORK/old.symvers" "$WORK/bad.symvers"
# --- a RHEL kABI stablelist directory (kabi-module/kabi_<arch>/, one file per symbol) ---------
mkdir -p "$WORK/kabi-module/kabi_x86_64"
"$K" versions --format symvers "$FIX/ripple.0.o" | while IFS= read -r line; do
    printf '#1-\n#P:ripple.c\n%s\n' "$line" >"$WORK/kabi-module/kabi_x86_64/$(printf '%s' "$line" | cut -f2)"
done
rm "$WORK/kabi-module/kabi_x86_64/rp_rx"  # off the stablelist
"$K" diff "$WORK/kabi-module" "$FIX/ripple.1.o" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 4 ] && grep -q "Summary: 2 changed, 1 added, 0 removed, 1 unchanged" "$WORK/out" \
    && grep -q "rp_register: modversion changed (the old build has no types for it" "$WORK/out" \
    && pass "diff of a RHEL stablelist directory against a build" || fail "diff of a stablelist: exit $rc $(cat "$WORK/out" "$WORK/err")"
"$K" diff --symbols "$WORK/kabi-module/kabi_x86_64" "$FIX/ripple.0.o" "$FIX/ripple.1.o" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 4 ] && grep -q "Summary: 2 changed, 0 added, 0 removed, 1 unchanged" "$WORK/out" && ! grep -q "rp_rx" "$WORK/out" \
    && pass "--symbols takes a stablelist directory" || fail "--symbols DIR: exit $rc $(cat "$WORK/out" "$WORK/err")"
"$K" check-modules --kernel "$WORK/kabi-module" "$FIX/mod_rp.o" >"$WORK/out" 2>"$WORK/err"; rc=$?
[ "$rc" -eq 4 ] && grep -q "crc_mismatch  rp_lookup: module expects 0x12345678" "$WORK/out" \
    && pass "check-modules against a stablelist directory" || fail "check-modules --kernel STABLELIST: exit $rc $(cat "$WORK/out" "$WORK/err")"
cp -r "$WORK/kabi-module/kabi_x86_64" "$WORK/kabi-module/kabi_s390x"
expect_error "a stablelist of several architectures" 1 "a kABI stablelist for 2 architectures (kabi_s390x, kabi_x86_64): name one" \
    "$K" diff "$WORK/kabi-module" "$FIX/ripple.1.o"
printf '#1-\n0x1\trp_other\tvmlinux\tEXPORT_SYMBOL\n' >"$WORK/kabi-module/kabi_s390x/rp_lookup"
expect_error "a stablelist entry naming another symbol" 1 "kabiscope: $WORK/kabi-module/kabi_s390x/rp_lookup:2: the line is for 'rp_other'" \
    "$K" diff "$WORK/kabi-module/kabi_s390x" "$FIX/ripple.1.o"
expect_error "versions of a stablelist" 1 "a kABI stablelist: it records CRCs" "$K" versions "$WORK/kabi-module/kabi_x86_64"
expect_error "graph needs types" 1 "no types for fx_a in it (CRCs only)" "$K" graph "$WORK/old.symvers" fx_a
expect_error "versions of a Module.symvers" 1 "a Module.symvers: it records CRCs" "$K" versions "$WORK/old.symvers"
# genksyms symtypes: genksyms' own CRCs, recomputed (tests/data/genksyms, docs/genksyms-symtypes.md).
GK="$2/genksyms"
for f in all.v1.symtypes all.v2.kabi; do
    "$K" versions "$GK/$f" >"$WORK/out" 2>"$WORK/err"
    cmp -s <(sort "$WORK/out") <(sort "$GK/${f%.*}.symver") && pass "versions of genksyms $f" \
        || fail "versions of genksyms $f: $(diff <(sort "$WORK/out") <(sort "$GK/${f%.*}.symver") | head -3) $(cat "$WORK/err")"
done
# A genksyms build's reference is a consolidated symtypes file: the same CRCs, the same diff.
"$K" reference "$GK/all.v1.symtypes" -o "$WORK/gk.kabi" && head -1 "$WORK/gk.kabi" | grep -q '^/\* ' \
    && cmp -s <("$K" versions "$WORK/gk.kabi" | sort) <(sort "$GK/all.v1.symver") \
    && pass "reference of genksyms symtypes: consolidated, same CRCs" || fail "genksyms reference: CRCs differ"
cmp -s <("$K" diff "$WORK/gk.kabi" "$GK/all.v2.kabi" | tail -n +2) <("$K" diff "$GK/all.v1.symtypes" "$GK/all.v2.kabi" | tail -n +2) \
    && pass "diff of a genksyms reference equals the diff of its symtypes" || fail "genksyms reference diff differs"
"$K" diff "$GK/all.v1.symtypes" "$DATA/expected/fx_basic.gcc.symtypes" >"$WORK/out" 2>&1
grep -q "^Note: the old build's CRCs are genksyms" "$WORK/out" && pass "genksyms against gendwarfksyms is said" \
    || fail "no note on mixed versioning: $(head -3 "$WORK/out")"
printf 's#fx struct fx { int a ; } \nfx_a int fx_a ( s#fy * ) \n' >"$WORK/fx.symtypes"
expect_error "genksyms symtypes with an undefined reference" 1 "$WORK/fx.symtypes:2: fx_a refers to s#fy, which the file does not define" \
    "$K" versions "$WORK/fx.symtypes"
# gendwarfksyms symtypes as the old side: the same causes as the DWARF old side.
"$K" versions --symtypes "$WORK/v1.symtypes" "$v1" >/dev/null
"$K" diff "$v1" "$v2" | tail -n +2 >"$WORK/dwarf.diff"
"$K" diff "$WORK/v1.symtypes" "$v2" >"$WORK/text.diff"; rc=$?
tail -n +2 "$WORK/text.diff" | cmp -s - "$WORK/dwarf.diff" && [ "$rc" -eq 4 ] \
    && pass "diff of symtypes against DWARF reports as DWARF against DWARF" \
    || fail "diff symtypes against DWARF: exit $rc; $(diff <(tail -n +2 "$WORK/text.diff") "$WORK/dwarf.diff" | head -5)"
"$K" explain "$WORK/v1.symtypes" "$v2" kabi_dev >"$WORK/out" 2>&1; grep -q "path: kabi_dev -> s#kdev -> member flags" "$WORK/out" \
    && pass "explain with a symtypes side" || fail "explain symtypes: $(head -3 "$WORK/out")"

# --- graph ------------------------------------------------------------------------------------
"$K" graph --format dot --against "$v1" "$v2" kabi_dev >"$WORK/g.dot"; rc=$?
[ "$rc" -eq 0 ] && grep -q 'label="struct kdev' "$WORK/g.dot" && grep -q 'fillcolor="#ffd6d6"' "$WORK/g.dot" \
    && pass "graph --format dot marks the changed struct" || fail "graph dot: exit $rc"
"$K" graph -o "$WORK/g.svg" "$v2" kabi_dev && grep -q "<svg" "$WORK/g.svg" && grep -q "struct kdev" "$WORK/g.svg" \
    && pass "graph renders SVG with Graphviz" || fail "graph svg"
expect_error "graph --only-changes needs --against" 2 "--only-changes needs --against" "$K" graph --only-changes "$v2" kabi_dev
expect_error "graph unknown symbol" 1 "no such exported symbol" "$K" graph "$v2" nope
# SVG is not for a terminal: run under a pseudo-terminal (script(1)).
script -qec "'$K' graph '$v2' kabi_dev" /dev/null >"$WORK/tty.out" 2>&1; rc=$?
[ "$rc" -eq 2 ] && grep -q "will not write SVG to a terminal" "$WORK/tty.out" && ! grep -q "<svg" "$WORK/tty.out" \
    && pass "graph refuses to write SVG to a terminal" || fail "graph on a tty: exit $rc: $(head -c 300 "$WORK/tty.out")"

# --- usage errors: exit 2 ----------------------------------------------------------------------
expect_error "no subcommand" 2 "subcommand" "$K"
expect_error "unknown subcommand" 2 "subcommand" "$K" frobnicate
expect_error "missing FILE" 2 "FILE is required" "$K" versions
expect_error "bad --format" 2 "--format" "$K" versions --format xml "$obj"
expect_error "diff needs two builds" 2 "NEW" "$K" diff "$obj"

# --- versions --check-recorded -----------------------------------------------------------------
"$K" versions --format symvers "$obj" >"$WORK/recorded.symvers"
"$K" versions --check-recorded "$WORK/recorded.symvers" "$obj" >"$WORK/out" 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "8 equal, 0 differ" "$WORK/out" && grep -q "versioned with gendwarfksyms" "$WORK/out"; then
    pass "--check-recorded: every CRC recorded"
else
    fail "--check-recorded equal: exit $rc $(cat "$WORK/out" "$WORK/err")"
fi
awk -F'\t' -v OFS='\t' '{ $1 = sprintf("0x%08x", NR); print }' "$WORK/recorded.symvers" >"$WORK/genksyms.symvers"
"$K" versions --check-recorded "$WORK/genksyms.symvers" "$obj" >"$WORK/out" 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 4 ] && grep -q "0 equal, 8 differ" "$WORK/out" && grep -q "not versioned from this DWARF" "$WORK/out" &&
    [ "$(grep -c '^differs' "$WORK/out")" -eq 8 ]; then
    pass "--check-recorded: another versioning says so, exit 4"
else
    fail "--check-recorded differing: exit $rc $(cat "$WORK/out" "$WORK/err")"
fi

# --- check-modules ----------------------------------------------------------------------------
printf '0x11111111\tfx_printk\tvmlinux\tEXPORT_SYMBOL\t\n0x33333333\tfx_kmalloc\tvmlinux\tEXPORT_SYMBOL_GPL\t\n' >"$WORK/ok.symvers"
printf '0x11111111\tfx_printk\tvmlinux\tEXPORT_SYMBOL\t\n0x22222222\tfx_kmalloc\tvmlinux\tEXPORT_SYMBOL_GPL\t\n' >"$WORK/new.symvers"
"$K" check-modules --kernel "$WORK/ok.symvers" "$FIX/mod_ubuntu.o" >"$WORK/out" 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "mod_ubuntu.o: loads" "$WORK/out"; then pass "check-modules: loads, exit 0"; else fail "check-modules loads: exit $rc $(cat "$WORK/err")"; fi
"$K" check-modules --kernel "$WORK/new.symvers" --format json "$FIX/mod_ubuntu.o" >"$WORK/out" 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 4 ] && python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))["modules"][0]
p = m["problems"][0]
assert not m["loads"] and p["symbol"] == "fx_kmalloc" and p["kind"] == "crc_mismatch", m
assert p["module_crc"] == "0x33333333" and p["kernel_crc"] == "0x22222222", p
' "$WORK/out"; then pass "check-modules: crc_mismatch in JSON, exit 4"; else fail "check-modules mismatch: exit $rc $(head -c 300 "$WORK/out")"; fi
printf '0x11111111\tfx_printk\tvmlinux\tEXPORT_SYMBOL\nnot a symvers line\n' >"$WORK/bad.symvers"
expect_error "check-modules: bad Module.symvers line" 1 "kabiscope: $WORK/bad.symvers:2: " "$K" check-modules --kernel "$WORK/bad.symvers" "$FIX/mod_ubuntu.o"
expect_error "check-modules: no such kernel" 1 "kabiscope: $WORK/nope: no such file or directory" "$K" check-modules --kernel "$WORK/nope" "$FIX/mod_ubuntu.o"
expect_error "check-modules: needs --kernel" 2 "--kernel" "$K" check-modules "$FIX/mod_ubuntu.o"
# rp_register's CRC moved with ripple.1 (rp_stats gained a member): the builds' DWARF says so;
# rp_lookup's recorded CRC differs too, but its types did not change: said, not invented.
printf '0x734fcfcf\trp_register\tvmlinux\tEXPORT_SYMBOL\t\n0x87654321\trp_lookup\tvmlinux\tEXPORT_SYMBOL\t\n' >"$WORK/rp.symvers"
"$K" check-modules --kernel "$WORK/rp.symvers" --old-build "$FIX/ripple.0.o" --new-build "$FIX/ripple.1.o" "$FIX/mod_rp.o" >"$WORK/out" 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 4 ] && grep -q "because s#rp_stats member dropped: added" "$WORK/out" &&
    grep -q "rp_register -> parameter 1 (dev) -> s#rp_netdev -> member queues -> s#rp_queue -> member stats -> s#rp_stats -> member dropped" "$WORK/out" &&
    grep -A1 "crc_mismatch  rp_lookup" "$WORK/out" | grep -q "the DWARF shows no type change"; then
    pass "check-modules: mismatches explained from the builds' DWARF"
else
    fail "check-modules --old-build/--new-build: exit $rc $(cat "$WORK/out" "$WORK/err" | head -c 600)"
fi
expect_error "check-modules: --old-build alone" 2 "--old-build and --new-build go together" \
    "$K" check-modules --kernel "$WORK/rp.symvers" --old-build "$FIX/ripple.0.o" "$FIX/mod_rp.o"
mkdir -p "$WORK/nomods"
expect_error "check-modules: empty directory" 1 "no kernel modules" "$K" check-modules --kernel "$WORK/ok.symvers" "$WORK/nomods"

# kABI sign-off: rules and waivers accept changes; exit 0 only when none is left open.
printf 'fd_use_o* FAIL\nfd_use_* PASS\nunused_rule PASS\n' >"$WORK/severity"
printf '[waiver]\ntype = s#fd_inner\nnode = member y\nchange = added\nreason = appended\nby = jd\n' >"$WORK/waivers"
"$K" diff --rules "$WORK/severity" --waivers "$WORK/waivers" "$FIX/folding.0.o" "$FIX/folding.1.o" >"$WORK/out" 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "^Sign-off: PASSED: 6 changed exports accepted, 0 open" "$WORK/out" &&
    grep -q "waiver $WORK/waivers:1 (jd: appended)" "$WORK/out" && grep -q "$WORK/severity:3: SYMBOL unused_rule PASS" "$WORK/out"; then
    pass "diff --rules --waivers: every change accepted, exit 0"
else
    fail "diff --rules --waivers: exit $rc $(head -c 600 "$WORK/out" "$WORK/err")"
fi
"$K" diff --rules "$WORK/severity" --format junit -o "$WORK/kabi.xml" "$FIX/folding.0.o" "$FIX/folding.1.o" >/dev/null 2>"$WORK/err"
rc=$?
if [ "$rc" -eq 4 ] && python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites" and root.get("failures") == "1", root.attrib
failed = [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None]
assert failed == ["fd_use_outer"], failed
' "$WORK/kabi.xml"; then pass "diff --format junit: one open export fails, exit 4"; else fail "diff --format junit: exit $rc $(head -c 400 "$WORK/kabi.xml" "$WORK/err")"; fi
"$K" diff --rules "$WORK/severity" --waivers "$WORK/waivers" --format json "$FIX/folding.0.o" "$FIX/folding.1.o" >"$WORK/out" 2>"$WORK/err"
if python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["signoff"]
assert s["passed"] and s["open"] == 0 and s["unused_rules"] == [sys.argv[2] + ":3"], s
' "$WORK/out" "$WORK/severity"; then pass "diff --format json: the sign-off under \"signoff\""; else fail "diff json signoff: $(head -c 400 "$WORK/out")"; fi
printf 'fd_use_* PASS\nfd_use_x MAYBE\n' >"$WORK/badrules"
expect_error "diff: malformed severity rule" 1 "kabiscope: $WORK/badrules:2: unknown verdict 'MAYBE' (expected PASS or FAIL)" \
    "$K" diff --rules "$WORK/badrules" "$FIX/folding.0.o" "$FIX/folding.1.o"
printf '[waiver]\ntype = s#x\nchange = added\nreason = r\n' >"$WORK/badwaivers"
expect_error "diff: waiver without a reviewer" 1 "kabiscope: $WORK/badwaivers:1: waiver without a reviewer (add 'by = <name>')" \
    "$K" diff --waivers "$WORK/badwaivers" "$FIX/folding.0.o" "$FIX/folding.1.o"
expect_error "diff: missing waiver file" 1 "kabiscope: $WORK/nowaivers: cannot read: No such file or directory" \
    "$K" diff --waivers "$WORK/nowaivers" "$FIX/folding.0.o" "$FIX/folding.1.o"

# The consolidated reference: written from DWARF, read back by versions with the same CRCs.
"$K" reference -o "$WORK/multi.ref" "$FIX/multi_unit.o" 2>"$WORK/err"
rc=$?
"$K" versions "$WORK/multi.ref" >"$WORK/ref.out" 2>>"$WORK/err"
"$K" versions "$FIX/multi_unit.o" >"$WORK/dwarf.out" 2>>"$WORK/err"
if [ "$rc" -eq 0 ] && [ -s "$WORK/ref.out" ] && cmp -s "$WORK/ref.out" "$WORK/dwarf.out" && head -1 "$WORK/multi.ref" | grep -qx "# kabiscope reference 1"; then
    pass "reference: versions of the reference = versions of its DWARF"
else
    fail "reference round trip: exit $rc $(head -c 300 "$WORK/err")"
fi
printf '# kabiscope reference 1\n/* vmlinux: a.o */\ns#foo@3\n' >"$WORK/bad.ref"
expect_error "reference: a rendering number never given" 1 "kabiscope: $WORK/bad.ref:3: s#foo has no rendering 3 before this line" \
    "$K" versions "$WORK/bad.ref"
# A reference is a diff side: reference of A against B reports as A against B.
for pair in folding ripple; do
    "$K" reference -o "$WORK/$pair.ref" "$FIX/$pair.0.o" 2>/dev/null
    "$K" diff "$WORK/$pair.ref" "$FIX/$pair.1.o" >"$WORK/ref.diff" 2>&1
    "$K" diff "$FIX/$pair.0.o" "$FIX/$pair.1.o" >"$WORK/dwarf.diff" 2>&1
    cmp -s <(tail -n +2 "$WORK/ref.diff" | sed "s|$WORK/$pair.ref|OLD|g") <(tail -n +2 "$WORK/dwarf.diff" | sed "s|$FIX/$pair.0.o|OLD|g") \
        && pass "reference of $pair.0 against $pair.1 = the DWARF diff" \
        || fail "reference diff of $pair: $(diff <(tail -n +2 "$WORK/ref.diff") <(tail -n +2 "$WORK/dwarf.diff") | head -6)"
done
expect_error "reference: a Module.symvers has no types" 1 "has no types to write a reference of" \
    "$K" reference "$WORK/ok.symvers"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]

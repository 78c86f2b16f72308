# shellcheck shell=bash
# Shared helpers for bench/versions and bench/diff.  Sourced, not run.
#
# Provides: die, note, bench_init, bench_vmlinux, bench_run, bench_table.
# Callers set `prog` before sourcing.

: "${prog:=${0##*/}}"
bench_repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
bench_data_root=${KABISCOPE_DATA:-$HOME/.cache/kabiscope}

die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }
note() { printf '%s: %s\n' "$prog" "$*" >&2; }

# Results, one entry per step.
bench_names=()
bench_status=()
bench_wall=()
bench_rss_kib=()
bench_is_baseline=()

bench_timeout=0
bench_runs=1
bench_tmp=

# bench_init: checks the tools and sets kabiscope_bin / walk_bin.
bench_init() {
    [[ -x /usr/bin/time ]] || die "/usr/bin/time not found (GNU time; install with: apt-get install time)"
    /usr/bin/time -f '%M' true 2>/dev/null \
        || die "/usr/bin/time is not GNU time (it needs -f); install package 'time'"
    if ((bench_timeout > 0)); then
        command -v timeout >/dev/null || die "'timeout' (coreutils) not found but --timeout was given"
    fi
    local build_dir=${KABISCOPE_BUILD_DIR:-$bench_repo_root/build}
    # shellcheck disable=SC2034  # used by the sourcing script
    kabiscope_bin=$build_dir/app/kabiscope
    # shellcheck disable=SC2034
    walk_bin=$build_dir/bench/kabiscope-dwarf-walk
    bench_tmp=$(mktemp -d "${TMPDIR:-/tmp}/kabiscope-bench.XXXXXX")
    # shellcheck disable=SC2064  # expand now: the path is fixed
    trap "rm -rf '$bench_tmp'" EXIT
}

# bench_vmlinux VERSION: prints the vmlinux fetched by bench/fetch-debian-kernel.
bench_vmlinux() {
    local dir=$bench_data_root/debian/$1
    if [[ -e $dir/vmlinux ]]; then
        printf '%s\n' "$dir/vmlinux"
        return 0
    fi
    local f
    f=$(find "$dir/usr/lib/debug/boot" -maxdepth 1 -type f -name 'vmlinux-*' -print -quit 2>/dev/null || true)
    [[ -n $f ]] || die "no vmlinux for $1 under $dir; run bench/fetch-debian-kernel $1 first, or pass a path"
    printf '%s\n' "$f"
}

# bench_describe_file PATH: one line about an input file.
bench_describe_file() {
    local size
    size=$(stat -L -c %s "$1" 2>/dev/null || echo '?')
    printf '  input: %s (%s bytes)\n' "$(realpath -- "$1")" "$size"
}

# bench_run NAME BASELINE(0|1) CMD...: runs CMD bench_runs times under
# /usr/bin/time with stdout to /dev/null (the baseline's one-line summary is
# kept and shown); keeps the best wall time and the largest peak RSS.  Never
# fails: a failing step is recorded and reported.
bench_run() {
    local name=$1 baseline=$2
    shift 2
    local status=ok best_wall='' max_rss=0 run rc wall rss t0 t1
    local tfile=$bench_tmp/time errfile=$bench_tmp/stderr outfile=/dev/null
    ((baseline)) && outfile=$bench_tmp/stdout

    if [[ ! -x $1 ]]; then
        note "$name: SKIPPED: binary not found or not executable: $1"
        bench_record "$name" "missing" "" "" "$baseline"
        return 0
    fi
    local -a cmd=("$@")
    if ((bench_timeout > 0)); then
        cmd=(timeout "$bench_timeout" "$@")
    fi

    for ((run = 1; run <= bench_runs; run++)); do
        note "$name: run $run/$bench_runs: $*"
        rc=0
        # Wall time from bash's microsecond clock (time's %e has 10 ms
        # resolution), peak RSS (KiB) from GNU time.
        # (EPOCHREALTIME's decimal separator follows the locale: drop it.)
        t0=${EPOCHREALTIME/[^0-9]/}
        /usr/bin/time -f '%M' -o "$tfile" "${cmd[@]}" >"$outfile" 2>"$errfile" || rc=$?
        # Exit status 4 is `kabiscope diff` saying "versions changed", a successful run.
        if ((rc == 4)) && [[ ${bench_accept_exit_4:-0} == 1 ]]; then rc=0; fi
        t1=${EPOCHREALTIME/[^0-9]/}
        t1=$(((t1 - t0 + 500) / 1000))  # milliseconds
        printf -v wall '%d.%03d' $((t1 / 1000)) $((t1 % 1000))
        # A killed command makes time prepend "Command terminated by signal N".
        rss=$(tail -n 1 "$tfile" 2>/dev/null || true)
        if ((baseline)) && [[ -s $outfile ]]; then
            note "$name: output: $(tail -n 1 "$outfile")"
        fi
        if ((rc != 0)); then
            if ((bench_timeout > 0 && rc == 124)); then
                status="timeout(${bench_timeout}s)"
            elif grep -q 'terminated by signal' "$tfile" 2>/dev/null; then
                status="FAIL($(grep -o 'signal [0-9]*' "$tfile" | head -n 1))"
            else
                status="FAIL(exit $rc)"
            fi
            note "$name: $status after ${wall:-?}s; last lines of its stderr:"
            tail -n 5 "$errfile" | sed 's/^/    | /' >&2
            best_wall=$wall
            [[ $rss =~ ^[0-9]+$ ]] && max_rss=$rss
            break
        fi
        if [[ -z $best_wall ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
            best_wall=$wall
        fi
        if [[ $rss =~ ^[0-9]+$ ]] && ((rss > max_rss)); then
            max_rss=$rss
        fi
    done
    bench_record "$name" "$status" "$best_wall" "$max_rss" "$baseline"
}

bench_record() {
    bench_names+=("$1")
    bench_status+=("$2")
    bench_wall+=("$3")
    bench_rss_kib+=("$4")
    bench_is_baseline+=("$5")
}

# bench_table [TSV_FILE]: prints the results; ratio = wall / baseline wall.
bench_table() {
    local tsv=${1:-} i base_wall='' ratio rss_mib
    for i in "${!bench_names[@]}"; do
        if [[ ${bench_is_baseline[i]} == 1 && ${bench_status[i]} == ok ]]; then
            base_wall=${bench_wall[i]}
        fi
    done
    printf '%-34s %-18s %9s %13s %7s\n' step status wall_s peak_rss_MiB ratio
    for i in "${!bench_names[@]}"; do
        ratio=-
        if [[ ${bench_status[i]} == ok && -n $base_wall ]]; then
            ratio=$(awk -v a="${bench_wall[i]}" -v b="$base_wall" \
                'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
        fi
        rss_mib=-
        if [[ ${bench_rss_kib[i]} =~ ^[0-9]+$ ]] && ((bench_rss_kib[i] > 0)); then
            rss_mib=$(awk -v k="${bench_rss_kib[i]}" 'BEGIN { printf "%.1f", k / 1024 }')
        fi
        printf '%-34s %-18s %9s %13s %7s\n' "${bench_names[i]}" "${bench_status[i]}" \
            "${bench_wall[i]:--}" "$rss_mib" "$ratio"
        if [[ -n $tsv ]]; then
            printf '%s\t%s\t%s\t%s\t%s\n' "${bench_names[i]}" "${bench_status[i]}" \
                "${bench_wall[i]:-}" "${bench_rss_kib[i]:-}" "$ratio" >>"$tsv"
        fi
    done
    if [[ -z $base_wall ]]; then
        note "baseline did not run successfully: no ratios (build it: cmake --build build --target kabiscope-dwarf-walk)"
    fi
}

# bench_failed: true when any step did not succeed.
bench_failed() {
    local s
    for s in "${bench_status[@]}"; do
        [[ $s == ok ]] || return 0
    done
    return 1
}

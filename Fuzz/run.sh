#!/usr/bin/env bash
# Fuzz: runs the libFuzzer targets one after the other and prints what each did.
# Usage: Fuzz/run.sh SECONDS TARGET... (targets: decode sentences docx pack check); `make fuzz` calls it
# after building .build-fuzz and writing the seed corpora. Corpora grow in Fuzz/corpus/<target>/,
# crashing inputs go to Fuzz/crashes/<target>/, full logs to .build-fuzz/logs/. Exits 1 when a target
# crashed (libFuzzer stops a target at its first crash; the others still run).
set -u
seconds=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/.build-fuzz/release
mkdir -p "$root/.build-fuzz/logs"
export SWIFT_BACKTRACE=enable=no          # let ASan and libFuzzer report crashes, not Swift's backtracer
export SOATXET_RULES=$root/Rules          # fuzz-check loads the default pack from here
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/Fuzz/lsan.supp:print_suppressions=0}
status=0
summary=""
for target in "$@"; do
    case $target in
        decode)    max_len=8192;  dict=vietnamese ;;
        sentences) max_len=8192;  dict=vietnamese ;;
        docx)      max_len=65536; dict=ooxml ;;
        pack)      max_len=65536; dict=yaml ;;
        check)     max_len=16384; dict=vietnamese ;;
        *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
    esac
    corpus=$root/Fuzz/corpus/$target
    crashes=$root/Fuzz/crashes/$target
    log=$root/.build-fuzz/logs/$target.log
    mkdir -p "$corpus" "$crashes"
    echo "fuzz-$target: ${seconds}s, max_len $max_len, corpus Fuzz/corpus/$target ($(ls "$corpus" | wc -l) inputs)"
    before=$(ls "$crashes" | wc -l)
    start=$(date +%s)
    # -timeout 10: the issue's per-document budget; a slower input is saved as a timeout-* artifact.
    "$bin/fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
        -dict="$root/Fuzz/dictionaries/$dict.dict" -artifact_prefix="$crashes/" -print_final_stats=1 \
        >"$log" 2>&1
    code=$?
    elapsed=$(( $(date +%s) - start ))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    found=$(( $(ls "$crashes" | wc -l) - before ))
    line="fuzz-$target: ${elapsed}s, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l), new crashes $found"
    if [ $code -ne 0 ]; then
        status=1
        line="$line (exit $code; see $log)"
        grep -m3 -E 'invariant broken|ERROR: (AddressSanitizer|libFuzzer)|Fatal error|SUMMARY' "$log" | sed 's/^/    /'
    fi
    echo "$line"
    summary="$summary$line"$'\n'
done
printf '\nsummary\n%s' "$summary"
exit $status

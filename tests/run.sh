#!/bin/sh
# Runs every test suite of libutsec and prints one line per suite, then
# "N passed, N failed". Exit status 1 when anything failed.
#   BUILD=build|build/san   VALGRIND=0|1   JOBS=2 (suites run in parallel)
BUILD=${BUILD:-build}
VALGRIND=${VALGRIND:-0}
export UTSEC="$BUILD/bin/utsec"
LOG="$BUILD/test-logs"
mkdir -p "$LOG"
pass=0
fail=0
failed=""

if [ "$VALGRIND" = 1 ]; then
    WRAP="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all"
else
    WRAP=""
fi
export UTSEC_WRAP="$WRAP"

run() { # name command...
    name=$1
    shift
    "$@" >"$LOG/$name.log" 2>&1
    report "$name" $?
}

report() { # name exit-status
    name=$1
    if [ "$2" -eq 0 ]; then
        pass=$((pass + 1))
        echo "PASS $name"
    else
        fail=$((fail + 1))
        failed="$failed $name"
        echo "FAIL $name (log: $LOG/$name.log)"
        tail -n 30 "$LOG/$name.log" | sed 's/^/    /'
    fi
}

# The cmocka suites and corpus replays use no sockets and no clocks, so they
# run JOBS at a time (CI: 2 cores); their verdicts print in a fixed order.
# The command-line tests start servers and wait on them: one at a time.
JOBS=${JOBS:-2}
pure=""
pids=""
bg() { # name command...: start in the background, keep at most JOBS
    name=$1
    shift
    ( "$@" >"$LOG/$name.log" 2>&1; echo $? >"$LOG/$name.rc" ) &
    pids="$pids $!"
    pure="$pure $name"
    set -- $pids
    if [ $# -ge "$JOBS" ]; then
        wait "$1"
        shift
        pids="$*"
    fi
}

rm -f "$LOG"/*.rc
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    bg "$(basename "$t")" $WRAP "$t"
done
for f in "$BUILD"/fuzz-replay/fuzz_*; do
    [ -x "$f" ] || continue
    n=$(basename "$f")
    bg "replay_${n#fuzz_}" $WRAP "$f" "tests/fuzz/corpus/${n#fuzz_}"
done
wait
for name in $pure; do
    report "$name" "$(cat "$LOG/$name.rc" 2>/dev/null || echo 1)"
done

# command-line contract tests (docs/cli.md)
for t in tests/cli/test_*.sh; do
    [ -f "$t" ] || continue
    run "cli_$(basename "$t" .sh)" sh "$t"
done

# every public header stands alone (C and C++)
run check_headers sh tests/check_headers.sh

# ABI: only utsec_* symbols exported
run check_symbols sh tests/check_symbols.sh "$BUILD/lib/libutsec.so"

echo
[ -z "$failed" ] || echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

# Shared prologue of the lab-program smoke tests (tests/cli/test_ex_*.sh),
# sourced: the binaries next to $UTSEC, $W (= $UTSEC_WRAP, e.g. valgrind)
# to prefix them with, a temporary directory $tmp removed on exit together
# with the processes listed in $pids, and the check / wait_file helpers.
# Each test sets `fail=1` through check and ends with `exit $fail`.
set -u
UTSEC=${UTSEC:-build/bin/utsec}
W=${UTSEC_WRAP:-}
BIN=$(dirname "$UTSEC")
fail=0
pids=""
tmp=$(mktemp -d "${TMPDIR:-/tmp}/utsec_ex.XXXXXX")
ex_cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    [ -z "${EX_TEST_KEEP:-}" ] || cp -r "$tmp" "$EX_TEST_KEEP"
    rm -rf "$tmp"
}
trap ex_cleanup EXIT
trap 'exit 2' INT TERM

check() { # name expected actual
    if [ "$2" != "$3" ]; then
        echo "FAIL $1: expected [$2], got [$3]"
        fail=1
    else
        echo "ok   $1"
    fi
}

# wait_file FILE: until a server has written its port file (10 s at most).
wait_file() {
    i=0
    while [ ! -s "$1" ]; do
        i=$((i + 1))
        if [ $i -gt 100 ]; then
            echo "FAIL: no $1 after 10 s"
            cat "$tmp"/*.log "$tmp"/out "$tmp"/err 2>/dev/null
            exit 1
        fi
        sleep 0.1
    done
}

# Shared helpers for the CLI contract tests (sourced). The tool is $UTSEC;
# $UTSEC_WRAP (e.g. valgrind) is prefixed when set.
: "${UTSEC:?set UTSEC to the utsec binary}"
T_PASS=0
T_FAIL=0

u() { $UTSEC_WRAP "$UTSEC" "$@"; }

# expect_out NAME EXPECTED_STDOUT -- ARGS...   (exit status must be 0)
expect_out() {
    name=$1 want=$2
    shift 3
    got=$(u "$@" 2>/tmp/utsec_cli_err.$$)
    rc=$?
    if [ "$rc" -eq 0 ] && [ "$got" = "$want" ]; then
        T_PASS=$((T_PASS + 1))
    else
        T_FAIL=$((T_FAIL + 1))
        printf 'FAIL %s (exit %s)\n--- expected\n%s\n--- got\n%s\n--- stderr\n' "$name" "$rc" "$want" "$got"
        cat /tmp/utsec_cli_err.$$
    fi
}

# expect_rc NAME RC -- ARGS...   (stderr must start with "utsec: " when RC != 0)
expect_rc() {
    name=$1 want=$2
    shift 3
    u "$@" >/dev/null 2>/tmp/utsec_cli_err.$$
    rc=$?
    if [ "$rc" -eq "$want" ] && { [ "$want" -eq 0 ] || grep -q '^utsec: ' /tmp/utsec_cli_err.$$; }; then
        T_PASS=$((T_PASS + 1))
    else
        T_FAIL=$((T_FAIL + 1))
        printf 'FAIL %s: exit %s, expected %s; stderr:\n' "$name" "$rc" "$want"
        cat /tmp/utsec_cli_err.$$
    fi
}

# expect_stdin_out NAME INPUT EXPECTED -- ARGS...
expect_stdin_out() {
    name=$1 input=$2 want=$3
    shift 4
    got=$(printf '%s' "$input" | u "$@" 2>/tmp/utsec_cli_err.$$)
    rc=$?
    if [ "$rc" -eq 0 ] && [ "$got" = "$want" ]; then
        T_PASS=$((T_PASS + 1))
    else
        T_FAIL=$((T_FAIL + 1))
        printf 'FAIL %s (exit %s)\n--- expected\n%s\n--- got\n%s\n' "$name" "$rc" "$want" "$got"
        cat /tmp/utsec_cli_err.$$
    fi
}

finish() {
    rm -f /tmp/utsec_cli_err.$$
    echo "$T_PASS passed, $T_FAIL failed"
    [ "$T_FAIL" -eq 0 ]
}

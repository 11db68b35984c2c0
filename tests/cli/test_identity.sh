#!/bin/sh
# CLI contract tests for the identity commands (docs/cli.md):
# identity, ap-check, xcap-authorize, pres-rules.
# Uses $UTSEC (the tool) and $UTSEC_WRAP (e.g. valgrind).
set -u
UTSEC=${UTSEC:-build/bin/utsec}
WRAP=${UTSEC_WRAP:-}
fails=0
tmp=${TMPDIR:-/tmp}/utsec-id-$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

# check NAME EXPECTED_STATUS EXPECTED_STDOUT [STDIN] -- ARGS...
check() {
    name=$1 want_rc=$2 want_out=$3 input=$4
    shift 5
    printf '%s' "$input" | $WRAP "$UTSEC" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    if [ "$rc" != "$want_rc" ] || [ "$out" != "$want_out" ]; then
        echo "FAIL $name: status $rc (want $want_rc)"
        echo "  got:  $out"
        echo "  want: $want_out"
        sed 's/^/  stderr: /' "$tmp/err"
        fails=$((fails + 1))
    else
        echo "ok   $name"
    fi
}
nl='
'

# ---- identity --header asserted|intended (value on stdin)
check asserted-one 0 "identity: sip:alice@example.com" '"sip:alice@example.com"' -- identity --header asserted
check asserted-list 0 "identity: sip:alice@example.com${nl}identity: tel:+1-201-555-0123" \
    '"sip:alice@example.com", "tel:+1-201-555-0123"
' -- identity --header asserted
check asserted-bare-angle 0 "identity: sip:a@x.com${nl}identity: b@x.com" '<sip:a@x.com> ,b@x.com' -- identity --header asserted
check asserted-crlf 0 "identity: sip:a@x.com" '"sip:a@x.com"
' -- identity --header asserted
check intended-one 0 "identity: sip:alice@example.com" '"sip:alice@example.com"' -- identity --header intended
check intended-two 1 "" '"sip:a@x.com", "sip:b@x.com"' -- identity --header intended
check trailing-comma 1 "" '"sip:a@x.com",' -- identity --header asserted
check empty 1 "" '' -- identity --header asserted
check escaped-quote 1 "" '"sip:a\"b@x.com"' -- identity --header asserted
check unterminated 1 "" '"sip:a@x.com' -- identity --header asserted
check bad-uri 1 "" '"sip:@x.com"' -- identity --header asserted
check bad-header-kind 2 "" '"sip:a@x.com"' -- identity --header other
check missing-header 2 "" '"sip:a@x.com"' -- identity
check unknown-option 2 "" '' -- identity --header asserted --bogus 1
printf '%s' '"sip:a@x.com",' | $WRAP "$UTSEC" identity --header asserted 2>"$tmp/err" >/dev/null
if ! grep -qx 'utsec: identity: malformed input (at offset 13)' "$tmp/err"; then
    echo "FAIL error-message: $(cat "$tmp/err")"; fails=$((fails + 1))
else echo "ok   error-message"; fi

# ---- ap-check
A1=sip:alice@example.com
A2=tel:+1-201-555-0123
check ap-no-intended 0 "decision: accept${nl}asserted: \"sip:alice@example.com\", \"tel:+1-201-555-0123\"" '' \
    -- ap-check --allowed $A1 --allowed $A2
check ap-owned 0 "decision: accept${nl}asserted: \"sip:alice@example.com\"" '' \
    -- ap-check --allowed $A1 --allowed $A2 --intended '"sip:%61lice@EXAMPLE.COM"'
check ap-owned-tel 0 "decision: accept${nl}asserted: \"tel:+1-201-555-0123\"" '' \
    -- ap-check --allowed $A1 --allowed $A2 --intended '"tel:+1.201.555.0123"'
check ap-not-owned 1 "decision: reject" '' \
    -- ap-check --allowed $A1 --allowed $A2 --intended '"sip:bob@example.com"'
if ! grep -qx 'utsec: ap-check: 403: identity not allowed for this user' "$tmp/err"; then
    echo "FAIL ap-403-message: $(cat "$tmp/err")"; fails=$((fails + 1))
else echo "ok   ap-403-message"; fi
check ap-malformed-intended 1 "decision: reject" '' \
    -- ap-check --allowed $A1 --intended '"sip:alice@example.com'
check ap-forged-reject 1 "decision: reject" '' \
    -- ap-check --allowed $A1 --ue-asserted '"sip:boss@example.com"'
check ap-forged-strip 0 "decision: accept${nl}asserted: \"sip:alice@example.com\"" '' \
    -- ap-check --allowed $A1 --ue-asserted '"sip:boss@example.com"' --policy strip
check ap-no-verify 0 "decision: accept${nl}asserted: \"sip:alice@example.com\"" '' \
    -- ap-check --allowed $A1 --intended '"sip:bob@example.com"' --no-verify
check ap-bad-allowed 1 "" '' -- ap-check --allowed 'sip:@x.com'
check ap-missing-allowed 2 "" '' -- ap-check --intended '"sip:a@x.com"'
check ap-bad-policy 2 "" '' -- ap-check --allowed $A1 --policy maybe

# ---- xcap-authorize
DOC=/xcap-root/pres-rules/users/sip:alice@example.com/index
check xcap-owner 0 "decision: allow" '' \
    -- xcap-authorize --asserted '"sip:alice@example.com"' --uri "http://xcap.example.com$DOC" --method PUT --root /xcap-root
check xcap-owner-encoded 0 "decision: allow" '' \
    -- xcap-authorize --asserted 'sip:alice@example.com' --uri /pres-rules/users/sip%3Aalice%40example.com/index --method DELETE
check xcap-other 1 "decision: deny" '' \
    -- xcap-authorize --asserted '"sip:bob@example.com"' --uri "$DOC" --method GET --root /xcap-root
check xcap-global-get 0 "decision: allow" '' \
    -- xcap-authorize --asserted '"sip:bob@example.com"' --uri /xcap-caps/global/index --method GET
check xcap-global-put 1 "decision: deny" '' \
    -- xcap-authorize --asserted '"sip:bob@example.com"' --uri /xcap-caps/global/index --method PUT
check xcap-traversal 1 "" '' \
    -- xcap-authorize --asserted '"sip:alice@example.com"' --uri /pres-rules/users/sip:alice@example.com/../x --method GET
check xcap-bad-asserted 1 "" '' \
    -- xcap-authorize --asserted '"sip:alice' --uri "$DOC" --method GET
check xcap-missing-method 2 "" '' \
    -- xcap-authorize --asserted '"sip:alice@example.com"' --uri "$DOC"

# ---- pres-rules (only when built with libexpat)
if "$UTSEC" pres-rules --help >/dev/null 2>&1; then
    cat >"$tmp/rules.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy"
            xmlns:pr="urn:ietf:params:xml:ns:pres-rules"
            xmlns:ocp="urn:oma:xml:xdm:common-policy">
  <cr:rule id="friends">
    <cr:conditions><cr:identity><cr:one id="sip:bob@example.com"/></cr:identity></cr:conditions>
    <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
  </cr:rule>
  <cr:rule id="domain">
    <cr:conditions><cr:identity><cr:many domain="example.com">
      <cr:except id="sip:mallory@example.com"/></cr:many></cr:identity></cr:conditions>
    <cr:actions><pr:sub-handling>confirm</pr:sub-handling></cr:actions>
  </cr:rule>
  <cr:rule id="work">
    <cr:conditions><cr:sphere value="work"/>
      <cr:validity><cr:from>2026-01-01T00:00:00Z</cr:from><cr:until>2027-01-01T00:00:00Z</cr:until></cr:validity>
    </cr:conditions>
    <cr:actions><pr:sub-handling>polite-block</pr:sub-handling></cr:actions>
  </cr:rule>
  <cr:rule id="anon">
    <cr:conditions><ocp:anonymous-request/></cr:conditions>
    <cr:actions><pr:sub-handling>block</pr:sub-handling></cr:actions>
  </cr:rule>
</cr:ruleset>
XML
    R=$tmp/rules.xml
    check pr-one 0 "sub-handling: allow" '' -- pres-rules --rules "$R" --watcher sip:bob@example.com
    check pr-many 0 "sub-handling: confirm" '' -- pres-rules --rules "$R" --watcher sip:carol@EXAMPLE.COM
    check pr-except 0 "sub-handling: block" '' -- pres-rules --rules "$R" --watcher sip:mallory@example.com
    check pr-sphere-valid 0 "sub-handling: polite-block" '' \
        -- pres-rules --rules "$R" --watcher sip:mallory@example.com --sphere work --time 2026-06-01T12:00:00Z
    check pr-sphere-expired 0 "sub-handling: block" '' \
        -- pres-rules --rules "$R" --watcher sip:mallory@example.com --sphere work --time 2027-06-01T12:00:00Z
    check pr-max 0 "sub-handling: allow" '' \
        -- pres-rules --rules "$R" --watcher sip:bob@example.com --sphere work --time 2026-06-01T12:00:00Z
    check pr-anonymous 0 "sub-handling: polite-block" '' \
        -- pres-rules --rules "$R" --anonymous --sphere work --time 2026-06-01T12:00:00Z
    check pr-anonymous-plain 0 "sub-handling: block" '' -- pres-rules --rules "$R" --anonymous
    printf '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>' >"$tmp/dtd.xml"
    check pr-dtd 1 "" '' -- pres-rules --rules "$tmp/dtd.xml" --watcher sip:bob@example.com
    check pr-bad-watcher 1 "" '' -- pres-rules --rules "$R" --watcher 'sip:@x'
    check pr-both 2 "" '' -- pres-rules --rules "$R" --watcher sip:bob@example.com --anonymous
    check pr-no-file 2 "" '' -- pres-rules --rules "$tmp/none.xml" --watcher sip:bob@example.com
    check pr-bad-time 2 "" '' -- pres-rules --rules "$R" --watcher sip:bob@example.com --time yesterday
else
    echo "skip pres-rules (built without libexpat)"
fi

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all passed"

#!/bin/sh
# Smoke test of examples/presence-server (examples/README.md): mutual TLS
# with the demo certificates, XCAP PUT/GET/DELETE of alice's pres-rules,
# watcher authorisation, and the refusals (untrusted client certificate,
# missing asserted identity, another user's tree, no client certificate).
# Talks to the server with curl; finishes in a few seconds; cleans up.
. tests/cli/ex_lib.sh
PS="$BIN/presence-server"

for tool in curl openssl; do
    command -v $tool >/dev/null 2>&1 || { echo "FAIL: $tool missing (make deps)"; exit 1; }
done
[ -x "$PS" ] || { echo "FAIL: $PS not built"; exit 1; }

sh examples/demo/mkcerts.sh "$tmp/c" || { echo "FAIL mkcerts"; exit 1; }
C=$tmp/c
# shellcheck disable=SC2086
$W "$PS" --port-file "$tmp/port" --ca "$C/ca.crt" --cert "$C/presence.crt" \
    --key "$C/presence.key" --trusted-ap-cert "$C/ap.crt" >"$tmp/out" 2>"$tmp/err" &
pid=$!
pids=$pid
wait_file "$tmp/port"
PORT=$(cat "$tmp/port")
BASE="https://presence.example.net:$PORT"
DOC=examples/demo/alice-pres-rules.xml
ALICE='X-3GPP-Asserted-Identity: "sip:alice@example.net", "tel:+15551230001"'
XUI=/pres-rules/users/sip:alice@example.net/index
CT='Content-Type: application/auth-policy+xml'

# req NODE [curl args...]: the HTTP status, body into $tmp/body
req() {
    node=$1
    shift
    curl -s --max-time 5 -o "$tmp/body" -w '%{http_code}' --cacert "$C/ca.crt" \
        --cert "$C/$node.crt" --key "$C/$node.key" \
        --resolve "presence.example.net:$PORT:127.0.0.1" "$@"
}

check "PUT new document" 201 "$(req ap -X PUT -H "$CT" -H "$ALICE" --data-binary @$DOC "$BASE$XUI")"
check "PUT replaces it" 200 "$(req ap -X PUT -H "$CT" -H "$ALICE" --data-binary @$DOC "$BASE$XUI")"
check "GET" 200 "$(req ap -H "$ALICE" "$BASE$XUI")"
if cmp -s "$tmp/body" "$DOC"; then echo "ok   GET returns the stored octets"; else
    echo "FAIL GET body differs from the PUT document"; fail=1; fi
# The XUI compares by URI equivalence (RFC 3261 §19.1.4: host case-insensitive).
check "GET by an equivalent XUI" 200 \
    "$(req ap -H "$ALICE" "$BASE/pres-rules/users/sip:alice@EXAMPLE.NET/index")"

watch() { # watcher (percent-encoded) -> body
    req ap -H "$ALICE" "$BASE/watcher-authorization?watcher=$1" >/dev/null
    cat "$tmp/body"
}
check "watcher bob" allow "$(watch sip%3Abob%40example.net)"
check "watcher mallory" block "$(watch sip%3Amallory%40spam.example)"
check "watcher carol (no rule)" block "$(watch sip%3Acarol%40example.net)"
check "watcher missing" 400 "$(req ap -H "$ALICE" "$BASE/watcher-authorization")"

# Refusals.
check "another user's tree" 403 \
    "$(req ap -H "$ALICE" "$BASE/pres-rules/users/sip:bob@example.net/index")"
check "no asserted identity" 403 "$(req ap "$BASE$XUI")"
check "rogue certificate asserting alice" 403 "$(req rogue -H "$ALICE" "$BASE$XUI")"
check "wrong Content-Type" 415 \
    "$(req ap -X PUT -H 'Content-Type: text/xml' -H "$ALICE" --data-binary @$DOC "$BASE$XUI")"
check "not pres-rules: 409 with an XCAP error document" "409 application/xcap-error+xml" \
    "$(req ap -X PUT -H "$CT" -H "$ALICE" --data-binary '<a><b></a>' \
        -w '%{http_code} %{content_type}' "$BASE$XUI")"
curl -s --max-time 5 -o /dev/null --cacert "$C/ca.crt" \
    --resolve "presence.example.net:$PORT:127.0.0.1" "$BASE$XUI"
rc=$?
if [ "$rc" -ne 0 ]; then echo "ok   no client certificate: handshake refused (curl exit $rc)"; else
    echo "FAIL no client certificate: curl succeeded"; fail=1; fi

check "DELETE" 200 "$(req ap -X DELETE -H "$ALICE" "$BASE$XUI")"
check "GET after DELETE" 404 "$(req ap -H "$ALICE" "$BASE$XUI")"
check "watcher without document" 404 \
    "$(req ap -H "$ALICE" "$BASE/watcher-authorization?watcher=sip:bob@example.net")"

kill -TERM "$pid"
wait "$pid"
check "server exit status after SIGTERM" 0 $?
pids=""

# The transcript names each decision.
for line in "ps: peer CN=ap.example.net trusted-ap=yes" \
    "ps: peer CN=rogue.example.net trusted-ap=no" \
    "ps: 403 asserted identity from untrusted peer" \
    "ps: 403 no asserted identity" \
    "ps: watcher sip:mallory@spam.example of sip:alice@example.net -> block"; do
    if grep -qF "$line" "$tmp/out"; then echo "ok   transcript: $line"; else
        echo "FAIL transcript lacks: $line"; fail=1; fi
done
if [ "$fail" -ne 0 ]; then
    echo "--- server stdout"; cat "$tmp/out"; echo "--- server stderr"; cat "$tmp/err"
fi
exit $fail

#!/bin/sh
# The Ut lab scenario of issue 7 (`make demo`): a UE bootstraps with a BSF
# (TS 24.109 §4), reaches its XCAP pres-rules on a presence server through
# an Authentication Proxy over TLS-PSK and over HTTPS + HTTP Digest
# (TS 33.222 §5.3, §5.4), and every security rule is shown being enforced.
#
# Usage: run_demo.sh [BINDIR]   (default build/bin)
# Environment: DEMO_WRAP  a command prefix for every program (e.g. valgrind)
#              DEMO_KEEP=1 keep the work directory (logs, certificates)
# Exit 0 only if all 11 steps behaved as expected.
set -u
BIN=${1:-build/bin}
HERE=$(cd "$(dirname "$0")" && pwd)
WRAP=${DEMO_WRAP:-}
W=$(mktemp -d "${TMPDIR:-/tmp}/utsec-demo.XXXXXX")
PIDS=""
pass=0 fail=0 vg_bad=0

cleanup() {
    for p in $PIDS; do kill -TERM "$p" 2>/dev/null; done
    for p in $PIDS; do wait "$p" 2>/dev/null; done
    if [ "${DEMO_KEEP:-0}" = 1 ]; then echo "work directory kept: $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

die() { echo "demo: $*" >&2; exit 2; }

for p in bsf ap presence-server ue; do
    [ -x "$BIN/$p" ] || die "$BIN/$p not built (run make)"
done
command -v openssl >/dev/null || die "openssl(1) is needed to make the certificates"
command -v curl >/dev/null || die "curl(1) is needed for step 11"

# ------------------------------------------------------------ the lab
sh "$HERE/mkcerts.sh" "$W/certs" || die "making certificates failed"
C=$W/certs

# IMPI K OPc SQN(HSS's next) lifetime(s) IMPUs
cat > "$W/subscribers" <<'EOF'
# The HSS of the demo (examples/README.md).
alice@ims.example.net 000102030405060708090a0b0c0d0e0f 101112131415161718191a1b1c1d1e1f 000000000040 3600 sip:alice@example.net,tel:+15551230001
bob@ims.example.net   465b5ce8b199b49faa5f0a2ee238a6bc cd63cb71954a9f4e48a5994e37a02baf 000000000020 3600 sip:bob@example.net
carol@ims.example.net 2a2b2c2d2e2f30313233343536373839 797a7b7c7d7e7f808182838485868788 000000000040 3 sip:carol@example.net
EOF

start() { # name log args...
    name=$1 log=$2
    shift 2
    $WRAP "$BIN/$name" "$@" > "$log" 2>&1 &
    PIDS="$PIDS $!"
}

wait_port() { # file -> prints the port
    i=0
    while [ ! -s "$1" ]; do
        i=$((i + 1))
        [ $i -gt 300 ] && die "no port in $1 after 30 s (see $W/*.log)"
        sleep 0.1
    done
    cat "$1"
}

start bsf "$W/bsf.log" --subscribers "$W/subscribers" --ub-port-file "$W/ub.port" \
    --zn-port-file "$W/zn.port" --fqdn bsf.example.net
start presence-server "$W/ps.log" --port-file "$W/ps.port" --ca "$C/ca.crt" \
    --cert "$C/presence.crt" --key "$C/presence.key" --trusted-ap-cert "$C/ap.crt"
UB=$(wait_port "$W/ub.port")
ZN=$(wait_port "$W/zn.port")
PS=$(wait_port "$W/ps.port")
start ap "$W/ap.log" --psk-port-file "$W/psk.port" --https-port-file "$W/https.port" \
    --naf-fqdn ap.example.net --zn-port "$ZN" --ps-port "$PS" --ca "$C/ca.crt" \
    --cert "$C/ap.crt" --key "$C/ap.key" --forged-asserted strip
PSK=$(wait_port "$W/psk.port")
HTTPS=$(wait_port "$W/https.port")

echo "libutsec Ut lab on 127.0.0.1 (a fresh demo CA and certificates in $C; DEMO_KEEP=1 keeps them):"
echo "  bsf Ub :$UB  Zn :$ZN | ap TLS-PSK :$PSK  HTTPS+Digest :$HTTPS | presence-server (mutual TLS) :$PS"

# --------------------------------------------------------- the steps
lines() { [ -f "$1" ] && wc -l < "$1" || echo 0; }
mark_logs() { for l in bsf ap ps; do eval "seen_$l=\$(lines \"\$W/$l.log\")"; done; }
# Print what each server logged during the step.
show_logs() {
    sleep 0.1
    for l in bsf ap ps; do
        eval "from=\$seen_$l"
        tail -n +"$((from + 1))" "$W/$l.log" | sed "s/^/    [$l] /"
    done
}

ue() { # label args... : run the UE, output into $W/out, shown indented
    label=$1
    shift
    echo "  \$ ue $label"
    $WRAP "$BIN/ue" "$@" > "$W/out" 2>&1
    ue_rc=$?
    sed 's/^/    /' "$W/out"
    if [ $ue_rc = 99 ]; then   # DEMO_WRAP=valgrind --error-exitcode=99
        echo "    (memcheck reported errors)"
        vg_bad=$((vg_bad + 1))
    fi
}

field() { # name [file] -> value of the last "name: value" line
    sed -n "s/^$1: //p" "${2:-$W/out}" | tail -n 1
}

step() { echo; echo "[$1] $2"; mark_logs; }

verdict() { # ok-flag text
    show_logs
    if [ "$1" = 1 ]; then pass=$((pass + 1)); echo "  PASS  $2"
    else fail=$((fail + 1)); echo "  FAIL  $2"; fi
}

K_ALICE="--impi alice@ims.example.net --k 000102030405060708090a0b0c0d0e0f --opc 101112131415161718191a1b1c1d1e1f --sqn 000000000020"
K_BOB="--impi bob@ims.example.net --k 465b5ce8b199b49faa5f0a2ee238a6bc --opc cd63cb71954a9f4e48a5994e37a02baf --sqn 000000001000"
K_CAROL="--impi carol@ims.example.net --k 2a2b2c2d2e2f30313233343536373839 --opc 797a7b7c7d7e7f808182838485868788 --sqn 000000000020"
ALICE=sip:alice@example.net
DOC=/pres-rules/users/$ALICE/index
UA_PSK="--mode psk --ap-port $PSK --ca $C/ca.crt"
UA_DIG="--mode digest --ap-port $HTTPS --ca $C/ca.crt"

step 1 "Bootstrapping (Ub, Digest AKA): alice gets a B-TID"
ue "bootstrap (alice)" --state "$W/alice.state" bootstrap --bsf-port "$UB" $K_ALICE
BTID_A=$(field btid)
ok=0
[ $ue_rc = 0 ] && [ "$(field status)" = 200 ] \
    && echo "$BTID_A" | grep -Eq '^[A-Za-z0-9+/]{22}==@bsf\.example\.net$' && ok=1
verdict $ok "B-TID $BTID_A (base64(RAND)@BSF), Ks kept by the UE only"

step 2 "SQN out of sync: bob's USIM is ahead of the HSS"
ue "bootstrap (bob)" --state "$W/bob.state" bootstrap --bsf-port "$UB" $K_BOB
ok=0
[ $ue_rc = 0 ] && [ "$(field status)" = 200 ] && grep -q 'auts=' "$W/out" \
    && [ -n "$(field btid)" ] && ok=1
verdict $ok "USIM answered AUTS, the HSS resynchronised, bootstrapping succeeded"

step 3 "TLS-PSK to the AP (B-TID as PSK identity, Ks_NAF): PUT pres-rules"
ue "put (TLS-PSK)" --state "$W/alice.state" put $UA_PSK --xui "$ALICE" \
    --doc "$HERE/alice-pres-rules.xml"
st=$(field status)
ok=0
[ $ue_rc = 0 ] && { [ "$st" = 201 ] || [ "$st" = 200 ]; } && ok=1
verdict $ok "document stored: $st"

step 4 "GET it back over TLS-PSK"
ue "get (TLS-PSK)" --state "$W/alice.state" get $UA_PSK --xui "$ALICE" --out "$W/got-psk.xml"
ok=0
[ $ue_rc = 0 ] && [ "$(field status)" = 200 ] && cmp -s "$W/got-psk.xml" "$HERE/alice-pres-rules.xml" && ok=1
verdict $ok "200, byte-identical to what was PUT"

step 5 "HTTP Digest mode (HTTPS, username B-TID, password from Ks_NAF)"
ue "get (Digest)" --state "$W/alice.state" get $UA_DIG --xui "$ALICE" --out "$W/got-dig.xml"
ok=0
[ $ue_rc = 0 ] && [ "$(field status)" = 200 ] && grep -q '3GPP-bootstrapping@ap.example.net' "$W/out" \
    && cmp -s "$W/got-dig.xml" "$HERE/alice-pres-rules.xml" && ok=1
verdict $ok "same document through the Digest listener"

step 6 "alice claims bob's identity (X-3GPP-Intended-Identity)"
ue "get --intended sip:bob@example.net" --state "$W/alice.state" get $UA_PSK --xui "$ALICE" \
    --intended sip:bob@example.net
ok=0
[ "$(field status)" = 403 ] && ok=1
verdict $ok "refused by the AP: 403"

step 7 "alice forges X-3GPP-Asserted-Identity"
ue "get --forge-asserted sip:bob@example.net" --state "$W/alice.state" get $UA_PSK --xui "$ALICE" \
    --forge-asserted sip:bob@example.net --out "$W/got-forged.xml"
show_logs > "$W/step7.log"
ok=0
[ "$(field status)" = 200 ] && grep -q "\[ps\] .*X-3GPP-Asserted-Identity: .*$ALICE" "$W/step7.log" \
    && ! grep '\[ps\]' "$W/step7.log" | grep -q 'Asserted-Identity: .*bob@' && ok=1
mark_logs
cat "$W/step7.log"
verdict $ok "forged header stripped by the AP; the presence server saw alice's own identity"

step 8 "replayed Authorization (Digest)"
ue "get --replay" --state "$W/alice.state" get $UA_DIG --xui "$ALICE" --replay
first=$(field status) second=$(field replay-status)
ok=0
[ "$first" = 200 ] && [ -n "$second" ] && [ "$second" != 200 ] && ok=1
verdict $ok "first use $first, replay $second"

step 9 "key lifetime passes: the AP asks for renegotiation, a new B-TID works"
ue "bootstrap (carol, 3 s key lifetime)" --state "$W/carol.state" bootstrap --bsf-port "$UB" $K_CAROL
BTID_C1=$(field btid)
echo "  ... waiting 4 s for carol's key to expire"
sleep 4
ue "put --use-expired (Digest)" --state "$W/carol.state" put $UA_DIG --xui sip:carol@example.net \
    --doc "$HERE/alice-pres-rules.xml" --use-expired
BTID_C2=$(field btid)
st=$(field status)
ok=0
[ -n "$BTID_C1" ] && [ "$(field renegotiated)" = yes ] && [ -n "$BTID_C2" ] \
    && [ "$BTID_C2" != "$BTID_C1" ] && { [ "$st" = 201 ] || [ "$st" = 200 ]; } && ok=1
verdict $ok "old B-TID refused, re-bootstrapped, $st with the new B-TID"

step 10 "watcher authorisation from the stored rules"
ue "watcher sip:bob@example.net" --state "$W/alice.state" watcher $UA_PSK --watcher sip:bob@example.net
w1=$(field sub-handling)
ue "watcher sip:mallory@spam.example" --state "$W/alice.state" watcher $UA_PSK --watcher sip:mallory@spam.example
w2=$(field sub-handling)
ok=0
[ "$w1" = allow ] && [ "$w2" = block ] && ok=1
verdict $ok "bob: $w1, mallory: $w2"

step 11 "a client that is not the AP sends X-3GPP-Asserted-Identity to the presence server"
URL="https://presence.example.net:$PS$DOC"
RES="--resolve presence.example.net:$PS:127.0.0.1"
echo "  \$ curl --cert rogue.crt -H 'X-3GPP-Asserted-Identity: <$ALICE>' $URL"
c1=$(curl -s -o /dev/null -w '%{http_code}' $RES --cacert "$C/ca.crt" --cert "$C/rogue.crt" \
    --key "$C/rogue.key" -H "X-3GPP-Asserted-Identity: <$ALICE>" "$URL")
echo "    -> $c1"
echo "  \$ curl (no client certificate) -H 'X-3GPP-Asserted-Identity: <$ALICE>' $URL"
c2=$(curl -s -o /dev/null -w '%{http_code}' $RES --cacert "$C/ca.crt" \
    -H "X-3GPP-Asserted-Identity: <$ALICE>" "$URL")
echo "    -> ${c2:-000} (TLS handshake refused)"
ok=0
[ "$c1" = 403 ] && [ "${c2:-000}" = 000 ] && ok=1
verdict $ok "certificate of another node: 403; no certificate: no TLS session"

# ------------------------------------------------------------- verdict
echo
for p in $PIDS; do kill -TERM "$p" 2>/dev/null; done
srv_bad=0
for p in $PIDS; do wait "$p" || srv_bad=$((srv_bad + 1)); done
PIDS=""
if [ $srv_bad -ne 0 ]; then
    echo "servers: $srv_bad exited with an error on SIGTERM (logs in $W)"
    fail=$((fail + 1))
    DEMO_KEEP=1
fi
if [ $vg_bad -ne 0 ]; then
    echo "ue: memcheck reported errors in $vg_bad runs"
    fail=$((fail + 1))
fi
echo "demo: $pass of 11 steps as expected, $fail failed"
[ $fail -eq 0 ]

#!/bin/sh
# Smoke test of the lab's bsf and `ue bootstrap` (examples/README.md): bsf on
# free loopback ports with a three-subscriber table; alice bootstraps (B-TID
# of the form base64(RAND)@bsf.example.net, status 200, state file 0600);
# bob's USIM is ahead of the HSS (AUTS resynchronisation, then 200); a wrong
# K is a MAC failure (exit 1, no B-TID); Zn with curl: 200 with the IMPI,
# the IMPUs and the Ks_NAF that `utsec ks-naf` derives from the UE's saved
# Ks (UE and BSF agree), 404 for an unknown B-TID, 400 for a malformed query.
. tests/cli/ex_lib.sh

command -v curl >/dev/null 2>&1 || { echo "SKIP: curl missing (make deps)"; exit 1; }

cat >"$tmp/subs" <<'EOF'
# IMPI K OPc SQN(next) LIFETIME_S IMPUs
alice@ims.example.net 000102030405060708090a0b0c0d0e0f 0f0e0d0c0b0a09080706050403020100 000000000021 3600 sip:alice@example.net,tel:+15551230001
bob@ims.example.net   101112131415161718191a1b1c1d1e1f 1f1e1d1c1b1a19181716151413121110 000000000001 3600 sip:bob@example.net
EOF

$W "$BIN/bsf" --subscribers "$tmp/subs" --ub-port-file "$tmp/ub" --zn-port-file "$tmp/zn" \
    >"$tmp/bsf.log" 2>&1 &
pid=$!
pids=$pid
wait_file "$tmp/zn"
UB=$(cat "$tmp/ub")
ZN=$(cat "$tmp/zn")

ue() { $W "$BIN/ue" "$@"; }

# alice: SQN 0x21 is fresh for a USIM at 0x20
ue --state "$tmp/alice" bootstrap --bsf-port "$UB" --impi alice@ims.example.net \
    --k 000102030405060708090a0b0c0d0e0f --opc 0f0e0d0c0b0a09080706050403020100 \
    --sqn 000000000020 >"$tmp/a.out" 2>&1
check "alice exit" 0 $?
check "alice status" "status: 200" "$(tail -n 1 "$tmp/a.out")"
BTID=$(sed -n 's/^btid: //p' "$tmp/a.out")
check "alice btid shape" yes \
    "$(echo "$BTID" | grep -Eq '^[A-Za-z0-9+/]{22}==@bsf\.example\.net$' && echo yes)"
check "state file mode" "-rw-------" "$(ls -l "$tmp/alice" | cut -c1-10)"
check "state file sqn_ms" "sqn_ms 000000000021" "$(grep '^sqn_ms' "$tmp/alice")"
check "no resync for alice" 0 "$(grep -c 'auts=' "$tmp/a.out")"

# bob: the HSS is at 1, the USIM at 0x40: AUTS, then a fresh challenge, then 200
ue --state "$tmp/bob" bootstrap --bsf-port "$UB" --impi bob@ims.example.net \
    --k 101112131415161718191a1b1c1d1e1f --opc 1f1e1d1c1b1a19181716151413121110 \
    --sqn 000000000040 >"$tmp/b.out" 2>&1
check "bob exit" 0 $?
check "bob answers with AUTS" 1 "$(grep -c 'auts="' "$tmp/b.out")"
check "bob: 401, 401, 200" "401 401 200" \
    "$(sed -n 's/^ue <- bsf \([0-9]*\).*/\1/p' "$tmp/b.out" | tr '\n' ' ' | sed 's/ $//')"
check "bob status" "status: 200" "$(tail -n 1 "$tmp/b.out")"
check "bob SQN_MS after resync" "sqn_ms 000000000041" "$(grep '^sqn_ms' "$tmp/bob")"
check "bsf verified AUTS" 1 "$(grep -c 'AUTS verified for bob@ims.example.net, SQN 000000000002 -> 000000000041' "$tmp/bsf.log")"

# wrong K: the USIM refuses the network (MAC failure), exit 1, no B-TID
ue --state "$tmp/mallory" bootstrap --bsf-port "$UB" --impi alice@ims.example.net \
    --k ffffffffffffffffffffffffffffffff --opc 0f0e0d0c0b0a09080706050403020100 \
    --sqn 000000000020 >"$tmp/m.out" 2>&1
check "wrong K exit" 1 $?
check "wrong K: MAC failure" yes "$(grep -q "USIM: MAC failure" "$tmp/m.out" && echo yes)"
check "wrong K: no btid" 0 "$(grep -c '^btid:' "$tmp/m.out")"

# usage error
ue --state "$tmp/x" bootstrap --bsf-port "$UB" --impi a --k 00 >/dev/null 2>&1
check "usage exit" 2 $?

# Zn: NAF_Id = ap.example.net || 01 00 00 00 02 (HTTP Digest)
NAFID=61702e6578616d706c652e6e65740100000002
ENC=$(printf '%s' "$BTID" | sed 's/+/%2B/g; s/\//%2F/g; s/=/%3D/g; s/@/%40/g')
code=$(curl -s -o "$tmp/zn.out" -w '%{http_code}' "http://127.0.0.1:$ZN/zn?btid=$ENC&naf_id=$NAFID")
check "zn 200" 200 "$code"
check "zn impi" "impi: alice@ims.example.net" "$(grep '^impi:' "$tmp/zn.out")"
check "zn impus" "impu: sip:alice@example.net impu: tel:+15551230001" \
    "$(grep '^impu:' "$tmp/zn.out" | tr '\n' ' ' | sed 's/ $//')"
KS=$(sed -n 's/^ks //p' "$tmp/alice")
RAND=$(sed -n 's/^rand //p' "$tmp/alice")
WANT=$($W "$UTSEC" ks-naf --ck "$(echo "$KS" | cut -c1-32)" --ik "$(echo "$KS" | cut -c33-64)" \
    --rand "$RAND" --impi alice@ims.example.net --naf-fqdn ap.example.net --ua-id 0100000002 |
    sed -n 's/^ks_naf: //p')
check "zn ks_naf = UE's Ks_NAF" "ks_naf: $WANT" "$(grep '^ks_naf:' "$tmp/zn.out")"
LT=$(sed -n 's/^lifetime //p' "$tmp/alice")
check "zn lifetime" "lifetime: $LT" "$(grep '^lifetime:' "$tmp/zn.out")"

code=$(curl -s -o /dev/null -w '%{http_code}' \
    "http://127.0.0.1:$ZN/zn?btid=AAAAAAAAAAAAAAAAAAAAAA%3D%3D%40bsf.example.net&naf_id=$NAFID")
check "zn unknown B-TID" 404 "$code"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$ZN/zn?btid=$ENC&naf_id=6g")
check "zn malformed naf_id" 400 "$code"
# the Ub port does not answer Zn
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$UB/zn?btid=$ENC&naf_id=$NAFID")
check "Ub port refuses a request without credentials" 400 "$code"

kill "$pid"
wait "$pid"
check "bsf exits cleanly on SIGTERM" 0 $?
pids=""
check "bsf never prints keys" 0 "$(grep -ci "$(echo "$KS" | cut -c1-16)" "$tmp/bsf.log")"
[ $fail -eq 0 ] && echo "ex_bsf: all passed"
exit $fail

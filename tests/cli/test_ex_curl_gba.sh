#!/bin/sh
# examples/integrations/curl_gba (libcurl + libutsec, TS 33.222 §5.3):
#  1. plain HTTP against `utsec digest-serve` (NAF_Id = FQDN || 01 00 00 00 02);
#  2. HTTPS against tests/cli/gba_digest_naf.py, a Python NAF that derives
#     Ks_NAF itself (hmac/hashlib) with NAF_Id = FQDN || 01 00 01 yy zz of
#     the negotiated suite, for each suite curl_gba can pin, and from a
#     `ue` state file;
#  3. refusals: wrong Ks (401, exit 1), unknown CA (TLS error, exit 1).
# curl_gba is built only where libcurl is installed: SKIP (pass) otherwise.
. tests/cli/ex_lib.sh
CG="$BIN/curl_gba"

if [ ! -x "$CG" ]; then
    echo "SKIP: $CG not built (needs libcurl4-openssl-dev)"
    exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "FAIL: python3 missing (make deps)"; exit 1; }

# TS 33.220 vector material (FACTS §8): Ks = CK || IK, RAND in the B-TID.
BTID='I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org'
CK=b40ba9a3c58b2a05bbf0d987b21bf8cb
IK=f769bcd751044604127672711c6d3441
KS=$CK$IK
BAD_KS=${KS%?}0
IMPI=001010123456789@ims.mnc001.mcc001.3gppnetwork.org

# 1. Plain HTTP, utsec digest-serve.
FQDN=xcap.ims.mnc001.mcc001.pub.3gppnetwork.org
P=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$UTSEC" digest-serve --port "$P" --btid "$BTID" --ck $CK --ik $IK \
    --rand 23553cbe9637a89d218ae64dae47bf35 --impi $IMPI --naf-fqdn $FQDN \
    --requests 2 >"$tmp/serve.out" 2>&1 &
pids="$pids $!"
i=0
while ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $P), 1)" 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt 100 ] && { echo "FAIL digest-serve did not start"; exit 1; }
    sleep 0.05
done
out=$("$CG" --url "http://$FQDN:$P/ut" --resolve "$FQDN:$P:127.0.0.1" \
    --btid "$BTID" --impi $IMPI --ks-hex $KS)
check "http: digest-serve accepts" "0 HTTP/1.1 200 OK" "$? $(echo "$out" | head -n 1)"
out=$("$CG" --url "http://$FQDN:$P/ut" --resolve "$FQDN:$P:127.0.0.1" \
    --btid "$BTID" --impi $IMPI --ks-hex $BAD_KS)
check "http: wrong Ks refused" "1 HTTP/1.1 401 Unauthorized" "$? $(echo "$out" | head -n 1)"

# 2. HTTPS, the Python NAF.
sh examples/demo/mkcerts.sh "$tmp/c" || { echo "FAIL mkcerts"; exit 1; }
python3 tests/cli/gba_digest_naf.py "$tmp/port" "$tmp/c/ap.crt" "$tmp/c/ap.key" \
    ap.example.net $KS $IMPI 2>"$tmp/naf.err" &
pids="$pids $!"
wait_file "$tmp/port"
P=$(cat "$tmp/port")
U="https://ap.example.net:$P/ut"
R="ap.example.net:$P:127.0.0.1"
for s in C02B C02C CCA9; do
    out=$("$CG" --url "$U" --ca "$tmp/c/ca.crt" --resolve "$R" --btid "$BTID" \
        --impi $IMPI --ks-hex $KS --suite $s)
    check "https: suite $s" "0 hello $BTID over 0x$s" "$? $(echo "$out" | sed -n 2p)"
done
printf 'btid %s\nimpi %s\nks %s\nlifetime 1900000000\n' "$BTID" "$IMPI" "$KS" >"$tmp/state"
# The one run under $UTSEC_WRAP (valgrind: libcurl + OpenSSL start-up takes
# seconds there), enough for the leak check of a whole HTTPS exchange.
out=$($W "$CG" --url "$U" --ca "$tmp/c/ca.crt" --resolve "$R" --ue-state "$tmp/state")
check "https: from a ue state file" "0 hello $BTID over 0xC02B" "$? $(echo "$out" | sed -n 2p)"

# 3. Refusals.
out=$("$CG" --url "$U" --ca "$tmp/c/ca.crt" --resolve "$R" --btid "$BTID" \
    --impi $IMPI --ks-hex $BAD_KS)
check "https: wrong Ks refused" "1 HTTP/1.0 401 Unauthorized" "$? $(echo "$out" | head -n 1)"
"$CG" --url "$U" --resolve "$R" --btid "$BTID" --impi $IMPI --ks-hex $KS >/dev/null 2>&1
check "https: NAF certificate from an unknown CA" 1 $?
"$CG" --url "$U" --btid "$BTID" >/dev/null 2>&1
check "usage error" 2 $?

[ "$fail" -eq 0 ] || cat "$tmp/serve.out" "$tmp/naf.err"
exit $fail

#!/bin/sh
# TLS-PSK with GBA keys (TS 33.222 §5.4) against a TLS stack nobody here
# wrote: Debian's `openssl s_server` / `s_client` versus `utsec tls-connect` /
# `utsec tls-serve` on 127.0.0.1. The PSK for openssl is computed in this
# script, independently of libutsec: HMAC-SHA-256 (openssl dgst) over the
# TS 33.220 B.3 input S = 01 || P0 || L0 || RAND || 0010 || IMPI || L2 ||
# NAF_Id || L3 with NAF_Id = FQDN || 01 00 01 yy zz, assembled here.
. tests/cli/lib.sh

command -v openssl >/dev/null 2>&1 || { echo "SKIP: openssl not installed"; exit 0; }
command -v perl >/dev/null 2>&1 || { echo "SKIP: perl not installed"; exit 0; }

CK=b40ba9a3c58b2a05bbf0d987b21bf8cb
IK=f769bcd751044604127672711c6d3441
RAND=23553cbe9637a89d218ae64dae47bf35
IMPI=001010123456789@ims.mnc001.mcc001.3gppnetwork.org
NAF=xcap.ims.mnc001.mcc001.pub.3gppnetwork.org
BTID='I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org'
OTHER_BTID='AAAAAAAAAAAAAAAAAAAAAA==@bsf.mnc001.mcc001.pub.3gppnetwork.org'
GBA="--btid $BTID --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF"
TMP=${TMPDIR:-/tmp}/utsec_tls_interop.$$
mkdir -p "$TMP"
PIDS=""

cleanup() {
    for p in $PIDS; do kill "$p" 2>/dev/null; done
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

ok() { T_PASS=$((T_PASS + 1)); }
bad() { T_FAIL=$((T_FAIL + 1)); printf 'FAIL %s\n' "$*"; }

hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
len2() { printf '%04x' "$1"; }

# naf_key P0 SUITE: Ks_NAF ("gba-me") or Ks_int_NAF ("gba-u") for NAF_Id =
# FQDN || 01 00 01 SUITE (SUITE as 4 hex digits), or for a full 5-octet UA id.
naf_key() {
    p0=$(hex "$1")
    case $2 in ??????????) ua=$2 ;; *) ua=010001$2 ;; esac
    impi=$(hex "$IMPI")
    naf_id=$(hex "$NAF")$ua
    s=01$p0$(len2 ${#1})$RAND$(len2 16)$impi$(len2 ${#IMPI})$naf_id$(len2 $((${#NAF} + 5)))
    perl -e 'print pack("H*", $ARGV[0])' "$s" |
        openssl dgst -sha256 -mac HMAC -macopt "hexkey:$CK$IK" | sed 's/^.*= *//'
}

# The script's own KDF must reproduce the FACTS §8.3 value for 01 00 01 00 2F.
if [ "$(naf_key gba-me 010001002f)" = b72e7ceecdf2106ff120c7f2d6d91911210578d97c4fd5315e5c9441000f57d7 ]; then
    ok
else
    bad "script KDF does not reproduce the FACTS 8.3 vector"
fi

# A free loopback port (random start, skipping ports in use).
free_port() {
    p=$(awk -v s="$$" 'BEGIN { srand(); print 20000 + (int(rand() * 30000) + s) % 30000 }')
    while ss -ltn 2>/dev/null | grep -q ":$p "; do p=$((p + 1)); done
    echo "$p"
}

wait_listen() {
    i=0
    while [ $i -lt 50 ]; do
        ss -ltn 2>/dev/null | grep -q "127.0.0.1:$1 \|\*:$1 \|0.0.0.0:$1 \|:::$1 " && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

ossl_name() {
    case $1 in
    00A8) echo PSK-AES128-GCM-SHA256 ;;
    00A9) echo PSK-AES256-GCM-SHA384 ;;
    00AE) echo PSK-AES128-CBC-SHA256 ;;
    C037) echo ECDHE-PSK-AES128-CBC-SHA256 ;;
    00AA) echo DHE-PSK-AES128-GCM-SHA256 ;;
    esac
}

lower() { printf '%s' "$1" | tr 'ABCDEF' 'abcdef'; }

# start_s_server SUITE KEY [IDENTITY]: openssl NAF for one connection.
start_s_server() {
    PORT=$(free_port)
    timeout 20 openssl s_server -accept "$PORT" -naccept 1 -psk "$2" \
        -psk_hint 3GPP-bootstrapping -psk_identity "${3:-3GPP-bootstrapping.$BTID}" \
        -nocert -tls1_2 -cipher "$(ossl_name "$1")" -www >"$TMP/ssrv" 2>&1 &
    SPID=$!
    PIDS="$PIDS $SPID"
    wait_listen "$PORT" || bad "s_server did not listen on $PORT"
}

# ---- openssl s_server (NAF) <- utsec tls-connect (UE) -------------------
for suite in 00A8 C037 00AE; do
    start_s_server $suite "$(naf_key gba-me $suite)"
    got=$(timeout 20 $UTSEC_WRAP "$UTSEC" tls-connect --port "$PORT" $GBA --ciphers $suite --path /simservs 2>"$TMP/err")
    rc=$?
    want="ciphersuite: 0x$(lower $suite)
status: HTTP/1.0 200 ok"
    [ $rc -eq 0 ] && [ "$got" = "$want" ] && ok || { bad "tls-connect $suite: got '$got'"; cat "$TMP/err"; }
    wait "$SPID"
    grep -q '1 server accepts that finished' "$TMP/ssrv" && ! grep -q 'PSK warning' "$TMP/ssrv" &&
        ok || { bad "s_server $suite did not see our identity/handshake"; cat "$TMP/ssrv"; }
done

# The UE offers every suite; whichever the server picks, the key matches.
for suite in 00A8 C037; do
    start_s_server $suite "$(naf_key gba-me $suite)"
    timeout 20 $UTSEC_WRAP "$UTSEC" tls-connect --port "$PORT" $GBA >"$TMP/out" 2>"$TMP/err"
    rc=$?
    got=$(head -1 "$TMP/out")
    [ $rc -eq 0 ] && [ "$got" = "ciphersuite: 0x$(lower $suite)" ] && ok || { bad "default offer, server picks $suite: '$got'"; cat "$TMP/err"; }
    wait "$SPID"
done

# GBA_U: the -uicc identity and Ks_int_NAF.
start_s_server 00A8 "$(naf_key gba-u 00A8)" "3GPP-bootstrapping-uicc.$BTID"
got=$(timeout 20 $UTSEC_WRAP "$UTSEC" tls-connect --port "$PORT" $GBA --uicc --ciphers 00A8 2>"$TMP/err")
rc=$?
[ $rc -eq 0 ] && [ "$got" = "ciphersuite: 0x00a8
status: HTTP/1.0 200 ok" ] && ok || { bad "tls-connect --uicc: '$got'"; cat "$TMP/err"; }
wait "$SPID"

# Wrong key (the NAF holds the key of another suite): both sides fail.
start_s_server 00A8 "$(naf_key gba-me 00A9)"
timeout 20 $UTSEC_WRAP "$UTSEC" tls-connect --port "$PORT" $GBA --ciphers 00A8 >"$TMP/out" 2>"$TMP/err"
rc=$?
wait "$SPID"
[ $rc -eq 1 ] && grep -q '^utsec: ' "$TMP/err" && ! grep -q status "$TMP/out" && ok ||
    bad "tls-connect with a wrong key: exit $rc"
grep -q '0 server accepts that finished' "$TMP/ssrv" && grep -q 'bad record mac' "$TMP/ssrv" && ok ||
    { bad "s_server did not reject the wrong key"; cat "$TMP/ssrv"; }

# Expired key: the UE refuses to use it (and never connects).
start_s_server 00A8 "$(naf_key gba-me 00A8)"
timeout 20 $UTSEC_WRAP "$UTSEC" tls-connect --port "$PORT" $GBA --lifetime 2020-01-01T00:00:00Z >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && grep -q 'expired' "$TMP/err" && ok || bad "tls-connect with an expired key: exit $rc"
kill "$SPID" 2>/dev/null
wait "$SPID" 2>/dev/null

# ---- utsec tls-serve (NAF) <- openssl s_client (UE) --------------------
# s_client_run SUITE KEY IDENTITY: prints s_client's output in $TMP/scli.
s_client_run() {
    printf 'GET /xcap-root HTTP/1.1\r\nHost: %s\r\n\r\n' "$NAF" |
        timeout 20 openssl s_client -connect "127.0.0.1:$PORT" -tls1_2 \
            -psk_identity "$3" -psk "$2" -cipher "$(ossl_name "$1")" \
            -servername "$NAF" -quiet -ign_eof >"$TMP/scli" 2>&1
}

# start_serve [OPTIONS...]: utsec NAF for one connection, output in $TMP/srv.
start_serve() {
    PORT=$(free_port)
    timeout 20 $UTSEC_WRAP "$UTSEC" tls-serve --port "$PORT" $GBA "$@" >"$TMP/srv" 2>"$TMP/srverr" &
    SPID=$!
    PIDS="$PIDS $SPID"
    wait_listen "$PORT" || bad "tls-serve did not listen on $PORT"
}

serve_ok() { # NAME SUITE IDENTITY
    wait "$SPID"
    rc=$?
    want="ciphersuite: 0x$(lower "$2")
psk_identity: $3
request: GET /xcap-root HTTP/1.1"
    [ $rc -eq 0 ] && [ "$(cat "$TMP/srv")" = "$want" ] && ok ||
        { bad "$1: tls-serve exit $rc"; cat "$TMP/srv" "$TMP/srverr"; }
    grep -q '^HTTP/1.1 200 OK' "$TMP/scli" && ok || { bad "$1: s_client got no 200"; cat "$TMP/scli"; }
}

for suite in 00A8 C037 00AE; do
    start_serve --ciphers $suite
    s_client_run $suite "$(naf_key gba-me $suite)" "3GPP-bootstrapping.$BTID"
    serve_ok "s_client $suite" $suite "3GPP-bootstrapping.$BTID"
done

# The NAF also accepts the prefix without the dot and a bare B-TID.
start_serve
s_client_run 00A8 "$(naf_key gba-me 00A8)" "3GPP-bootstrapping$BTID"
serve_ok "no-dot identity" 00A8 "3GPP-bootstrapping$BTID"
start_serve
s_client_run C037 "$(naf_key gba-me C037)" "$BTID"
serve_ok "bare B-TID" C037 "$BTID"
# -uicc selects Ks_int_NAF.
start_serve
s_client_run 00AE "$(naf_key gba-u 00AE)" "3GPP-bootstrapping-uicc.$BTID"
serve_ok "-uicc identity" 00AE "3GPP-bootstrapping-uicc.$BTID"

# serve_fail NAME MESSAGE: tls-serve exits 1 with MESSAGE, s_client fails.
serve_fail() {
    crc=$1
    wait "$SPID"
    rc=$?
    [ $rc -eq 1 ] && grep -q "$3" "$TMP/srverr" && [ ! -s "$TMP/srv" ] && ok ||
        { bad "$2: tls-serve exit $rc"; cat "$TMP/srv" "$TMP/srverr"; }
    [ "$crc" -ne 0 ] && ! grep -q 'HTTP/1.1 200' "$TMP/scli" && ok ||
        { bad "$2: s_client exit $crc"; cat "$TMP/scli"; }
}

start_serve --ciphers 00A8
s_client_run 00A8 "$(naf_key gba-me 00A9)" "3GPP-bootstrapping.$BTID"
serve_fail $? "wrong key" "integrity check failed"

start_serve --ciphers 00A8
s_client_run 00A8 "$(naf_key gba-me 00A8)" "3GPP-bootstrapping.$OTHER_BTID"
serve_fail $? "unknown B-TID" "unknown B-TID"
grep -q 'unknown psk identity' "$TMP/scli" && ok || { bad "s_client did not get unknown_psk_identity"; cat "$TMP/scli"; }

start_serve --ciphers 00A8 --lifetime 2020-01-01T00:00:00Z
s_client_run 00A8 "$(naf_key gba-me 00A8)" "3GPP-bootstrapping.$BTID"
serve_fail $? "expired key" "expired"

start_serve --ciphers 00A8
s_client_run 00A8 "$(naf_key gba-me 00A8)" "3GPP-bootstrapping.not-a-btid"
serve_fail $? "malformed identity" "malformed PSK identity"

# ---- utsec <-> utsec: the UE learns why the NAF refused it ---------------
start_serve --lifetime 2020-01-01T00:00:00Z
timeout 20 $UTSEC_WRAP "$UTSEC" tls-connect --port "$PORT" $GBA >"$TMP/out" 2>"$TMP/err"
rc=$?
wait "$SPID"
src=$?
[ $rc -eq 1 ] && grep -q 'unknown B-TID' "$TMP/err" && [ $src -eq 1 ] && grep -q expired "$TMP/srverr" && ok ||
    { bad "expired key utsec<->utsec: connect $rc, serve $src"; cat "$TMP/err" "$TMP/srverr"; }
start_serve --uicc
timeout 20 $UTSEC_WRAP "$UTSEC" tls-connect --port "$PORT" $GBA >"$TMP/out" 2>"$TMP/err"
rc=$?
wait "$SPID"
src=$?
[ $rc -eq 1 ] && grep -q 'integrity check failed' "$TMP/err" && [ $src -eq 1 ] && ok ||
    { bad "ME key vs --uicc NAF: connect $rc, serve $src"; cat "$TMP/err" "$TMP/srverr"; }

# ---- usage and validation ----------------------------------------------
expect_rc port-zero 2 -- tls-serve --port 0 $GBA
expect_rc port-text 2 -- tls-connect --port http $GBA
expect_rc ciphers-bad 2 -- tls-connect --port 1 $GBA --ciphers 00A8,zz
expect_rc ciphers-short 2 -- tls-connect --port 1 $GBA --ciphers A8
expect_rc ciphers-null 1 -- tls-connect --port 1 $GBA --ciphers 00B0
expect_rc ck-short 2 -- tls-connect --port 1 --btid B --ck 00 --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF
expect_rc no-btid 2 -- tls-serve --port 1 --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF
expect_rc bad-path 2 -- tls-connect --port 1 $GBA --path nope
expect_rc bad-lifetime 2 -- tls-serve --port 1 $GBA --lifetime tomorrow

finish

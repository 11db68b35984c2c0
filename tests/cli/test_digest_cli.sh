#!/bin/sh
# Contract tests (docs/cli.md) for the HTTP Digest commands of `utsec`:
# digest-response, akav2-password, parse-challenge, parse-authorization,
# parse-authentication-info. Expected values: RFC 2617 §3.5, RFC 7616 §3.9,
# FACTS §8.2/§8.4 (recomputed with Python hashlib/hmac).
set -u
UTSEC=${UTSEC:-build/bin/utsec}
W=${UTSEC_WRAP:-}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # name expected actual
    if [ "$2" != "$3" ]; then
        echo "FAIL $1"
        echo "  expected: $2"
        echo "  actual:   $3"
        fail=1
    else
        echo "ok   $1"
    fi
}

status() { # expected-exit name command...
    want=$1
    name=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    check "$name (exit)" "$want" "$got"
}

IMPI=001010123456789@ims.mnc001.mcc001.3gppnetwork.org
BSF=bsf.mnc001.mcc001.pub.3gppnetwork.org
NONCE=I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=
RES=a54211d5e3ba50bf
CK=b40ba9a3c58b2a05bbf0d987b21bf8cb
IK=f769bcd751044604127672711c6d3441
BODY=tests/data/bootstrapping_info.xml

# --- digest-response ---------------------------------------------------------
out=$($W "$UTSEC" digest-response --algorithm MD5 --username Mufasa --realm testrealm@host.com \
    --password "Circle Of Life" --nonce dcd98b7102dd2f0e8b11d0f600bfb0c093 --method GET \
    --uri /dir/index.html --qop auth --nc 00000001 --cnonce 0a4f113b | head -1)
check "rfc2617 response" "response: 6629fae49393a05397450978507c4ef1" "$out"

out=$($W "$UTSEC" digest-response --algorithm MD5 --username Mufasa --realm http-auth@example.org \
    --password "Circle of Life" --nonce 7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v --method GET \
    --uri /dir/index.html --qop auth --nc 00000001 --cnonce f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ)
check "rfc7616 md5" "response: 8ca523f5e9506fed4657c9700eebdbec
rspauth: 9b712497bc9f91499fbcca1dfc5f09a5" "$out"

out=$($W "$UTSEC" digest-response --algorithm SHA-256 --username Mufasa --realm http-auth@example.org \
    --password "Circle of Life" --nonce 7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v --method GET \
    --uri /dir/index.html --qop auth --nc 00000001 --cnonce f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ | head -1)
check "rfc7616 sha-256" "response: 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1" "$out"

out=$($W "$UTSEC" digest-response --algorithm SHA-512-256 --username "Jäsøn Doe" --realm api@example.org \
    --password "Secret, or not?" --nonce 5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK --method GET \
    --uri /doe.json --qop auth --nc 00000001 --cnonce NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v | head -1)
check "rfc7616 sha-512-256 (corrected)" "response: 3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5" "$out"

out=$($W "$UTSEC" digest-response --algorithm MD5 --username Mufasa --realm testrealm@host.com \
    --password "Circle Of Life" --nonce dcd98b7102dd2f0e8b11d0f600bfb0c093 --method GET \
    --uri /dir/index.html)
check "rfc2069 form (no rspauth)" "response: 670fd8c2df070c60b045671b8b24ff02" "$out"

out=$($W "$UTSEC" digest-response --algorithm AKAv1-MD5 --username $IMPI --realm $BSF --nonce $NONCE \
    --method GET --uri / --res $RES --qop auth-int --nc 00000001 --cnonce 0a4f113b)
check "selfgen ub auth-int" "response: 26d91881d4f34c67c3c171426686ad62
rspauth: 98a841932a43a954b7468c3faa22bb49" "$out"

out=$($W "$UTSEC" digest-response --algorithm AKAv1-MD5 --username $IMPI --realm $BSF --nonce $NONCE \
    --method GET --uri / --res $RES --qop auth --nc 00000001 --cnonce 0a4f113b | head -1)
check "selfgen ub auth" "response: 9308616f2256be1c1493c9b59f63a2a3" "$out"

out=$($W "$UTSEC" digest-response --algorithm AKAv1-MD5 --username $IMPI --realm $BSF --nonce $NONCE \
    --method POST --uri / --res $RES --qop auth-int --nc 00000001 --cnonce 0a4f113b \
    --body-file $BODY | head -1)
check "ub auth-int with a body file" "response: e0a4c33adee95ea3dbaa3c838846e1cd" "$out"

out=$($W "$UTSEC" digest-response --algorithm AKAv2-MD5 --username $IMPI --realm $BSF --nonce $NONCE \
    --method GET --uri / --res $RES --ik $IK --ck $CK --qop auth-int --nc 00000001 --cnonce 0a4f113b | head -1)
check "selfgen akav2 response" "response: c4dd685ea8926d6172a0878060059e9f" "$out"

out=$($W "$UTSEC" digest-response --algorithm MD5 --username "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org" \
    --realm 3GPP-bootstrapping@xcap.ims.mnc001.mcc001.pub.3gppnetwork.org \
    --password "/RrI0J6XSoPYZOQPFY3bFzN5oTMW3nWn9lnTtKtN/6s=" --nonce dcd98b7102dd2f0e8b11d0f600bfb0c093 \
    --method GET --uri "/simservs.ngn.etsi.org/users/sip:+15551234567@ims.mnc001.mcc001.3gppnetwork.org/simservs.xml" \
    --qop auth --nc 00000001 --cnonce 0a4f113b | head -1)
check "selfgen ua md5" "response: 1aef59b18a5efa7743c83eae07621542" "$out"

# RES with 0x00 octets goes through as octets (value from Python hashlib)
out=$($W "$UTSEC" digest-response --algorithm AKAv1-MD5 --username $IMPI --realm $BSF --nonce $NONCE \
    --method GET --uri / --res 00579200 --qop auth-int --nc 00000001 --cnonce 0a4f113b | head -1)
check "res with 0x00" "response: 044a0f01c229d979885fd01c59dc8f83" "$out"

status 2 "unknown algorithm" $W "$UTSEC" digest-response --algorithm MD6 --username u --realm r \
    --nonce n --method GET --uri / --password p
status 2 "algorithm is case-exact" $W "$UTSEC" digest-response --algorithm md5 --username u --realm r \
    --nonce n --method GET --uri / --password p
status 2 "bad nc" $W "$UTSEC" digest-response --algorithm MD5 --username u --realm r \
    --nonce n --method GET --uri / --password p --qop auth --nc 0001 --cnonce c
status 2 "qop without nc" $W "$UTSEC" digest-response --algorithm MD5 --username u --realm r \
    --nonce n --method GET --uri / --password p --qop auth
status 2 "bad qop" $W "$UTSEC" digest-response --algorithm MD5 --username u --realm r \
    --nonce n --method GET --uri / --password p --qop both --nc 00000001 --cnonce c
status 2 "aka needs --res" $W "$UTSEC" digest-response --algorithm AKAv1-MD5 --username u --realm r \
    --nonce n --method GET --uri / --password p
status 2 "akav2 needs ik/ck" $W "$UTSEC" digest-response --algorithm AKAv2-MD5 --username u --realm r \
    --nonce n --method GET --uri / --res $RES
status 2 "missing password" $W "$UTSEC" digest-response --algorithm MD5 --username u --realm r \
    --nonce n --method GET --uri /
status 2 "missing body file" $W "$UTSEC" digest-response --algorithm MD5 --username u --realm r \
    --nonce n --method GET --uri / --password p --qop auth-int --nc 00000001 --cnonce c \
    --body-file "$tmp/does-not-exist"

# --- akav2-password ----------------------------------------------------------
out=$($W "$UTSEC" akav2-password --res $RES --ik $IK --ck $CK)
check "akav2-password" "password: shzt3q8CWaZnCAWqs3WmEQ==" "$out"
out=$($W "$UTSEC" akav2-password --res 0081bc00326d00e31e00 --ik $IK --ck $CK)
check "akav2-password res with 0x00" "password: OhnCE3Y4/RJncRGnXfEz1g==" "$out"
status 2 "akav2-password short ik" $W "$UTSEC" akav2-password --res $RES --ik 00 --ck $CK
status 2 "akav2-password short res" $W "$UTSEC" akav2-password --res 0102 --ik $IK --ck $CK

# --- parse-* -----------------------------------------------------------------
out=$(printf '%s\n' 'Basic realm="x", Digest realm="http-auth@example.org", QOP="auth, auth-int", algorithm=SHA-256, nonce="7ypf", opaque="a\"b\\c", X-Ext=tok' | $W "$UTSEC" parse-challenge)
check "parse-challenge" 'scheme: Digest
realm: http-auth@example.org
qop: auth, auth-int
algorithm: SHA-256
nonce: 7ypf
opaque: a"b\c
x-ext: tok' "$out"

out=$(printf '%s' 'Digest realm="a", nonce="1", Digest realm="b", nonce="2"' | $W "$UTSEC" parse-challenge)
check "parse-challenge two challenges" 'scheme: Digest
realm: a
nonce: 1
scheme: Digest
realm: b
nonce: 2' "$out"

out=$(printf '%s\r\n' "Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm=\"api@example.org\", uri=\"/doe.json\", algorithm=SHA-512-256, nonce=\"n\", nc=00000001, cnonce=\"c\", qop=auth, response=\"r\", userhash=false" | $W "$UTSEC" parse-authorization)
check "parse-authorization" 'scheme: Digest
username*: Jäsøn Doe
realm: api@example.org
uri: /doe.json
algorithm: SHA-512-256
nonce: n
nc: 00000001
cnonce: c
qop: auth
response: r
userhash: false' "$out"

out=$(printf '%s' 'rspauth="7046bb56b29d9c335a104dd30127c5b1", qop=auth-int, nc=00000001, cnonce="0a4f113b", NextNonce="x"' | $W "$UTSEC" parse-authentication-info)
check "parse-authentication-info" 'rspauth: 7046bb56b29d9c335a104dd30127c5b1
qop: auth-int
nc: 00000001
cnonce: 0a4f113b
nextnonce: x' "$out"

for bad in 'Digest realm="abc' 'Digest realm=a, nonce=b, realm=c' 'Digest realm="a\' 'Basic realm=x' \
           'Digest realm=a nonce=b'; do
    printf '%s' "$bad" | $W "$UTSEC" parse-challenge >/dev/null 2>"$tmp/err"
    check "parse-challenge rejects [$bad]" 1 $?
done
grep -q '^utsec: ' "$tmp/err" || { echo "FAIL error message format"; fail=1; }
for bad in 'Digest username=u, realm=r, nonce=n, uri="/", response=x, qop=auth, nc=1, cnonce=c' \
           'Digest username=u, realm=r, nonce=n, uri="/"' 'Basic dXNlcjpwYXNz'; do
    printf '%s' "$bad" | $W "$UTSEC" parse-authorization >/dev/null 2>&1
    check "parse-authorization rejects [$bad]" 1 $?
done
printf 'rspauth="x' | $W "$UTSEC" parse-authentication-info >/dev/null 2>&1
check "parse-authentication-info rejects" 1 $?
# NUL inside the value
printf 'Digest realm="a\000b", nonce=c' | $W "$UTSEC" parse-challenge >/dev/null 2>&1
check "parse-challenge rejects NUL" 1 $?
# huge input
head -c 10000 /dev/zero | tr '\0' 'a' | $W "$UTSEC" parse-challenge >/dev/null 2>&1
check "parse-challenge rejects huge input" 1 $?

exit $fail

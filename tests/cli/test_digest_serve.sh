#!/bin/sh
# `utsec digest-serve` against real HTTP Digest clients (docs/cli.md, TS 24.109
# §5.2): curl --digest and Python requests' HTTPDigestAuth, on a free
# loopback port, started and stopped here. Checks 200 for the right
# credentials (username = B-TID, password = base64(Ks_NAF), FACTS §8.3), 401
# for a wrong password, an unknown B-TID and a replayed nonce count, 400 for a
# malformed header, and keep-alive. Every step is bounded in time.
set -u
UTSEC=${UTSEC:-build/bin/utsec}
W=${UTSEC_WRAP:-}
fail=0
tmp=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

for tool in curl python3; do
    command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool missing (make deps)"; exit 1; }
done
python3 -c 'import requests' 2>/dev/null || { echo "FAIL: python3-requests missing (make deps)"; exit 1; }

check() { # name expected actual
    if [ "$2" != "$3" ]; then
        echo "FAIL $1: expected [$2], got [$3]"
        fail=1
    else
        echo "ok   $1"
    fi
}

BTID='I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org'
PASSWORD='/RrI0J6XSoPYZOQPFY3bFzN5oTMW3nWn9lnTtKtN/6s='
FQDN=xcap.ims.mnc001.mcc001.pub.3gppnetwork.org
KEYS="--btid $BTID --ck b40ba9a3c58b2a05bbf0d987b21bf8cb --ik f769bcd751044604127672711c6d3441 \
--rand 23553cbe9637a89d218ae64dae47bf35 --impi 001010123456789@ims.mnc001.mcc001.3gppnetwork.org \
--naf-fqdn $FQDN"

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() { # requests [extra options]
    n=$1
    shift
    port=$(free_port)
    # shellcheck disable=SC2086
    $W "$UTSEC" digest-serve --port "$port" $KEYS --requests "$n" "$@" >"$tmp/serve.out" 2>"$tmp/serve.err" &
    pid=$!
    i=0
    while ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null; do
        i=$((i + 1))
        if [ $i -gt 100 ]; then
            echo "FAIL server did not start"; cat "$tmp/serve.err"; exit 1
        fi
        sleep 0.1
    done
    URL="http://127.0.0.1:$port"
}

stop() { # expected status lines
    i=0
    while kill -0 "$pid" 2>/dev/null; do
        i=$((i + 1))
        if [ $i -gt 100 ]; then
            echo "FAIL server did not exit after its --requests"; kill "$pid"; fail=1; break
        fi
        sleep 0.1
    done
    wait "$pid"
    check "server exit status" 0 $?
    pid=""
    got=$(grep -v '^status: 401$' "$tmp/serve.out" | tr '\n' ' ')
    check "server status lines (without bare 401s)" "$1" "$got"
}

code() { # curl args...: prints the HTTP status
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@"
}

# ---- MD5, qop=auth ----------------------------------------------------------
# Requests that carry Authorization: 1 curl ok, 1 wrong password, 1 unknown
# B-TID, 1 requests, 2 requests session, 2 replay, 1 malformed, 2 keep-alive.
start 11
check "curl --digest right password" 200 "$(code --digest -u "$BTID:$PASSWORD" "$URL/simservs.xml")"
check "curl --digest wrong password" 401 "$(code --digest -u "$BTID:wrong" "$URL/simservs.xml")"
check "curl --digest unknown B-TID" 401 \
    "$(code --digest -u "AAAAAAAAAAAAAAAAAAAAAA==@bsf.example:$PASSWORD" "$URL/simservs.xml")"

out=$(timeout 20 python3 - "$URL" "$BTID" "$PASSWORD" <<'EOF'
import sys, requests
from requests.auth import HTTPDigestAuth
url, user, pw = sys.argv[1:4]
r = requests.get(url + "/users/x", auth=HTTPDigestAuth(user, pw), timeout=5)
print(r.status_code, "rspauth" in r.headers.get("Authentication-Info", ""))
s = requests.Session()
s.auth = HTTPDigestAuth(user, pw)
a = s.get(url + "/a?x=1", timeout=5)
b = s.get(url + "/b", timeout=5)  # same nonce, nc=00000002, same connection
print(a.status_code, b.status_code)
EOF
)
check "python requests HTTPDigestAuth + session" "200 True
200 200" "$out"

# replayed nonce count: compute one answer with `utsec digest-response`, send it twice
hdr=$(curl -s -D - -o /dev/null --max-time 5 "$URL/r" | tr -d '\r' | sed -n 's/^WWW-Authenticate: //p')
nonce=$(printf '%s' "$hdr" | sed 's/.*nonce="\([^"]*\)".*/\1/')
realm=$(printf '%s' "$hdr" | sed 's/.*realm="\([^"]*\)".*/\1/')
check "challenge realm" "3GPP-bootstrapping@$FQDN" "$realm"
resp=$("$UTSEC" digest-response --algorithm MD5 --username "$BTID" --realm "$realm" \
    --password "$PASSWORD" --nonce "$nonce" --method GET --uri /r --qop auth --nc 00000001 \
    --cnonce 0a4f113b | sed -n 's/^response: //p')
auth="Digest username=\"$BTID\", realm=\"$realm\", nonce=\"$nonce\", uri=\"/r\", response=\"$resp\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", algorithm=MD5"
check "hand-made answer" 200 "$(code -H "Authorization: $auth" "$URL/r")"
check "replayed nc" 401 "$(code -H "Authorization: $auth" "$URL/r")"
check "malformed Authorization" 400 "$(code -H 'Authorization: Digest username="x, realm=' "$URL/r")"

# keep-alive: two authenticated requests on one connection
curl -sv --digest -u "$BTID:$PASSWORD" --max-time 5 -o /dev/null "$URL/k1" -o /dev/null "$URL/k2" 2>"$tmp/ka.err"
if grep -qi 're-using existing connection' "$tmp/ka.err"; then
    echo "ok   keep-alive connection re-used"
else
    echo "FAIL keep-alive: curl did not re-use the connection"; fail=1
fi
stop "status: 200 status: 200 status: 200 status: 200 status: 200 status: 400 status: 200 status: 200 "

# ---- SHA-256 ------------------------------------------------------------------
start 2 --algorithm SHA-256
check "curl --digest SHA-256" 200 "$(code --digest -u "$BTID:$PASSWORD" "$URL/")"
out=$(timeout 20 python3 -c '
import sys, requests
from requests.auth import HTTPDigestAuth
print(requests.get(sys.argv[1], auth=HTTPDigestAuth(sys.argv[2], sys.argv[3]), timeout=5).status_code)
' "$URL/" "$BTID" "$PASSWORD")
check "python requests SHA-256" 200 "$out"
stop "status: 200 status: 200 "

# ---- qop=auth-int (no stock client does it): a POST with a body -------------
start 2 --qop auth-int
BODY=tests/data/bootstrapping_info.xml
hdr=$(curl -s -D - -o /dev/null --max-time 5 "$URL/p" | tr -d '\r' | sed -n 's/^WWW-Authenticate: //p')
nonce=$(printf '%s' "$hdr" | sed 's/.*nonce="\([^"]*\)".*/\1/')
check "auth-int offered" 1 "$(printf '%s' "$hdr" | grep -c 'qop="auth-int"')"
resp=$("$UTSEC" digest-response --algorithm MD5 --username "$BTID" --realm "3GPP-bootstrapping@$FQDN" \
    --password "$PASSWORD" --nonce "$nonce" --method POST --uri /p --qop auth-int --nc 00000001 \
    --cnonce c0ffee --body-file $BODY | sed -n 's/^response: //p')
auth="Digest username=\"$BTID\", realm=\"3GPP-bootstrapping@$FQDN\", nonce=\"$nonce\", uri=\"/p\", response=\"$resp\", qop=auth-int, nc=00000001, cnonce=\"c0ffee\""
check "auth-int POST with another body" 401 \
    "$(code -X POST --data-binary 'tampered' -H "Authorization: $auth" "$URL/p")"
check "auth-int POST with the body it was computed over" 200 \
    "$(code -X POST --data-binary @$BODY -H "Authorization: $auth" "$URL/p")"
stop "status: 200 "

exit $fail

#!/bin/sh
# Smoke test of the lab's Authentication Proxy (examples/README.md "ap";
# TS 33.222 §5.3, §5.4, TS 24.109 §7) without the other lab programs: a
# Python stand-in answers Zn (Ks_NAF computed by `utsec ks-naf` for the
# NAF_Id the AP asks for) and a Python mutual-TLS stand-in plays the
# presence server and records the X-3GPP-Asserted-Identity it receives.
# Drives the AP with `utsec tls-connect` (TLS-PSK) and curl --digest
# (HTTPS + Digest). Checks: a good PSK and a good Digest request forwarded
# with the subscriber's IMPUs asserted, an unknown B-TID refused on both
# listeners, a wrong password -> 401, an intended identity that is not the
# subscriber's -> 403, a UE-asserted identity -> 403, a replayed
# Authorization -> 401, and a clean exit on SIGTERM.
. tests/cli/ex_lib.sh

for tool in curl python3 openssl; do
    command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool missing"; exit 0; }
done
[ -x "$BIN/ap" ] || { echo "FAIL: $BIN/ap not built"; exit 1; }

CK=b40ba9a3c58b2a05bbf0d987b21bf8cb
IK=f769bcd751044604127672711c6d3441
RAND=23553cbe9637a89d218ae64dae47bf35
IMPI=alice@ims.example.net
FQDN=ap.example.net
BTID='I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.net'      # base64(RAND)@BSF
EXPIRED='AAAAAAAAAAAAAAAAAAAAAA==@bsf.example.net'    # the stub answers 410
UNKNOWN='BBBBBBBBBBBBBBBBBBBBBA==@bsf.example.net'    # the stub answers 404
ALICE=sip:alice@example.net
DOC="/pres-rules/users/$ALICE/index"

sh examples/demo/mkcerts.sh "$tmp/c" || { echo "FAIL: mkcerts"; exit 1; }

cat > "$tmp/stubs.py" <<'EOF'
import http.server, os, ssl, subprocess, sys, time, urllib.parse

mode, portfile, log = sys.argv[1:4]

def reply(h, code, body, ctype="text/plain"):
    h.send_response(code)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)

class Zn(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        utsec, ck, ik, rnd, impi, fqdn, btid, expired = sys.argv[4:12]
        u = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(u.query)
        b, naf = q.get("btid", [""])[0], q.get("naf_id", [""])[0]
        with open(log, "a") as f:
            f.write("zn %s %s\n" % (b, naf))
        if u.path == "/zn" and b == btid and naf[:-10] == fqdn.encode().hex():
            out = subprocess.run([utsec, "ks-naf", "--ck", ck, "--ik", ik, "--rand", rnd,
                                  "--impi", impi, "--naf-fqdn", fqdn, "--ua-id", naf[-10:]],
                                 capture_output=True, text=True, check=True).stdout
            ks = [l.split(": ")[1] for l in out.splitlines() if l.startswith("ks_naf:")][0]
            body = ("impi: %s\nks_naf: %s\nlifetime: %d\nimpu: sip:alice@example.net\n"
                    "impu: tel:+15551230001\n" % (impi, ks, int(time.time()) + 3600))
            reply(self, 200, body.encode())
        elif b == expired:
            reply(self, 410, b"gone\n")
        else:
            reply(self, 404, b"unknown\n")
    def log_message(self, *a):
        pass

class Ps(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def handle_one(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n) if n else b""
        cn = dict(x[0] for x in self.connection.getpeercert()["subject"])["commonName"]
        a = self.headers.get("X-3GPP-Asserted-Identity", "-")
        with open(log, "a") as f:
            f.write("ps %s %s %s peer=%s asserted=%s auth=%s body=%d\n" % (
                self.command, self.path, self.headers.get("Host"), cn, a,
                "yes" if self.headers.get("Authorization") else "no", len(body)))
        reply(self, 200, ("asserted: %s\n" % a).encode())
    do_GET = do_PUT = do_POST = do_DELETE = handle_one
    def log_message(self, *a):
        pass

if mode == "zn":
    srv = http.server.HTTPServer(("127.0.0.1", 0), Zn)
else:
    c = sys.argv[4]
    srv = http.server.HTTPServer(("127.0.0.1", 0), Ps)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(c + "/presence.crt", c + "/presence.key")
    ctx.load_verify_locations(c + "/ca.crt")
    ctx.verify_mode = ssl.CERT_REQUIRED
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
with open(portfile + ".tmp", "w") as f:
    f.write("%d\n" % srv.server_address[1])
os.rename(portfile + ".tmp", portfile)
srv.serve_forever()
EOF

python3 "$tmp/stubs.py" zn "$tmp/zn.port" "$tmp/seen" "$UTSEC" $CK $IK $RAND $IMPI $FQDN \
    "$BTID" "$EXPIRED" 2>"$tmp/zn.log" &
pids="$pids $!"
python3 "$tmp/stubs.py" ps "$tmp/ps.port" "$tmp/seen" "$tmp/c" 2>"$tmp/ps.log" &
pids="$pids $!"
wait_file "$tmp/zn.port"
wait_file "$tmp/ps.port"
$W "$BIN/ap" --psk-port-file "$tmp/psk.port" --https-port-file "$tmp/https.port" \
    --naf-fqdn $FQDN --zn-port "$(cat "$tmp/zn.port")" --ps-port "$(cat "$tmp/ps.port")" \
    --ca "$tmp/c/ca.crt" --cert "$tmp/c/ap.crt" --key "$tmp/c/ap.key" >"$tmp/ap.out" 2>"$tmp/ap.log" &
appid=$!
pids="$pids $appid"
wait_file "$tmp/psk.port"
wait_file "$tmp/https.port"
PSK=$(cat "$tmp/psk.port")
HTTPS=$(cat "$tmp/https.port")

last_ps() { grep '^ps ' "$tmp/seen" | tail -n 1; }
nps() { grep -c '^ps ' "$tmp/seen"; }

# ---- TLS-PSK (TS 33.222 §5.4) ---------------------------------------------------
out=$("$UTSEC" tls-connect --port "$PSK" --btid "$BTID" --ck $CK --ik $IK --rand $RAND \
    --impi $IMPI --naf-fqdn $FQDN --ciphers 00A8 --path "$DOC" 2>&1)
check "psk: GET forwarded" "status: HTTP/1.1 200 OK" "$(printf '%s\n' "$out" | grep '^status:')"
check "psk: Zn asked for NAF_Id = FQDN || 01 00 01 00 a8" \
    "zn $BTID $(printf %s $FQDN | od -An -tx1 | tr -d ' \n')01000100a8" "$(grep '^zn ' "$tmp/seen" | tail -n 1)"
check "psk: presence server saw the IMPUs asserted over mutual TLS" \
    "ps GET $DOC presence.example.net peer=ap.example.net asserted=\"$ALICE\", \"tel:+15551230001\" auth=no body=0" \
    "$(last_ps)"

n=$(nps)
"$UTSEC" tls-connect --port "$PSK" --btid "$UNKNOWN" --ck $CK --ik $IK --rand $RAND \
    --impi $IMPI --naf-fqdn $FQDN --path "$DOC" >"$tmp/tc.out" 2>&1
check "psk: unknown B-TID refused (tls-connect exit 1)" 1 $?
check "psk: tls-connect saw the refusal" "utsec: tls-connect: handshake: unknown B-TID or PSK identity" \
    "$(cat "$tmp/tc.out")"
check "psk: Zn asked about the unknown B-TID" 1 "$(grep -c "^zn $UNKNOWN " "$tmp/seen")"
# The same, and an X-3GPP-Intended-Identity over TLS-PSK, with a TLS stack
# nobody here wrote: openssl s_client with Ks_NAF for PSK-AES128-GCM-SHA256.
KS=$("$UTSEC" ks-naf --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $FQDN \
    --ua-id 01000100a8 | sed -n 's/^ks_naf: //p')
ossl() { # identity key: request on stdin
    timeout 5 openssl s_client -quiet -ign_eof -tls1_2 -cipher PSK-AES128-GCM-SHA256 \
        -psk_identity "3GPP-bootstrapping.$1" -psk "$2" -connect "127.0.0.1:$PSK" 2>&1
}
check "psk: openssl s_client gets the unknown_psk_identity alert (115)" 1 \
    "$(printf 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' | ossl "$UNKNOWN" "$KS" | grep -c 'alert number 115')"
check "psk: openssl s_client, intended identity not the subscriber's" "HTTP/1.1 403 Forbidden" \
    "$(printf 'GET %s HTTP/1.1\r\nHost: %s\r\nX-3GPP-Intended-Identity: "sip:bob@example.net"\r\n\r\n' \
        "$DOC" $FQDN | ossl "$BTID" "$KS" | tr -d '\r' | grep '^HTTP/')"
check "psk: openssl s_client, intended identity of the subscriber" "HTTP/1.1 200 OK" \
    "$(printf 'GET %s HTTP/1.1\r\nHost: %s\r\nX-3GPP-Intended-Identity: <%s>\r\n\r\n' \
        "$DOC" $FQDN $ALICE | ossl "$BTID" "$KS" | tr -d '\r' | grep '^HTTP/')"
check "psk: only the intended identity asserted" "asserted=\"$ALICE\"" \
    "$(last_ps | sed 's/.*\(asserted=[^ ]*\) .*/\1/')"
check "psk: of these, only the allowed s_client request forwarded" "$((n + 1))" "$(nps)"

# ---- HTTPS + Digest (TS 33.222 §5.3) ------------------------------------------
# curl's ClientHello is answered with ECDHE-ECDSA-AES128-GCM-SHA256 (c0 2b):
# password = base64(Ks_NAF) for NAF_Id = FQDN || 01 00 01 c0 2b.
PW=$("$UTSEC" ks-naf --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $FQDN \
    --ua-id 010001c02b | sed -n 's/^password: //p')
URL="https://$FQDN:$HTTPS$DOC"
C="-s --max-time 5 --cacert $tmp/c/ca.crt --resolve $FQDN:$HTTPS:127.0.0.1"
code() { # curl args: HTTP status
    # shellcheck disable=SC2086
    curl $C -o "$tmp/body" -w '%{http_code}' "$@"
}

check "digest: right password" 200 "$(code --digest -u "$BTID:$PW" "$URL")"
check "digest: body relayed from the presence server" \
    "asserted: \"$ALICE\", \"tel:+15551230001\"" "$(cat "$tmp/body")"
check "digest: Authorization not forwarded, IMPUs asserted" \
    "ps GET $DOC presence.example.net peer=ap.example.net asserted=\"$ALICE\", \"tel:+15551230001\" auth=no body=0" \
    "$(last_ps)"
check "digest: intended identity of the subscriber" 200 \
    "$(code --digest -u "$BTID:$PW" -H 'X-3GPP-Intended-Identity: "tel:+15551230001"' "$URL")"
check "digest: only the intended identity asserted" \
    "asserted=\"tel:+15551230001\"" "$(last_ps | sed 's/.*\(asserted=[^ ]*\) .*/\1/')"
check "digest: wrong password (curl)" 401 "$(code --digest -u "$BTID:wrongpassword" "$URL")"

# The refusals with hand-made Authorization headers (utsec digest-response)
# on one challenge: one connection each instead of curl's two.
hdr=$(curl $C -D - -o /dev/null "$URL" | tr -d '\r' | sed -n 's/^WWW-Authenticate: //p' | head -n 1)
realm=$(printf '%s' "$hdr" | sed 's/.*realm="\([^"]*\)".*/\1/')
check "digest: realm" "3GPP-bootstrapping@$FQDN" "$realm"
nonce=$(printf '%s' "$hdr" | sed 's/.*nonce="\([^"]*\)".*/\1/')
authz() { # user password nc -> an Authorization value for GET $DOC
    r=$("$UTSEC" digest-response --algorithm MD5 --username "$1" --realm "$realm" \
        --password "$2" --nonce "$nonce" --method GET --uri "$DOC" --qop auth --nc "$3" \
        --cnonce 0a4f113b | sed -n 's/^response: //p')
    echo "Digest username=\"$1\", realm=\"$realm\", nonce=\"$nonce\", uri=\"$DOC\", response=\"$r\", qop=auth, nc=$3, cnonce=\"0a4f113b\", algorithm=MD5"
}
n=$(nps)
auth=$(authz "$BTID" "$PW" 00000001)
check "digest: hand-made Authorization" 200 "$(code -H "Authorization: $auth" "$URL")"
check "digest: the same Authorization replayed" 401 "$(code -H "Authorization: $auth" "$URL")"
check "digest: intended identity not the subscriber's" 403 "$(code -H "Authorization: $(authz "$BTID" "$PW" 00000002)" \
    -H 'X-3GPP-Intended-Identity: "sip:bob@example.net"' "$URL")"
check "digest: X-3GPP-Asserted-Identity from the UE (reject)" 403 \
    "$(code -H "Authorization: $(authz "$BTID" "$PW" 00000003)" -H 'X-3GPP-Asserted-Identity: <sip:bob@example.net>' "$URL")"
check "digest: unknown B-TID -> fresh challenge" 401 "$(code -H "Authorization: $(authz "$UNKNOWN" "$PW" 00000001)" "$URL")"
check "digest: expired B-TID (Zn 410) -> fresh challenge" 401 "$(code -H "Authorization: $(authz "$EXPIRED" "$PW" 00000001)" "$URL")"
check "digest: of these, only the first forwarded" "$((n + 1))" "$(nps)"

# ---- transcript and shutdown ------------------------------------------------------
kill -TERM $appid
wait $appid
check "ap exits 0 on SIGTERM" 0 $?
pids=$(echo "$pids" | sed "s/ $appid//")
t() { grep -c -F -- "$1" "$tmp/ap.out"; }
check "transcript: intended identity refused" 2 "$(t 'ap: decision deny 403 reason=identity not allowed for this user')"
check "transcript: UE-asserted identity refused" 1 "$(t 'ap: decision deny 403 reason=X-3GPP-Asserted-Identity sent by the UE')"
check "transcript: replay refused" 1 "$(t 'ap: digest deny 401 reason=replayed or out-of-window nonce count')"
check "transcript: renegotiation requested" 2 "$(t 'reason=digest response does not match (bootstrapping renegotiation)')"
check "transcript: PSK refused (tls-connect, s_client)" 2 "$(t 'ap: psk handshake failed: unknown B-TID or PSK identity')"
for secret in "$PW" "$KS" "$(echo "$auth" | sed 's/.*response="\([^"]*\)".*/\1/')"; do
    check "transcript: no secret" 0 "$(t "$secret")"
done
[ $fail -eq 0 ] || { echo "--- ap stdout"; cat "$tmp/ap.out"; echo "--- ap stderr"; cat "$tmp/ap.log"; }
exit $fail

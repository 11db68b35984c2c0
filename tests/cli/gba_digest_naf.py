#!/usr/bin/env python3
"""A stand-in NAF for tests/cli/test_ex_curl_gba.sh: HTTPS (TLS 1.2, the
ECDHE-ECDSA AEAD suites) with HTTP Digest (MD5, qop=auth) whose password is
base64(Ks_NAF), NAF_Id = FQDN || 01 00 01 yy zz of the negotiated suite
(TS 33.222 §5.3, TS 33.220 B.2/B.3, Annex H). Ks_NAF is computed here with
hmac/hashlib, independently of libutsec.

usage: gba_digest_naf.py PORT_FILE CERT KEY FQDN KS_HEX IMPI
Serves until killed; writes the chosen port to PORT_FILE.
"""
import base64
import hashlib
import hmac
import os
import secrets
import ssl
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT_FILE, CERT, KEY, FQDN, KS_HEX, IMPI = sys.argv[1:7]
KS = bytes.fromhex(KS_HEX)
REALM = "3GPP-bootstrapping@" + FQDN
SUITES = {  # OpenSSL name -> IANA code
    "ECDHE-ECDSA-AES128-GCM-SHA256": 0xC02B,
    "ECDHE-ECDSA-AES256-GCM-SHA384": 0xC02C,
    "ECDHE-ECDSA-CHACHA20-POLY1305": 0xCCA9,
}
NONCES = set()


def kdf(key, fc, *params):
    s = bytes([fc])
    for p in params:
        s += p + len(p).to_bytes(2, "big")
    return hmac.new(key, s, hashlib.sha256).digest()


def password(btid, suite):
    rand = base64.b64decode(btid.split("@", 1)[0], validate=True)
    naf_id = FQDN.encode() + bytes([1, 0, 1]) + suite.to_bytes(2, "big")
    return base64.b64encode(kdf(KS, 0x01, b"gba-me", rand, IMPI.encode(), naf_id)).decode()


def md5(s):
    return hashlib.md5(s.encode()).hexdigest()


def parse_digest(value):
    if not value or not value.startswith("Digest "):
        return None
    out, rest = {}, value[7:]
    while rest:
        rest = rest.lstrip(" ,")
        if not rest:
            break
        name, _, rest = rest.partition("=")
        if rest.startswith('"'):
            val, _, rest = rest[1:].partition('"')
        else:
            val, _, rest = rest.partition(",")
        out[name.strip()] = val.strip()
    return out


class Handler(BaseHTTPRequestHandler):
    def challenge(self):
        nonce = secrets.token_hex(16)
        NONCES.add(nonce)
        self.send_response(401)
        self.send_header("WWW-Authenticate",
                         'Digest realm="%s", nonce="%s", qop="auth", algorithm=MD5' % (REALM, nonce))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        a = parse_digest(self.headers.get("Authorization"))
        if a is None or a.get("nonce") not in NONCES or a.get("realm") != REALM:
            return self.challenge()
        suite = SUITES.get(self.connection.cipher()[0])
        if suite is None:
            return self.challenge()
        ha1 = md5("%s:%s:%s" % (a["username"], REALM, password(a["username"], suite)))
        ha2 = md5("GET:" + a["uri"])
        want = md5(":".join([ha1, a["nonce"], a["nc"], a["cnonce"], a["qop"], ha2]))
        if not hmac.compare_digest(want, a.get("response", "")):
            return self.challenge()
        body = ("hello %s over 0x%04X\n" % (a["username"], suite)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        sys.stderr.write("naf: " + (fmt % args) + "\n")


ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.minimum_version = ctx.maximum_version = ssl.TLSVersion.TLSv1_2
ctx.set_ciphers(":".join(SUITES))
ctx.load_cert_chain(CERT, KEY)
srv = HTTPServer(("127.0.0.1", 0), Handler)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write("%d\n" % srv.server_address[1])
os.rename(PORT_FILE + ".tmp", PORT_FILE)
srv.serve_forever()

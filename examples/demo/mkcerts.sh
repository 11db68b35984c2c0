#!/bin/sh
# Make the demo's certificates at start-up (TS 33.210 network domain):
# a throw-away CA and P-256 ECDSA leaf certificates for the AP, the
# presence server and a "rogue" node that the CA also signed but that is
# not the AP. Usage: mkcerts.sh DIR. Needs openssl(1).
set -eu
d=${1:?usage: mkcerts.sh DIR}
mkdir -p "$d"
cd "$d"
umask 077
openssl ecparam -name prime256v1 -genkey -noout -out ca.key 2>/dev/null
openssl req -x509 -new -key ca.key -sha256 -days 2 -subj "/CN=libutsec demo CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -out ca.crt 2>/dev/null
for n in ap presence rogue ue; do
    openssl ecparam -name prime256v1 -genkey -noout -out $n.key 2>/dev/null
    openssl req -new -key $n.key -subj "/CN=$n.example.net" -out $n.csr 2>/dev/null
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:%s.example.net\n' $n > $n.ext
    openssl x509 -req -in $n.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 2 \
        -extfile $n.ext -out $n.crt 2>/dev/null
    rm -f $n.csr $n.ext
done
rm -f ca.srl

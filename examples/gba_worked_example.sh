#!/bin/sh
# A worked GBA example with the `utsec` tool: from the AKA outputs of
# TS 35.208 Set 1 to the keys a UE and a NAF use on Ut (TS 33.220 Annex B,
# TS 24.109 §5.2). The expected values are FACTS §8 (self-computed, not
# official 3GPP vectors: none exist). Exit 0 only if every value matches.
set -u
UTSEC=${1:-build/bin/utsec}
CK=b40ba9a3c58b2a05bbf0d987b21bf8cb
IK=f769bcd751044604127672711c6d3441
RAND=23553cbe9637a89d218ae64dae47bf35
IMPI=001010123456789@ims.mnc001.mcc001.3gppnetwork.org
NAF=xcap.ims.mnc001.mcc001.pub.3gppnetwork.org
BSF=bsf.mnc001.mcc001.pub.3gppnetwork.org
ok=0 bad=0

step() { # title expected command...
    title=$1 want=$2
    shift 2
    got=$("$UTSEC" "$@")
    echo "== $title"
    echo "   \$ utsec $*" | cut -c1-160
    echo "$got" | sed 's/^/   /'
    if [ "$got" = "$want" ]; then ok=$((ok + 1)); echo "   -> as expected"
    else bad=$((bad + 1)); echo "   -> MISMATCH, expected:"; echo "$want" | sed 's/^/      /'; fi
    echo
}

echo "UE and BSF ran AKA (TS 35.208 Set 1): CK=$CK IK=$IK RAND=$RAND"
echo "IMPI=$IMPI"
echo
step "1. The BSF names the bootstrapping: B-TID = base64(RAND)@BSF (TS 33.220 4.5.2)" \
"btid: I1U8vpY3qJ0hiuZNrke/NQ==@$BSF" \
    btid --rand $RAND --bsf-host $BSF
step "2. Both derive the TMPI for the next Ub run (TS 33.220 B.4)" \
"tmpi: NdfNQvvGWK4SGbs7c17alrZHQXyhEcrW@tmpi.bsf.3gppnetwork.org" \
    tmpi --ck $CK --ik $IK --rand $RAND --impi $IMPI --bsf-host $BSF
step "3. Ut over plain HTTP with Digest: NAF_Id = FQDN || 01 00 00 00 02 (TS 33.220 B.3, H.3)" \
"naf_id: 786361702e696d732e6d6e633030312e6d63633030312e7075622e336770706e6574776f726b2e6f72670100000002
ks_naf: fd1ac8d09e974a83d864e40f158ddb173379a13316de75a7f659d3b4ab4dffab
ks_int_naf: 1d6da35624584c90c0e53b45f35a56576125b95c43afb75a0bc65678b4506459
password: /RrI0J6XSoPYZOQPFY3bFzN5oTMW3nWn9lnTtKtN/6s=" \
    ks-naf --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF --ua-id 0100000002
step "4. Ut over TLS with suite 0x002F: NAF_Id = FQDN || 01 00 01 00 2F (TS 33.222 5.3/5.4)" \
"naf_id: 786361702e696d732e6d6e633030312e6d63633030312e7075622e336770706e6574776f726b2e6f7267010001002f
ks_naf: b72e7ceecdf2106ff120c7f2d6d91911210578d97c4fd5315e5c9441000f57d7
ks_int_naf: 7908fb1339b39242af12ff3d220c2f69ad1ee70c3f1339824eb1c645f01fbf38
password: ty587s3yEG/xIMfy1tkZESEFeNl8T9UxXlyUQQAPV9c=" \
    ks-naf --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF --ua-id 010001002f
step "5. The NAF checks the key lifetime the BSF gave over Zn (TS 33.220 4.5.3)" \
"unix: 1767225600
utc: 2026-01-01T00:00:00Z
valid: yes" \
    lifetime --time 2026-01-01T00:00:00Z --now 2025-12-31T12:00:00Z
echo "$ok passed, $bad failed"
[ "$bad" -eq 0 ]

#!/bin/sh
# `utsec` GBA commands against docs/cli.md and FACTS §8 (selfgen vectors).
. tests/cli/lib.sh

CK=b40ba9a3c58b2a05bbf0d987b21bf8cb
IK=f769bcd751044604127672711c6d3441
RAND=23553cbe9637a89d218ae64dae47bf35
IMPI=001010123456789@ims.mnc001.mcc001.3gppnetwork.org
NAF=xcap.ims.mnc001.mcc001.pub.3gppnetwork.org
BSF=bsf.mnc001.mcc001.pub.3gppnetwork.org
S=016762612d6d65000623553cbe9637a89d218ae64dae47bf35001030303130313031323334353637383940696d732e6d6e633030312e6d63633030312e336770706e6574776f726b2e6f72670031786361702e696d732e6d6e633030312e6d63633030312e7075622e336770706e6574776f726b2e6f72670100000002002f

expect_out ks-naf-http "naf_id: 786361702e696d732e6d6e633030312e6d63633030312e7075622e336770706e6574776f726b2e6f72670100000002
ks_naf: fd1ac8d09e974a83d864e40f158ddb173379a13316de75a7f659d3b4ab4dffab
ks_int_naf: 1d6da35624584c90c0e53b45f35a56576125b95c43afb75a0bc65678b4506459
password: /RrI0J6XSoPYZOQPFY3bFzN5oTMW3nWn9lnTtKtN/6s=" -- \
    ks-naf --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF --ua-id 0100000002

# Upper-case hex is accepted; output stays lower-case.
expect_out ks-naf-tls "naf_id: 786361702e696d732e6d6e633030312e6d63633030312e7075622e336770706e6574776f726b2e6f7267010001002f
ks_naf: b72e7ceecdf2106ff120c7f2d6d91911210578d97c4fd5315e5c9441000f57d7
ks_int_naf: 7908fb1339b39242af12ff3d220c2f69ad1ee70c3f1339824eb1c645f01fbf38
password: ty587s3yEG/xIMfy1tkZESEFeNl8T9UxXlyUQQAPV9c=" -- \
    ks-naf --ck B40BA9A3C58B2A05BBF0D987B21BF8CB --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF --ua-id 010001002F

expect_out ks-naf-tls13 "naf_id: 786361702e696d732e6d6e633030312e6d63633030312e7075622e336770706e6574776f726b2e6f72670100000007
ks_naf: 7b62fa012ed5d1b2236f1646d0ff6dc630df48fecf232e87fc09207268ddb791
ks_int_naf: b808fce50c82a6db26e42776fa7295844145f3467c7025af6ed07eee659ea21c
password: e2L6AS7V0bIjbxZG0P9txjDfSP7PIy6H/Akgcmjdt5E=" -- \
    ks-naf --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF --ua-id 0100000007

# The generic KDF over the FACTS §8.3 parameters gives Ks_NAF.
expect_out kdf-facts "output: fd1ac8d09e974a83d864e40f158ddb173379a13316de75a7f659d3b4ab4dffab" -- \
    kdf --key $CK$IK --fc 01 --param 6762612d6d65 --param $RAND \
    --param 30303130313031323334353637383940696d732e6d6e633030312e6d63633030312e336770706e6574776f726b2e6f7267 \
    --param 786361702e696d732e6d6e633030312e6d63633030312e7075622e336770706e6574776f726b2e6f72670100000002
# Two-octet FC and an empty parameter (Python hmac value).
expect_out kdf-ext-fc "output: 1984390fecdce1b59d0436da23da450ef9797107daa9b418d931c10e4e27ad6a" -- \
    kdf --key 6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b --fc ff12 --param 616263 --param ""

expect_out btid "btid: I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org" -- \
    btid --rand $RAND --bsf-host $BSF
expect_out btid-parse "rand: 23553cbe9637a89d218ae64dae47bf35
bsf_host: bsf.mnc001.mcc001.pub.3gppnetwork.org" -- \
    btid-parse --btid "I1U8vpY3qJ0hiuZNrke/NQ==@$BSF"
expect_out tmpi "tmpi: NdfNQvvGWK4SGbs7c17alrZHQXyhEcrW@tmpi.bsf.3gppnetwork.org" -- \
    tmpi --ck $CK --ik $IK --rand $RAND --impi $IMPI --bsf-host $BSF
expect_out akma-kaf "af_id: 61662e6578616d706c652e636f6d0100000002
k_af: a27341a09a67a1944a4c9ffea06ff51dfde81d866845030c39f7e1d9015cdc6f" -- \
    akma-kaf --kakma 4e1fa8cffc3a70a0d2df27bf960a61a2e8bc2826ffda00511c6b713f47853975 \
    --af-fqdn af.example.com --ua-id 0100000002
expect_out lifetime "unix: 1767225600
utc: 2026-01-01T00:00:00Z
valid: no" -- lifetime --time 2026-01-01T01:00:00+01:00 --now 2026-01-01T00:00:00Z

# BootstrappingInfo (TS 24.109 Annex C): the FACTS §8.2 body, and back.
DOC='<?xml version="1.0" encoding="UTF-8"?>
<BootstrappingInfo xmlns="uri:3gpp-gba">
<btid>I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org</btid>
<lifetime>2026-01-01T00:00:00Z</lifetime>
</BootstrappingInfo>'
expect_out boot-info "$DOC" -- boot-info --btid "I1U8vpY3qJ0hiuZNrke/NQ==@$BSF" --lifetime 2026-01-01T00:00:00Z
expect_stdin_out parse-boot-info "$DOC" "btid: I1U8vpY3qJ0hiuZNrke/NQ==@$BSF
lifetime: 2026-01-01T00:00:00Z
current_time: " -- parse-boot-info
expect_rc parse-boot-info-bad 1 -- parse-boot-info </dev/null

# Exit statuses: 2 usage, 1 invalid input.
expect_rc no-command 2 -- 
expect_rc unknown-command 2 -- frobnicate
expect_rc unknown-option 2 -- btid --rand $RAND --bsf-host $BSF --bogus 1
expect_rc missing-option 2 -- btid --rand $RAND
expect_rc missing-value 2 -- btid --rand $RAND --bsf-host
expect_rc short-hex 2 -- btid --rand 2355 --bsf-host $BSF
expect_rc bad-hex 2 -- btid --rand 23553cbe9637a89d218ae64dae47bfzz --bsf-host $BSF
expect_rc ua-id-length 2 -- ks-naf --ck $CK --ik $IK --rand $RAND --impi $IMPI --naf-fqdn $NAF --ua-id 01000000
expect_rc fc-three-digits 2 -- kdf --key 00 --fc 012 --param 00
expect_rc fc-ext-not-ff 2 -- kdf --key 00 --fc 0112
expect_rc empty-impi 2 -- ks-naf --ck $CK --ik $IK --rand $RAND --impi "" --naf-fqdn $NAF --ua-id 0100000002
expect_rc bad-host 1 -- btid --rand $RAND --bsf-host "bad_host"
expect_rc fc-ff-alone 1 -- kdf --key 00 --fc ff
expect_rc btid-parse-bad 1 -- btid-parse --btid "notabtid"
expect_rc lifetime-bad 1 -- lifetime --time 2026-02-30T00:00:00Z
expect_rc help 0 -- --help
expect_rc cmd-help 0 -- ks-naf --help
u --help | grep -q '^  ks-naf ' || { echo "FAIL --help lists ks-naf"; T_FAIL=$((T_FAIL + 1)); }

finish

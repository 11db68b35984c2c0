#!/bin/sh
# CLI contract tests for the AKA commands (docs/cli.md): exact outputs and
# exit statuses 0/1/2. Values: TS 35.208 Set 1 and Set 20, FACTS §5.2/§8.2,
# TS 35.233 Set 1, TS 34.108 XOR example.
#   UTSEC=path/to/utsec  UTSEC_WRAP="valgrind ..." (optional)
set -u
U=${UTSEC:-build/bin/utsec}
W=${UTSEC_WRAP:-}
fails=0
n=0
tmp=${TMPDIR:-/tmp}/utsec_cli_aka.$$
trap 'rm -f "$tmp"' EXIT

# ok EXPECTED_STDOUT CMD...   (exit status 0 and exact stdout)
ok() {
    want=$1
    shift
    n=$((n + 1))
    # shellcheck disable=SC2086
    got=$($W "$U" "$@" 2>"$tmp")
    rc=$?
    if [ "$rc" -ne 0 ] || [ "$got" != "$want" ]; then
        fails=$((fails + 1))
        echo "FAIL: utsec $*"
        echo "  exit $rc; stderr: $(cat "$tmp")"
        echo "  got:"
        echo "$got" | sed 's/^/    /'
        echo "  want:"
        echo "$want" | sed 's/^/    /'
    fi
}

# status N CMD...   (exit status N, nothing on stdout, "utsec: " on stderr)
status() {
    want=$1
    shift
    n=$((n + 1))
    # shellcheck disable=SC2086
    got=$($W "$U" "$@" 2>"$tmp")
    rc=$?
    if [ "$rc" -ne "$want" ] || [ -n "$got" ] || ! grep -q '^utsec: ' "$tmp"; then
        fails=$((fails + 1))
        echo "FAIL: utsec $* (exit $rc, want $want; stdout '$got'; stderr '$(cat "$tmp")')"
    fi
}

K1=465b5ce8b199b49faa5f0a2ee238a6bc
OP1=cdc202d5123e20f62b6d676ac72cb318
OPC1=cd63cb71954a9f4e48a5994e37a02baf
R1=23553cbe9637a89d218ae64dae47bf35

SET1="opc: cd63cb71954a9f4e48a5994e37a02baf
mac_a: 4a9ffac354dfafb3
mac_s: 01cfaf9ec4e871e9
res: a54211d5e3ba50bf
ck: b40ba9a3c58b2a05bbf0d987b21bf8cb
ik: f769bcd751044604127672711c6d3441
ak: aa689c648370
ak_star: 451e8beca43b
autn: 55f328b43577b9b94a9ffac354dfafb3"

# milenage, from OP and from OPc, hex case-insensitive
ok "$SET1" milenage --k $K1 --op $OP1 --rand $R1 --sqn ff9bb4d0b607 --amf b9b9
ok "$SET1" milenage --k $K1 --opc $OPC1 --rand $R1 --sqn ff9bb4d0b607 --amf b9b9
ok "$SET1" milenage --k 465B5CE8B199B49FAA5F0A2EE238A6BC --opc $OPC1 --rand $R1 --sqn FF9BB4D0B607 --amf B9B9
# 35.208 Set 20
ok "opc: cb9cccc4b9258e6dca4760379fb82581
mac_a: 09db94eab4f8149e
mac_s: a29468aa9775b527
res: a95100e2760952cd
ck: b5f2da03883b69f96bf52e029ed9ac45
ik: b4721368bc16ea67875c5598688bb0ef
ak: 83cfd54db913
ak_star: 4f2039392ddc
autn: a337c6f0f85261df09db94eab4f8149e" \
    milenage --k 90dca4eda45b53cf0f12d7c9c3bc6a89 --op 3ffcfe5b7b1111589920d3528e84e655 \
    --rand 9fddc72092c6ad036b6e464789315b78 --sqn 20f813bd4141 --amf 61df
status 2 milenage --k $K1 --op $OP1 --opc $OPC1 --rand $R1 --sqn ff9bb4d0b607 --amf b9b9
status 2 milenage --k $K1 --rand $R1 --sqn ff9bb4d0b607 --amf b9b9
status 2 milenage --k $K1 --op $OP1 --rand $R1 --sqn ff9bb4d0b6 --amf b9b9
status 2 milenage --k $K1 --op $OP1 --rand $R1 --sqn ff9bb4d0b607 --amf b9b9x
status 2 milenage --k $K1 --op $OP1 --rand $R1 --sqn ff9bb4d0b607
status 2 milenage --k $K1 --op $OP1 --rand $R1 --sqn ff9bb4d0b607 --amf b9b9 --bogus 1
status 2 milenage --k $K1 --op

# auts / resync (FACTS §5.2: Set 1 SQN_MS 000000000020; hostapd Set 20)
ok "auts: 451e8beca41bf8ee589d46d835c9" auts --k $K1 --op $OP1 --rand $R1 --sqn-ms 000000000020
ok "auts: 451e8beca41bf8ee589d46d835c9" auts --k $K1 --opc $OPC1 --rand $R1 --sqn-ms 000000000020
status 2 auts --k $K1 --opc $OPC1 --rand $R1 --sqn-ms 0020
status 2 auts --k $K1 --opc $OPC1 --rand $R1
ok "sqn_ms: 000000000020" resync --k $K1 --opc $OPC1 --rand $R1 --auts 451e8beca41bf8ee589d46d835c9
ok "sqn_ms: 000000000001" resync --k 90dca4eda45b53cf0f12d7c9c3bc6a89 \
    --opc cb9cccc4b9258e6dca4760379fb82581 --rand 9fddc72092c6ad036b6e464789315b78 \
    --auts 4f2039392ddd4bb4316ed4a14688
status 1 resync --k $K1 --opc $OPC1 --rand $R1 --auts 451e8beca41bf8ee589d46d835c8
status 1 resync --k $K1 --op $OPC1 --rand $R1 --auts 451e8beca41bf8ee589d46d835c9
status 2 resync --k $K1 --opc $OPC1 --rand $R1 --auts 451e8beca41bf8ee589d46d835
status 2 resync --k $K1 --opc $OPC1 --rand $R1

# aka-nonce, both forms (FACTS §8.2)
N1=I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=
ok "nonce: $N1" aka-nonce --rand $R1 --autn 55f328b43577b9b94a9ffac354dfafb3
ok "nonce: I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7MA/xA=" \
    aka-nonce --rand $R1 --autn 55f328b43577b9b94a9ffac354dfafb3 --server-data 00ff10
ok "rand: 23553cbe9637a89d218ae64dae47bf35
autn: 55f328b43577b9b94a9ffac354dfafb3
server_data: " aka-nonce --decode $N1
ok "rand: 23553cbe9637a89d218ae64dae47bf35
autn: 55f328b43577b9b94a9ffac354dfafb3
server_data: 00ff10" aka-nonce --decode I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7MA/xA=
status 1 aka-nonce --decode I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfrw==
status 1 aka-nonce --decode 'I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M'
status 1 aka-nonce --decode ''
status 2 aka-nonce --rand $R1
status 2 aka-nonce --rand $R1 --autn 55f328b43577b9b94a9ffac354dfaf
status 2 aka-nonce --decode $N1 --rand $R1
status 2 aka-nonce --rand $R1 --autn 55f328b43577b9b94a9ffac354dfafb3 --server-data 0

# tuak: TS 35.233 Set 1 (RES 32 bits) and Set 6 (2 iterations, 256-bit lengths)
ok "topc: bd04d9530e87513c5d837ac2ad954623a8e2330c115305a73eb45d1f40cccbff
mac_a: f9a54e6aeaa8618d
mac_s: e94b4dc6c7297df3
res: 657acd64
ck: d71a1e5c6caffe986a26f783e5c78be1
ik: be849fa2564f869aecee6f62d4337e72
ak: 719f1e9b9054
ak_star: e7af6b3d0e38
autn: 608e0f8a8145fffff9a54e6aeaa8618d" \
    tuak --k abababababababababababababababab \
    --top 5555555555555555555555555555555555555555555555555555555555555555 \
    --rand 42424242424242424242424242424242 --sqn 111111111111 --amf ffff --res-len 4
ok "topc: b04a66f26c62fcd6c82de22a179ab65506ecf47f56245cd149966cfa9cec7a51
mac_a: 90d2289ed1ca1c3dbc2247bb480d431ac71d2e4a7677f6e997cfddb0cbad88b7
mac_s: 427355dbac30e825063aba61b556e87583abac638e3ab01c4c884ad9d458dc2f
res: d67e6e64590d22eecba7324afa4af4460c93f01b24506d6e12047d789a94c867
ck: ede57edfc57cdffe1aae75066a1b7479bbc3837438e88d37a801cccc9f972b89
ik: 48ed9299126e5057402fe01f9201cf25249f9c5c0ed2afcf084755daff1d3999
ak: 6aae8d18c448
ak_star: 8c5f33b61f4e" \
    tuak --k 1574ca56881d05c189c82880f789c9cd4244955f4426aa2b69c29f15770e5aa5 \
    --top e59f6eb10ea406813f4991b0b9e02f181edf4c7e17b480f66d34da35ee88c95e \
    --rand c570aac68cde651fb1e3088322498bef --sqn c89bb71f3a41 --amf 297d \
    --mac-len 32 --res-len 32 --ck-len 32 --ik-len 32 --iterations 2
status 2 tuak --k abababababababababababababababab --top 55 --rand 42424242424242424242424242424242 --sqn 111111111111 --amf ffff
status 2 tuak --k abababab --top 5555555555555555555555555555555555555555555555555555555555555555 --rand 42424242424242424242424242424242 --sqn 111111111111 --amf ffff
status 2 tuak --k abababababababababababababababab --top 5555555555555555555555555555555555555555555555555555555555555555 --rand 42424242424242424242424242424242 --sqn 111111111111 --amf ffff --res-len 5
status 2 tuak --k abababababababababababababababab --top 5555555555555555555555555555555555555555555555555555555555555555 --rand 42424242424242424242424242424242 --sqn 111111111111 --amf ffff --iterations 0
status 2 tuak --k abababababababababababababababab --top 5555555555555555555555555555555555555555555555555555555555555555 --rand 42424242424242424242424242424242 --sqn 111111111111 --amf ffff --mac-len x
status 2 tuak --k abababababababababababababababab --rand 42424242424242424242424242424242 --sqn 111111111111 --amf ffff

# xor: FACTS §5.4
ok "mac_a: 31231302716dd043
mac_s: 31231302716dd043
res: 31231302716d5043b9ab9b8af9e5d8cb
ck: 231302716d5043b9ab9b8af9e5d8cb31
ik: 1302716d5043b9ab9b8af9e5d8cb3123
ak: 02716d5043b9
ak_star: 02716d5043b9
autn: 02716d5043b9800031231302716dd043" \
    xor --k 00112233445566778899AABBCCDDEEFF --rand 31323131353836343132313135383634 --sqn 000000000000 --amf 8000
got=$($W "$U" xor --k 00112233445566778899AABBCCDDEEFF --rand 31323131353836343132313135383634 \
    --sqn 000000000000 --amf 8000 --res-len 8 | grep '^res:')
n=$((n + 1))
[ "$got" = "res: 31231302716d5043" ] || { fails=$((fails + 1)); echo "FAIL: xor --res-len 8: $got"; }
status 2 xor --k 00112233445566778899AABBCCDDEEFF --rand 31323131353836343132313135383634 --sqn 000000000000 --amf 8000 --res-len 17
status 2 xor --k 0011 --rand 31323131353836343132313135383634 --sqn 000000000000 --amf 8000

echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]

#!/bin/sh
# The shared library exports utsec_* functions and nothing else
# (-fvisibility=hidden; DESIGN.md API conventions), and the static archive
# defines no global symbol without the prefix either (a static link would
# otherwise clash with an application's own names).
lib=${1:?usage: check_symbols.sh libutsec.so}
archive="$(dirname "$lib")/libutsec.a"
if [ -f "$archive" ]; then
    bad=$(nm --defined-only "$archive" | awk '$2 ~ /^[TDRBVW]$/ {print $3}' | grep -v '^utsec_' || true)
    if [ -n "$bad" ]; then
        echo "global symbols in libutsec.a without the utsec_ prefix:"
        printf '%s\n' "$bad" | sort -u
        exit 1
    fi
fi
syms=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDRBVW]$/ {print $3}')
[ -n "$syms" ] || { echo "no exported symbols found in $lib"; exit 1; }
bad=$(printf '%s\n' "$syms" | grep -v '^utsec_' || true)
if [ -n "$bad" ]; then
    echo "symbols exported without the utsec_ prefix:"
    printf '%s\n' "$bad"
    exit 1
fi
n=$(printf '%s\n' "$syms" | wc -l)
echo "$n exported symbols, all utsec_*"
for s in utsec_strerror utsec_gba_kdf utsec_base64_decode; do
    printf '%s\n' "$syms" | grep -qx "$s" || { echo "missing export $s"; exit 1; }
done
# Internal helpers must stay hidden.
for s in utsec_hmac_start utsec_hash utsec_digest_hex_ct; do
    if printf '%s\n' "$syms" | grep -qx "$s"; then echo "internal $s is exported"; exit 1; fi
done

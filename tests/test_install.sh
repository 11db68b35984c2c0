#!/bin/sh
# `make install` into a temporary prefix, then build a small program with
# pkg-config against the shared library and (with --static) the static one.
set -eu
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
make -s install PREFIX="$tmp/prefix" >/dev/null
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
test -f "$tmp/prefix/include/utsec/utsec.h"
test -x "$tmp/prefix/bin/utsec"
test -L "$tmp/prefix/lib/libutsec.so"
cat > "$tmp/app.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <utsec/utsec.h>

int main(void)
{
    const uint8_t ks[32] = {1}, rnd[16] = {2};
    uint8_t naf_id[64], key[32];
    size_t n;
    char pw[UTSEC_GBA_PASSWORD_SIZE];

    if (utsec_gba_naf_id("naf.example.org", 15, UTSEC_GBA_UA_HTTP_DIGEST,
                         naf_id, sizeof(naf_id), &n) != 0 ||
        utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rnd, "impi", 4, naf_id, n,
                         key) != 0 ||
        utsec_gba_digest_password(key, pw, sizeof(pw), NULL) != 0)
        return 1;
    printf("%s %s\n", utsec_version(), pw);
    return strcmp(utsec_strerror(UTSEC_ERR_PARSE), "malformed input") != 0;
}
C
cc -std=c11 -Wall -Werror -o "$tmp/app_shared" "$tmp/app.c" $(pkg-config --cflags --libs libutsec)
LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/app_shared" > "$tmp/out_shared"
# The binary really uses the installed shared library.
LD_LIBRARY_PATH="$tmp/prefix/lib" ldd "$tmp/app_shared" | grep -q "$tmp/prefix/lib/libutsec.so.0"
cc -std=c11 -Wall -Werror -static -o "$tmp/app_static" "$tmp/app.c" $(pkg-config --static --cflags --libs libutsec)
"$tmp/app_static" > "$tmp/out_static"
if ldd "$tmp/app_static" 2>&1 | grep -q libutsec; then echo "static app links libutsec dynamically"; exit 1; fi
cmp "$tmp/out_shared" "$tmp/out_static"
"$tmp/prefix/bin/utsec" --version >/dev/null
echo "install + pkg-config (shared and static): OK: $(cat "$tmp/out_shared")"

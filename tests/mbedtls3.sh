#!/bin/sh
# Build and test libutsec against mbedTLS 3.x (Debian 12 ships only 2.28).
# The mbedTLS 3.x source comes from the next Debian release's source package,
# fetched with apt-get from the mirror this machine's apt is already
# configured with (a private apt state under build/, the system's apt
# configuration is not changed), and is built as static libraries.
# Usage: sh tests/mbedtls3.sh   (run from the repository root)
set -eu
top=$(pwd)
W="$top/build/mbedtls3"
mkdir -p "$W/apt/lists/partial" "$W/apt/cache/archives/partial" "$W/src"

uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$uri" ] || uri=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
if [ -z "$uri" ]; then
    echo "mbedTLS 3.x check SKIPPED: no Debian mirror in the apt configuration"
    exit 0
fi
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" \
    > "$W/apt/sources.list"
APT="-o Dir::Etc::SourceList=$W/apt/sources.list -o Dir::Etc::SourceParts=/dev/null \
 -o Dir::State=$W/apt -o Dir::State::Lists=$W/apt/lists -o Dir::Cache=$W/apt/cache \
 -o APT::Sandbox::User=root"
if ! ls "$W"/src/mbedtls_*.orig.tar.* >/dev/null 2>&1; then
    if ! (apt-get $APT update -qq && cd "$W/src" && apt-get $APT source --download-only -qq mbedtls); then
        echo "mbedTLS 3.x check SKIPPED: could not fetch the source package"
        exit 0
    fi
fi
tarball=$(ls "$W"/src/mbedtls_*.orig.tar.* | head -n 1)
rm -rf "$W/mbedtls"
mkdir -p "$W/mbedtls"
tar -xf "$tarball" -C "$W/mbedtls" --strip-components=1
version=$(sed -n 's/^#define MBEDTLS_VERSION_STRING *"\(.*\)"/\1/p' "$W/mbedtls/include/mbedtls/build_info.h")
echo "building mbedTLS $version ($(basename "$tarball"))"
make -s -C "$W/mbedtls/library" -j2 CFLAGS="-O2 -fPIC" >/dev/null
M="MBEDTLS_CFLAGS=-I$W/mbedtls/include MBEDTLS_LDFLAGS=-L$W/mbedtls/library"
rm -rf "$top/build/m3"
make -s -j2 BUILD=build/m3 $M all tests
echo "libutsec built against mbedTLS $version; running the suites"
make -s test BUILD=build/m3 $M

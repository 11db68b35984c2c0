#!/bin/sh
# What each role actually links: the lab programs (examples/README.md) are
# linked statically against an archive of the -Os objects of `make size`,
# and the objects the linker pulls from it are summed (text + rodata, as
# `size` counts them). A UE stack or a NAF/AP links only its side of the
# library, so this is the footprint an integrator sees; the whole-library
# figure above is the issue-8 target.
# Usage: linked_size.sh SIZE_DIR CC "CFLAGS" "LIBS"
set -eu
dir=$1 cc=$2 cflags=$3 libs=$4
ar rcs "$dir/libutsec-os.a" "$dir"/*.o
echo "== libutsec code linked by each lab program (-Os objects pulled by a static link)"
printf '%-16s %8s %8s\n' program objects bytes
for prog in ue bsf ap presence-server; do
    [ -d "examples/$prog" ] || continue
    # shellcheck disable=SC2086
    $cc -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Iexamples/common $cflags \
        -o "$dir/$prog" examples/$prog/*.c examples/common/*.c "$dir/libutsec-os.a" \
        $libs -Wl,-Map="$dir/$prog.map"
    objs=$(grep -o 'libutsec-os\.a([A-Za-z0-9_]*\.o)' "$dir/$prog.map" | sed 's/.*(\(.*\))/\1/' | sort -u)
    n=0 total=0
    for o in $objs; do
        s=$(size "$dir/$o" | awk 'NR == 2 {print $1}')
        n=$((n + 1))
        total=$((total + s))
    done
    printf '%-16s %8d %8d\n' "$prog" "$n" "$total"
done

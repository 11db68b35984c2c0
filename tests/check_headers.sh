#!/bin/sh
# Every public header compiles on its own, first in a translation unit, as
# C11 and as C++ (the extern "C" guards), with the project's warnings.
set -u
fail=0
for h in include/utsec/*.h; do
    n=$(basename "$h")
    for lang in c c++; do
        if [ "$lang" = c ]; then std=-std=c11; cc=${CC:-cc}; else std=-std=c++11; cc=${CXX:-c++}; fi
        if ! printf '#include <utsec/%s>\n#include <utsec/%s>\nint main(void) { return 0; }\n' "$n" "$n" |
            $cc $std -Wall -Wextra -Wpedantic -Werror -Iinclude -fsyntax-only -x $lang - 2>/tmp/hdr_err.$$; then
            echo "FAIL $n ($lang):"
            cat /tmp/hdr_err.$$
            fail=1
        fi
    done
done
rm -f /tmp/hdr_err.$$
[ $fail -eq 0 ] && echo "all public headers self-contained (C11 and C++)"
exit $fail

#!/usr/bin/env python3
"""Footprint report for `make size` (docs/hardening.md).

Input: the library's objects built with -Os -fstack-usage -fcallgraph-info=su
(GCC), which leaves X.su (frame of each function) and X.ci (call graph, VCG)
next to each X.o. Output:
  1. .text/.data/.bss of the library (GNU size, Berkeley format: .text
     includes read-only data), failing above --text-max;
  2. for every exported function (global, default visibility), the
     worst-case stack: its own frame plus the deepest chain of callees inside
     libutsec, failing above --stack-max, on recursion, on a dynamic frame
     or on an indirect call (which cannot be bounded statically).
Callees outside libutsec (mbedTLS, libc) are not in the sums; they are
listed so that their depth can be judged (see docs/hardening.md).
"""
import argparse
import os
import re
import subprocess
import sys

BUDGET = {"indirect": None}  # bytes charged for a call through a pointer
NODE = re.compile(r'node: \{ title: "([^"]+)" label: "([^"]*)"(.*)\}')
EDGE = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')


def parse_graph(objs):
    frames = {}      # title -> bytes (own frame), for functions defined here
    dynamic = set()  # titles with a dynamic or bounded-dynamic frame
    edges = {}       # title -> set of callee titles
    for o in objs:
        ci = os.path.splitext(o)[0] + ".ci"
        with open(ci, encoding="utf-8") as f:
            for line in f:
                m = NODE.match(line)
                if m:
                    title, label, rest = m.groups()
                    if "shape : ellipse" in rest:
                        continue  # declared only (external or other file)
                    fm = re.search(r"\\n(\d+) bytes \(([^)]*)\)", label)
                    if fm:
                        frames[title] = int(fm.group(1))
                        # "dynamic,bounded" (pushed call arguments) is
                        # included in the figure; plain "dynamic" is a
                        # VLA or alloca and has no bound.
                        if fm.group(2) == "dynamic":
                            dynamic.add(title)
                    continue
                m = EDGE.match(line)
                if m:
                    edges.setdefault(m.group(1), set()).add(m.group(2))
    return frames, dynamic, edges


def exported(objs):
    names = set()
    for o in objs:
        out = subprocess.run(["readelf", "-sW", o], check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            f = line.split()
            # Num: Value Size Type Bind Vis Ndx Name
            if len(f) >= 8 and f[3] == "FUNC" and f[4] == "GLOBAL" \
                    and f[5] == "DEFAULT" and f[6] != "UND":
                names.add(f[7])
    return names


def worst(fn, frames, edges, memo, stack, problems, externals):
    if fn in memo:
        return memo[fn]
    if fn in stack:
        problems.append("recursion through " + fn)
        return 0
    stack.append(fn)
    best, path = 0, []
    for callee in sorted(edges.get(fn, ())):
        if callee == "__indirect_call":
            # A callback (USIM, RNG, clock): its stack is the caller's
            # business. Without a documented budget the bound is unknown.
            if BUDGET["indirect"] is None:
                problems.append(fn + " makes an indirect call (set --indirect-budget)")
            elif BUDGET["indirect"] > best:
                best, path = BUDGET["indirect"], ["(callback)"]
            continue
        if callee not in frames:
            externals.add(callee)
            continue
        d, p = worst(callee, frames, edges, memo, stack, problems, externals)
        if d > best:
            best, path = d, p
    stack.pop()
    memo[fn] = (frames[fn] + best, [fn] + path)
    return memo[fn]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--text-max", type=int, required=True)
    ap.add_argument("--stack-max", type=int, required=True)
    ap.add_argument("--indirect-budget", type=int, default=None,
                    help="stack bytes allowed to a callback (indirect call)")
    ap.add_argument("objs", nargs="+")
    a = ap.parse_args()
    BUDGET["indirect"] = a.indirect_budget
    failed = False

    out = subprocess.run(["size", "-B", "-t"] + a.objs, check=True,
                         capture_output=True, text=True).stdout
    text, data, bss = (int(x) for x in out.splitlines()[-1].split()[:3])
    print("== size: libutsec, gcc -Os, without mbedTLS")
    print("%-8s %10s %10s" % ("section", "bytes", "limit"))
    print("%-8s %10d %10d" % (".text", text, a.text_max))
    print("%-8s %10d" % (".data", data))
    print("%-8s %10d" % (".bss", bss))
    if text > a.text_max:
        print("FAIL: .text %d > %d" % (text, a.text_max))
        failed = True

    frames, dynamic, edges = parse_graph(a.objs)
    api = sorted(exported(a.objs))
    memo, problems = {}, []
    rows = []
    for fn in api:
        ext = set()
        d, path = worst(fn, frames, edges, memo, [], problems, ext)
        # externals reachable along any path (not only the deepest)
        seen, todo = set(), [fn]
        while todo:
            f = todo.pop()
            if f in seen:
                continue
            seen.add(f)
            for c in edges.get(f, ()):
                if c in frames:
                    todo.append(c)
                elif c != "__indirect_call":
                    ext.add(c)
        mbed = sorted(e for e in ext if e.startswith("mbedtls_"))
        rows.append((fn, frames[fn], d, path, mbed))
        if d > a.stack_max:
            failed = True
    for t in sorted(dynamic):
        problems.append("dynamic stack frame in " + t)

    print()
    print("== worst-case stack of the public calls (own frames along the "
          "deepest call chain inside libutsec; limit %d)" % a.stack_max)
    print("%-26s %5s %6s %6s  %s" % ("function", "frame", "worst", "mbedtls",
                                      "deepest chain"))
    all_mbed = set()
    for fn, own, d, path, mbed in sorted(rows, key=lambda r: (-r[2], r[0])):
        chain = " > ".join(p.split(":")[-1] for p in path[1:]) or "-"
        flag = "  FAIL" if d > a.stack_max else ""
        all_mbed.update(mbed)
        print("%-26s %5d %6d %6d  %s%s" % (fn, own, d, len(mbed), chain, flag))
    top = max(rows, key=lambda r: r[2])
    print("max: %d bytes (%s), limit %d" % (top[2], top[0], a.stack_max))
    print("not included (mbedTLS callees, column 'mbedtls'): " +
          ", ".join(sorted(m.replace("mbedtls_", "") for m in all_mbed)))
    for p in sorted(set(problems)):
        print("FAIL: " + p)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

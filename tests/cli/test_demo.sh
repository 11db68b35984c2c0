#!/bin/sh
# The issue-7 end-to-end scenario (examples/demo/run_demo.sh) as a test:
# all four lab programs over loopback, every step must behave. Under
# VALGRIND=1 every program runs under memcheck and a leak or error fails.
BIN=$(dirname "$UTSEC")
DEMO_WRAP="$UTSEC_WRAP" exec sh examples/demo/run_demo.sh "$BIN"

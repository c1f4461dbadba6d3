#!/usr/bin/env python3
"""Times commands for Scripts/bench: each command runs --runs times, the commands taking turns
(scan, grep, wc, scan, grep, wc, ...) so a slow moment of the machine falls on all of them alike.

Prints one line per command: the fastest wall time in seconds and the largest peak memory (maximum
resident set size) in KiB of its runs. Times come from the clock around fork and wait4 and the
memory from wait4's rusage, so nothing but the command itself is timed (no /usr/bin/time, no
`date` processes). Output goes to --output, not /dev/null: GNU grep stops at its first match when
its output is /dev/null.

Usage: time-runs.py --runs N --output FILE -- CMD ARGS... -- CMD ARGS... ...
"""
import argparse
import os
import subprocess
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", required=True)
    parser.add_argument("commands", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    commands, current = [], []
    for word in options.commands:
        if word == "--":
            if current:
                commands.append(current)
            current = []
        else:
            current.append(word)
    if current:
        commands.append(current)
    if not commands or options.runs < 1:
        parser.error("give --runs of at least 1 and one or more commands, each after --")

    best = [float("inf")] * len(commands)
    peak = [0] * len(commands)
    with open(options.output, "wb") as output:
        for _ in range(options.runs):
            for index, command in enumerate(commands):
                output.seek(0)
                output.truncate()
                start = time.perf_counter()
                process = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL)
                _, _, usage = os.wait4(process.pid, 0)
                seconds = time.perf_counter() - start
                best[index] = min(best[index], seconds)
                peak[index] = max(peak[index], usage.ru_maxrss)  # KiB on Linux
    for seconds, kib in zip(best, peak):
        print(f"{seconds:.6f} {kib}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

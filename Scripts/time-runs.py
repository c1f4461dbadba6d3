#!/usr/bin/env python3
"""Times commands for Scripts/bench: each command runs --runs times, the commands taking turns
(scan, grep, wc, scan, grep, wc, ...) so a slow moment of the machine falls on all of them alike.
Rounds go on past --runs until they have taken --min-seconds in all (as hyperfine does): a command
of a few tens of milliseconds then runs often enough that a busy stretch of a shared machine, a
few seconds long, does not decide its figure.

Prints one line per command: the fastest wall time in seconds and the largest peak memory (maximum
resident set size, KiB) wait4 reported for its runs. Times come from the clock around the spawn and
wait4, so nothing but the command itself is timed (no /usr/bin/time, no `date` processes). The
memory is only a ceiling: a child's peak counts its parent's pages up to exec, so it is never below
this Python process's own (about 14 MiB); Scripts/bench takes the scan's peak from GNU time. Output goes to --output, not /dev/null: GNU grep stops at its first match when
its output is /dev/null.

Usage: time-runs.py --runs N [--min-seconds S] --output FILE -- CMD ARGS... -- CMD ARGS... ...
"""
import argparse
import os
import subprocess
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--min-seconds", type=float, default=0.0)
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
    started = time.perf_counter()
    rounds = 0
    with open(options.output, "wb") as output:
        while rounds < options.runs or time.perf_counter() - started < options.min_seconds:
            rounds += 1
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

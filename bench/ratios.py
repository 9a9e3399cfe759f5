#!/usr/bin/python3
"""Reads `ROUND NAME VALUE` lines and prints, for each `a/b`, the median of the per-round ratios a/b with
their min and max (rounds where both ran), plus the median absolute values."""
import statistics
import sys
from collections import defaultdict


def main():
    values = defaultdict(dict)
    for line in open(sys.argv[1]):
        parts = line.split()
        if len(parts) == 3:
            values[parts[1]][parts[0]] = float(parts[2])
    for name in sorted(values):
        print(f"{name:>18}: median {statistics.median(values[name].values()):8.1f} /s over {len(values[name])} run(s)")
    for pair in sys.argv[2:]:
        a, b = pair.split("/")
        if b == a.replace("-2w", ""):
            ratios = [x / statistics.median(values[b].values()) for x in values[a].values()]
        else:
            ratios = [values[a][r] / values[b][r] for r in values[a] if r in values[b]]
        if ratios:
            print(f"{pair:>28}: {statistics.median(ratios):5.2f}x  (min {min(ratios):.2f}, max {max(ratios):.2f}, n={len(ratios)})")


if __name__ == "__main__":
    main()

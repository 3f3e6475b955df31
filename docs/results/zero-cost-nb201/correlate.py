#!/usr/bin/env python3
"""Rank correlation of naslab's zero-cost proxies with NAS-Bench-201's trained accuracy.

Draws --cells random cells (seeded) from a NAS-Bench-201 table, scores them with
`naslab inspect nas-bench-201 --arch-file ... --proxy ...` (C16, N5, 3x32x32, 10 classes: the benchmark's
network, initialised as PyTorch's defaults), and prints Spearman's and Kendall's rank correlation of every
proxy with the table's CIFAR-10 200-epoch test accuracy. The table is read where it is and never copied;
the architectures file and naslab's output are written to --out.

    python3 correlate.py --table ../shared/nb201-table/nats_bench.csv --naslab dist/target/naslab/bin/naslab \
        --proxy synflow --proxy params --cells 1000 --out /tmp/zc
"""
import argparse
import csv
import os
import random
import subprocess
import sys
import time

from scipy import stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", required=True, help="a CSV with one row per cell, e.g. nats_bench.csv")
    ap.add_argument("--arch-column", default="ArchitectureString")
    ap.add_argument("--accuracy-column", default="CIFAR10TestAccuracy200Epochs")
    ap.add_argument("--naslab", help="the naslab launcher")
    ap.add_argument("--proxy", action="append", required=True)
    ap.add_argument("--cells", type=int, default=1000, help="how many cells; 0 for all")
    ap.add_argument("--seed", type=int, default=0, help="which cells are drawn")
    ap.add_argument("--out", help="a folder for the architectures file and naslab's lines")
    ap.add_argument("--extra", action="append", default=[], help="further arguments for naslab inspect")
    ap.add_argument("--scores", help="naslab's lines from an earlier run (its --out/scores.tsv) instead of running it "
                    "again: correlate the same scores with another table's column")
    a = ap.parse_args()

    with open(a.table, newline="") as f:
        rows = list(csv.DictReader(f))
    accuracy = {r[a.arch_column]: float(r[a.accuracy_column]) for r in rows}
    if a.scores:
        with open(a.scores) as f:
            lines = [line for line in f.read().splitlines() if line]
        report(a, lines, accuracy, f"the lines of {a.scores}")
        return
    if not a.naslab or not a.out:
        sys.exit("--naslab and --out are needed to score (or give --scores)")
    if a.cells == 0:
        a.cells = len(accuracy)
    cells = random.Random(a.seed).sample(sorted(accuracy), a.cells)
    os.makedirs(a.out, exist_ok=True)
    archs = os.path.join(a.out, "cells.txt")
    with open(archs, "w") as f:
        f.write("\n".join(cells) + "\n")

    cmd = [a.naslab, "inspect", "nas-bench-201", "--input", "3x32x32", "--classes", "10", "--arch-file", archs]
    for p in a.proxy:
        cmd += ["--proxy", p]
    cmd += a.extra
    start = time.time()
    lines = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    seconds = time.time() - start
    with open(os.path.join(a.out, "scores.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    if len(lines) != a.cells:
        sys.exit(f"naslab printed {len(lines)} lines for {a.cells} cells")
    report(a, lines, accuracy, f"{a.cells} cells (seed {a.seed}), scored in {seconds:.0f} s by: {' '.join(cmd)}")


def report(a, lines, accuracy, what):
    scores = {p: [] for p in a.proxy}
    acc = []
    for line in lines:
        fields = line.split("\t")
        acc.append(accuracy[fields[0]])
        for kv in fields[1:]:
            k, v = kv.split("=", 1)
            scores[k].append(float(v.replace("-inf", "-Infinity")))
    print(f"{what}; accuracy: {a.accuracy_column} of {a.table}")
    print("proxy\tspearman\tkendall")
    for p in a.proxy:
        rho = stats.spearmanr(scores[p], acc).statistic
        tau = stats.kendalltau(scores[p], acc).statistic
        print(f"{p}\t{rho:.3f}\t{tau:.3f}")


if __name__ == "__main__":
    main()

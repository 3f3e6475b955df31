#!/usr/bin/env python3
"""Summarise a naslab results.csv per variant (search x selector): mean and sample std of the
test and projected-validation accuracies, and the operations each selector chose.

Usage: python3 docs/results/summarize.py runs/nb201-darts-vs-pt/results.csv
Prints Markdown tables. Standard library only.
"""
import csv
import statistics
import sys
from collections import OrderedDict

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def ops_of(arch):
    return [tok.split("~")[0] for group in arch.split("+") for tok in group.strip("|").split("|")]


def mean_std(values):
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.mean(values):.2f} ± {statistics.stdev(values):.2f}"


def main(path):
    rows = [r for r in csv.DictReader(open(path)) if r["status"] == "ok"]
    variants = OrderedDict()
    for r in rows:
        variants.setdefault((r["optimizer"], r["selector"]), []).append(r)
    print("| search | selector | runs | test acc % (mean ± std) | projected valid % | supernet valid % "
          "| skip_connect per cell (mean) | none per cell (mean) |")
    print("|---|---|---|---|---|---|---|---|")
    for (opt, sel), rs in variants.items():
        test = [float(r["test_acc"]) for r in rs if r["test_acc"]]
        proj = [float(r["projected_valid_acc"]) for r in rs if r["projected_valid_acc"]]
        sup = [float(r["supernet_valid_acc"]) for r in rs if r["supernet_valid_acc"]]
        skips = [ops_of(r["architecture"]).count("skip_connect") for r in rs]
        nones = [ops_of(r["architecture"]).count("none") for r in rs]
        print(f"| {opt} | {sel} | {len(rs)} | {mean_std(test)} | {mean_std(proj)} | {mean_std(sup)} "
              f"| {statistics.mean(skips):.2f} | {statistics.mean(nones):.2f} |")
    print()
    print("| trial | selector | architecture | skip | none | projected valid % | test acc % |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        ops = ops_of(r["architecture"])
        arch = r['architecture'].replace('|', '\\|')
        print(f"| {r['trial']} | {r['selector']} | `{arch}` | {ops.count('skip_connect')} "
              f"| {ops.count('none')} | {r['projected_valid_acc']} | {r['test_acc']} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "runs/nb201-darts-vs-pt/results.csv")

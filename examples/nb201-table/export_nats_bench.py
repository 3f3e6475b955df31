#!/usr/bin/env python3
"""Write a NAS-Bench-201 table in naslab's format (docs/nb201-lookup.md) from the official benchmark file.

Run it once, where the benchmark's Python API is installed and its file is:

    pip install nats_bench                      # or nas-bench-201 for NAS-Bench-201-v1_1-096897.pth
    python3 export_nats_bench.py $TORCH_HOME/NATS-tss-v1_0-3ffb9-simple -o nb201.csv
    python3 export_nats_bench.py NAS-Bench-201-v1_1-096897.pth --nb201 -o nb201.csv
    naslab table check nb201.csv

Every accuracy is the benchmark's mean over its trained seeds (is_random=False), at 200 epochs unless the
column says 12ep. Untested against the official files by naslab's developers (they cannot be had on the
machine naslab is built on); `naslab table check` checks what this writes.
"""
import argparse
import math
import os
import sys

# column, dataset, key of get_more_info, training schedule (hp)
COLUMNS = [
    ("cifar10_test", "cifar10", "test-accuracy", "200"),            # train+valid -> ori-test
    ("cifar10_valid", "cifar10-valid", "valid-accuracy", "200"),    # train -> x-valid
    ("cifar10valid_test", "cifar10-valid", "test-accuracy", "200"), # train -> ori-test
    ("cifar100_valid", "cifar100", "valid-accuracy", "200"),        # x-valid
    ("cifar100_test", "cifar100", "test-accuracy", "200"),          # x-test
    ("imagenet16_valid", "ImageNet16-120", "valid-accuracy", "200"),
    ("imagenet16_test", "ImageNet16-120", "test-accuracy", "200"),
    ("cifar10_valid_12ep", "cifar10-valid", "valid-accuracy", "12"),
]


def number(info, key):
    v = info.get(key) if info else None
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else repr(float(v))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("benchmark", help="the NATS-Bench topology file or folder (or NAS-Bench-201's .pth with --nb201)")
    p.add_argument("-o", "--output", required=True, help="the table to write (must not exist)")
    p.add_argument("--nb201", action="store_true", help="read it with nas_201_api (NAS-Bench-201 v1.x)")
    a = p.parse_args()
    if os.path.exists(a.output):
        sys.exit(f"{a.output} exists; choose another name")
    if a.nb201:
        from nas_201_api import NASBench201API
        api = NASBench201API(a.benchmark, verbose=False)
    else:
        from nats_bench import create
        api = create(a.benchmark, "tss", fast_mode=True, verbose=False)
    rows = []
    for i in range(len(api)):
        values = []
        for _, dataset, key, hp in COLUMNS:
            try:
                info = api.get_more_info(i, dataset, hp=hp, is_random=False)
            except Exception:  # a schedule the file does not hold: leave the field empty
                info = None
            values.append(number(info, key))
        cost = api.get_cost_info(i, "cifar10")
        values += [number(cost, "params"), number(cost, "flops")]
        rows.append(api.arch(i) + "," + ",".join(values))
        if not a.nb201:
            api.clear_params(i)  # fast mode loads each architecture's file on demand
    tmp = a.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(f"# naslab NAS-Bench-201 table (format 1): exported from {os.path.basename(a.benchmark)}\n")
        f.write("arch," + ",".join(c[0] for c in COLUMNS) + ",params_m,flops_m\n")
        f.write("\n".join(rows) + "\n")
    os.replace(tmp, a.output)
    print(f"wrote {a.output}: {len(rows)} cells; check it with: naslab table check {a.output}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Draw the bundled Fashion-MNIST sample from Debian's dataset-fashion-mnist package.

Usage (from the repository root, after `apt-get install dataset-fashion-mnist`):
    python3 plugins/dataset-images/sample/make_sample.py \
        /usr/share/datasets/fashion-mnist \
        plugins/dataset-images/src/main/resources/dev/naslab/dataset/images/sample/fashion-mnist

Takes 3,000 training and 1,000 test images, chosen by random.Random(20261127).sample over each
split's indices and kept in ascending index order, and writes them as gzipped IDX files with the
standard names. Standard library only; the output is byte-for-byte reproducible (gzip mtime 0).
"""
import gzip
import random
import struct
import sys

TRAIN, TEST, SEED = 3000, 1000, 20261127


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return dims, data[4 + 4 * ndim:]


def write_idx(path, dims, payload, dtype=0x08):
    header = bytes([0, 0, dtype, len(dims)]) + struct.pack(">" + "I" * len(dims), *dims)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(header + payload)


def subset(src, dst, prefix, count, rng):
    (n, h, w), pixels = read_idx(f"{src}/{prefix}-images-idx3-ubyte.gz")
    (_,), labels = read_idx(f"{src}/{prefix}-labels-idx1-ubyte.gz")
    picks = sorted(rng.sample(range(n), count))
    size = h * w
    write_idx(f"{dst}/{prefix}-images-idx3-ubyte.gz", (count, h, w),
              b"".join(pixels[i * size:(i + 1) * size] for i in picks))
    write_idx(f"{dst}/{prefix}-labels-idx1-ubyte.gz", (count,), bytes(labels[i] for i in picks))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    rng = random.Random(SEED)
    subset(src, dst, "train", TRAIN, rng)
    subset(src, dst, "t10k", TEST, rng)


if __name__ == "__main__":
    main()

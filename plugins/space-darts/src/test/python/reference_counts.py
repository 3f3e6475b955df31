#!/usr/bin/env python3
"""Independent parameter counts for DartsSpaceTest, written from the reference layer definitions
(spaces-and-optimizers.md A.1-A.4; darts-pt sota/cnn/operations.py and model_search.py, op lists
of sota/cnn/spaces.py) in PyTorch, not from naslab's code.

Usage: python3 reference_counts.py   (Debian: apt-get install python3-torch)
Prints one line per case: ops, channels, layers, supernet weight count (10 classes, no alpha).
"""
import torch.nn as nn

DARTS = ["none", "max_pool_3x3", "avg_pool_3x3", "skip_connect",
         "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5"]
S1_NORMAL = [["skip_connect", "dil_conv_3x3"], ["skip_connect", "dil_conv_5x5"], ["skip_connect", "dil_conv_5x5"],
             ["skip_connect", "sep_conv_3x3"], ["skip_connect", "dil_conv_3x3"], ["max_pool_3x3", "skip_connect"],
             ["skip_connect", "sep_conv_3x3"], ["skip_connect", "sep_conv_3x3"], ["skip_connect", "dil_conv_3x3"],
             ["skip_connect", "sep_conv_3x3"], ["max_pool_3x3", "skip_connect"], ["skip_connect", "dil_conv_3x3"],
             ["dil_conv_3x3", "dil_conv_5x5"], ["dil_conv_3x3", "dil_conv_5x5"]]
S1_REDUCE = [["max_pool_3x3", "avg_pool_3x3"], ["max_pool_3x3", "dil_conv_3x3"], ["max_pool_3x3", "avg_pool_3x3"],
             ["max_pool_3x3", "avg_pool_3x3"], ["skip_connect", "dil_conv_5x5"], ["max_pool_3x3", "avg_pool_3x3"],
             ["max_pool_3x3", "sep_conv_3x3"], ["skip_connect", "dil_conv_3x3"], ["skip_connect", "dil_conv_5x5"],
             ["max_pool_3x3", "avg_pool_3x3"], ["max_pool_3x3", "avg_pool_3x3"], ["skip_connect", "dil_conv_5x5"],
             ["skip_connect", "dil_conv_5x5"], ["skip_connect", "dil_conv_5x5"]]
SPACES = {
    "darts": (14 * [DARTS], 14 * [DARTS]),
    "s5": (14 * [DARTS[1:]], 14 * [DARTS[1:]]),
    "s1": (S1_NORMAL, S1_REDUCE),
    "s2": (14 * [["skip_connect", "sep_conv_3x3"]], 14 * [["skip_connect", "sep_conv_3x3"]]),
    "s3": (14 * [["none", "skip_connect", "sep_conv_3x3"]], 14 * [["none", "skip_connect", "sep_conv_3x3"]]),
    "s4": (14 * [["noise", "sep_conv_3x3"]], 14 * [["noise", "sep_conv_3x3"]]),
}


def bn(c):
    return nn.BatchNorm2d(c, affine=False)


def dil(c, k, stride, pad, d):
    return nn.Sequential(nn.ReLU(), nn.Conv2d(c, c, k, stride, pad, dilation=d, groups=c, bias=False),
                         nn.Conv2d(c, c, 1, bias=False), bn(c))


def factorized(c_in, c_out):
    return nn.ModuleList([nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False),
                          nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False), bn(c_out)])


def op(name, c, stride):
    if name in ("none", "noise"):
        return nn.Identity()
    if name in ("max_pool_3x3", "avg_pool_3x3"):
        return nn.Sequential(nn.MaxPool2d(3, stride, 1), bn(c))  # only weights are counted here
    if name == "skip_connect":
        return nn.Identity() if stride == 1 else factorized(c, c)
    if name.startswith("sep_conv"):
        k = int(name[-1])
        return nn.Sequential(dil(c, k, stride, k // 2, 1), dil(c, k, 1, k // 2, 1))
    k = int(name[-1])
    return dil(c, k, stride, k - 1, 2)


def count(space, c, layers, in_ch=3, classes=10):
    normal, reduce = SPACES[space]
    mods = [nn.Conv2d(in_ch, 3 * c, 3, padding=1, bias=False), nn.BatchNorm2d(3 * c)]
    c_pp, c_p, cur, red_prev = 3 * c, 3 * c, c, False
    for k in range(layers):
        red = k in (layers // 3, 2 * layers // 3)
        if red:
            cur *= 2
        mods.append(factorized(c_pp, cur) if red_prev else nn.Conv2d(c_pp, cur, 1, bias=False))
        mods.append(nn.Conv2d(c_p, cur, 1, bias=False))
        e = 0
        for i in range(4):
            for j in range(2 + i):
                for name in (reduce if red else normal)[e]:
                    mods.append(op(name, cur, 2 if red and j < 2 else 1))
                e += 1
        red_prev = red
        c_pp, c_p = c_p, 4 * cur
    mods.append(nn.Linear(c_p, classes))
    return sum(p.numel() for m in mods for p in m.parameters())


if __name__ == "__main__":
    for space, c, layers in [("darts", 16, 8), ("s5", 16, 8), ("darts", 16, 5), ("darts", 8, 8),
                             ("s1", 16, 8), ("s2", 16, 8), ("s3", 16, 8), ("s4", 16, 8)]:
        print(space, c, layers, count(space, c, layers))

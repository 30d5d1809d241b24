#!/usr/bin/env python3
"""Near-linear drop-in for shared/tools/gen_corpus.py: same arguments
(--out/--docs/--seed/--nfd), byte-identical documents and truth.jsonl.

The original spends almost all its time in make_doc on

    local = [d for d in pool.get(prov, []) if d[0] != number and before(d[2])]

which scans the whole per-province pool for every document (quadratic).
`local` is used only as `if local and rng.random() < 0.5:
refs.append(rng.choice(local))`, so only its length and the element at one
index are needed. This script loads the original module, takes make_doc's
own source, replaces just that one line with a call returning a lazy sequence
(__len__/__getitem__) backed by an index, and runs the original main(). All
other code and data come from the original file, unchanged.

    python3 gen_corpus_fast.py --out /tmp/corpus-1m --docs 1000000 --seed 1

The original is found at ../../shared/tools/gen_corpus.py relative to this
script; override with --gen PATH or the GEN_CORPUS environment variable.
Plain Python 3, no packages.
"""
import argparse
import importlib.util
import inspect
import io
import os
import sys
import tokenize
from bisect import bisect_left, insort

ORIG_LINE = "local = [d for d in pool.get(prov, []) if d[0] != number and before(d[2])]"
NEW_LINE = "local = _fast_local(pool, prov, number, year, month, day)"

BLOCK = 256  # entries per insertion-ordered block


def _key(y, m, d):
    # Integer with the same order as the tuple (y, m, d) that before() compares.
    # Exact as long as month and day are in 0..99 (they are 1..12 / 1..28).
    if not (0 <= m < 100 and 0 <= d < 100):
        raise ValueError(f"date out of range for fast key: {d}/{m}/{y}")
    return y * 10000 + m * 100 + d


def _date_key(date):
    # Parsed exactly as before() parses a pool entry's date: "d/m/yyyy".
    d, m, y = (int(x) for x in date.split("/"))
    return _key(y, m, d)


class _ProvIndex:
    """Index over one province's pool list (insertion order = list order).

    keys[i]      date key of lst[i]
    allkeys      every date key, sorted (counts "dated before D" in one bisect)
    blocks[b]    sorted date keys of lst[b*BLOCK:(b+1)*BLOCK]
    by_number    number string -> [(index, key), ...] in insertion order
    """
    __slots__ = ("lst", "n", "keys", "allkeys", "blocks", "by_number")

    def __init__(self, lst):
        self.lst = lst
        self.n = 0
        self.keys = []
        self.allkeys = []
        self.blocks = []
        self.by_number = {}

    def catch_up(self):
        lst = self.lst
        keys, allkeys, blocks, by_number = self.keys, self.allkeys, self.blocks, self.by_number
        for i in range(self.n, len(lst)):
            entry = lst[i]
            k = _date_key(entry[2])
            keys.append(k)
            insort(allkeys, k)
            if i % BLOCK == 0:
                blocks.append([k])
            else:
                insort(blocks[-1], k)
            by_number.setdefault(entry[0], []).append((i, k))
        self.n = len(lst)


class _Local:
    """Lazy stand-in for
        [d for d in pool[prov] if d[0] != number and before(d[2])]
    supporting len(), truth value and non-negative indexing, with the same
    elements (the very same tuple objects) in the same order."""
    __slots__ = ("idx", "qkey", "excl", "total")

    def __init__(self, idx, qkey, number):
        self.idx, self.qkey = idx, qkey
        # Entries carrying the same number and dated before: excluded.
        self.excl = [i for i, k in idx.by_number.get(number, ()) if k < qkey]
        self.total = bisect_left(idx.allkeys, qkey) - len(self.excl)

    def __len__(self):
        return self.total

    def _count(self, b):
        # Qualifying entries in block b.
        c = bisect_left(self.idx.blocks[b], self.qkey)
        for i in self.excl:
            if i // BLOCK == b:
                c -= 1
        return c

    def __getitem__(self, k):
        if not 0 <= k < self.total:
            raise IndexError(k)
        nblocks = len(self.idx.blocks)
        if 2 * k < self.total:  # walk blocks from the front
            b = 0
            while True:
                c = self._count(b)
                if k < c:
                    break
                k -= c
                b += 1
        else:  # walk from the back, counting from the last element
            r = self.total - 1 - k
            b = nblocks - 1
            while True:
                c = self._count(b)
                if r < c:
                    break
                r -= c
                b -= 1
            k = c - 1 - r
        idx, qkey, excl = self.idx, self.qkey, self.excl
        lo = b * BLOCK
        # Positions in block b, in insertion order, that pass both tests.
        pos = [i for i, kk in enumerate(idx.keys[lo:lo + BLOCK], lo) if kk < qkey]
        if excl:
            pos = [i for i in pos if i not in excl]
        return idx.lst[pos[k]]


_indexes = {}  # prov -> _ProvIndex


def _fast_local(pool, prov, number, year, month, day):
    lst = pool.get(prov)
    if lst is None:
        return []
    idx = _indexes.get(prov)
    if idx is None or idx.lst is not lst:  # new pool (or new list): rebuild
        idx = _indexes[prov] = _ProvIndex(lst)
    idx.catch_up()
    return _Local(idx, _key(year, month, day), number)


def load_original(path):
    if not os.path.isfile(path):
        sys.exit(f"gen_corpus_fast: original generator not found: {path} (use --gen PATH or GEN_CORPUS)")
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    src = inspect.getsource(mod.make_doc)
    if src.count(ORIG_LINE) != 1:
        sys.exit(f"gen_corpus_fast: {path}: make_doc does not contain the expected line exactly once:\n    {ORIG_LINE}")
    names = [t.string for t in tokenize.generate_tokens(io.StringIO(src).readline) if t.type == tokenize.NAME]
    if src.count("if local and ") != 1 or src.count("rng.choice(local)") != 1 or names.count("local") != 3:
        sys.exit(f"gen_corpus_fast: {path}: make_doc uses `local` differently than expected")
    src = src.replace(ORIG_LINE, NEW_LINE)
    ns = mod.__dict__
    ns["_fast_local"] = _fast_local
    # Compile against the original file name; pad so line numbers match it.
    first = inspect.getsourcelines(mod.make_doc)[1]
    exec(compile("\n" * (first - 1) + src, path, "exec"), ns)
    return mod


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.environ.get("GEN_CORPUS") or os.path.join(here, "..", "..", "shared", "tools", "gen_corpus.py")
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--gen", default=default)
    a, rest = pre.parse_known_args()
    mod = load_original(os.path.normpath(a.gen))
    sys.argv = [sys.argv[0]] + rest
    mod.main()  # original main(); it looks up the patched make_doc in its globals


if __name__ == "__main__":
    main()

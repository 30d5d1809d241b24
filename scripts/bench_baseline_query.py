#!/usr/bin/python3
"""In-process query latency of the baseline index (python3-xapian), for scripts/bench.

    /usr/bin/python3 scripts/bench_baseline_query.py INDEX QUERIES.json [REPEAT]

Runs the kinds a plain TermGenerator index can answer the way vanban does: `topic` (all words,
accented) and `phrase`. QueryParser with AND as the default operator, no stemming; the top 10
with their document data, as a CLI would print them. Same JSON shape as vanban-bench.
"""
import json
import sys
import time
import unicodedata

import xapian

COMPARABLE = ("topic", "phrase")


def pct(s, p):
    if not s:
        return 0.0
    k = max(1, min(len(s), -(-len(s) * p // 100)))
    return s[int(k) - 1]


def main():
    index, qfile = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    kinds = json.load(open(qfile, encoding="utf-8"))["kinds"]
    t0 = time.perf_counter()
    db = xapian.Database(index)
    open_ms = (time.perf_counter() - t0) * 1000
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_AND)
    enquire = xapian.Enquire(db)

    def run(text):
        q = qp.parse_query(unicodedata.normalize("NFC", text), xapian.QueryParser.FLAG_DEFAULT)
        enquire.set_query(q)
        mset = enquire.get_mset(0, 10)
        for m in mset:
            m.document.get_data()
        return mset.get_matches_estimated()

    out = []
    for k in kinds:
        if k["kind"] not in COMPARABLE:
            continue
        texts = [q["text"] for q in k["queries"]]
        zero = total = 0
        for t in texts:  # warm-up
            n = run(t)
            zero += n == 0
            total += n
        samples = []
        for _ in range(repeat):
            for t in texts:
                s = time.perf_counter()
                run(t)
                samples.append((time.perf_counter() - s) * 1000)
        samples.sort()
        out.append({"kind": k["kind"], "queries": len(texts), "samples": len(samples),
                    "p50_ms": round(pct(samples, 50), 3), "p99_ms": round(pct(samples, 99), 3),
                    "mean_ms": round(sum(samples) / len(samples), 3), "max_ms": round(samples[-1], 3),
                    "zero_hits": zero, "mean_total": total // max(1, len(texts))})
    print(json.dumps({"indexes": [index], "documents": db.get_doccount(), "open_ms": round(open_ms, 3),
                      "repeat": repeat, "kinds": out}, sort_keys=True))


if __name__ == "__main__":
    main()

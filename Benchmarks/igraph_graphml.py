#!/usr/bin/env python3
"""igraph's GraphML figures beside kgraph-bench's `graphio`.

    python3 Benchmarks/igraph_graphml.py write FILE [NODES EDGES]
    python3 Benchmarks/igraph_graphml.py read FILE

`write` builds a graph of the same shape as kgraph-bench's synthetic graph
(the same node and edge attributes, as strings and numbers, one mention per
edge, an evidence sentence on every tenth) and writes it; `read` reads any
GraphML file, kgraph's included. Each prints seconds and the process's peak
memory (ru_maxrss), so run each in its own process.
"""
import json
import random
import resource
import sys
import time

import igraph as ig

KINDS = ["person", "country", "organization", "place", "group", "other"]
TYPES = ["supplies", "funds", "meets", "visits", "sanctions", "threatens", "attacks", "supports",
         "criticizes", "signs_agreement", "leads", "member_of", "located_in", "allied_with"]
WORDS = ["north", "south", "east", "west", "river", "union", "party", "bank", "port", "council"]


def peak():
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"


def make_graph(nodes, edges):
    rng = random.Random(42)
    g = ig.Graph(directed=True)
    g.add_vertices(nodes)
    names, kinds, aliases, counts, countries, notes, entity = [], [], [], [], [], [], []
    for i in range(nodes):
        word = rng.choice(WORDS)
        names.append(f"Entity {i} {word}")
        entity.append(f"e{i}")
        kinds.append(KINDS[i % len(KINDS)])
        aliases.append(json.dumps([f"{word} {i}"]) if i % 4 == 0 else "")
        counts.append(json.dumps({f"a{rng.randrange(50000)}": rng.randrange(5) + 1}))
        countries.append(f"C{rng.randrange(200)}")
        notes.append(f"synthetic {word} entity")
    g.vs["label"] = names
    g.vs["entity"] = entity
    g.vs["kind"] = kinds
    g.vs["aliases"] = aliases
    g.vs["mentions"] = [1] * nodes
    g.vs["articles"] = [1] * nodes
    g.vs["mentions_by_article"] = counts
    g.vs["country"] = countries
    g.vs["note"] = notes
    pairs, attrs = [], {k: [] for k in ["label", "relation", "weight", "articles", "first_date", "last_date",
                                        "hedged_share", "negated_share", "hedged", "negated", "mentions",
                                        "evidence", "channel"]}
    for i in range(edges):
        s, t, ty = rng.randrange(nodes), rng.randrange(nodes), rng.choice(TYPES)
        article, date, start = f"a{rng.randrange(50000)}", f"2024-{rng.randrange(12) + 1:02d}-{rng.randrange(28) + 1:02d}", rng.randrange(5000)
        hedged = rng.randrange(7) == 0
        pairs.append((s, t))
        attrs["label"].append(ty)
        attrs["relation"].append(ty)
        attrs["weight"].append(1)
        attrs["articles"].append(1)
        attrs["first_date"].append(date)
        attrs["last_date"].append(date)
        attrs["hedged_share"].append(1.0 if hedged else 0.0)
        attrs["negated_share"].append(0.0)
        attrs["hedged"].append(hedged)
        attrs["negated"].append(False)
        attrs["mentions"].append(json.dumps([[article, date, start + 5, start + 12, 1 if hedged else 0]]))
        attrs["evidence"].append(json.dumps([{"article": article, "date": date, "sentence": f"e{s} {ty} e{t}, officials said.",
                                              "sentenceStart": start, "sentenceEnd": start + 40, "trigger": ty,
                                              "triggerStart": start + 5, "triggerEnd": start + 12, "pattern": "synthetic",
                                              "hedged": hedged, "negated": False, "intended": False}]) if i % 10 == 9 else "")
        attrs["channel"].append(f"wire {rng.randrange(100)}")
    g.add_edges(pairs)
    for key, values in attrs.items():
        g.es[key] = values
    return g


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "write":
        nodes = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
        edges = int(sys.argv[4]) if len(sys.argv) > 4 else 500_000
        start = time.perf_counter()
        g = make_graph(nodes, edges)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        g.write_graphml(path)
        written = time.perf_counter() - start
        import os
        print(f"  igraph write: {written:.2f} s ({os.path.getsize(path) >> 20} MB file; generating the graph took {generated:.2f} s), peak RSS {peak()}")
    elif mode == "read":
        start = time.perf_counter()
        g = ig.Graph.Read_GraphML(path)
        read = time.perf_counter() - start
        print(f"  igraph read:  {read:.2f} s ({g.vcount()} nodes, {g.ecount()} edges), peak RSS {peak()}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

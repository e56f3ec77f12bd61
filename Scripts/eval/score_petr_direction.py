#!/usr/bin/env python3
"""(source, relation, target) agreement on PETRARCH's unit-test sentences.

The shared scorer (`score_rel.py petr`) counts real countries only, and the
unit-test sentences use fictional actors (Arnor, Gondor), so it finds no gold
triples there. This scorer maps actors through the lexicon made by
`petr_lexicon.py` (name/alias -> actor code, first three letters) and uses the
shared scorer's CAMEO mapping, so it checks direction on every sentence whose
actors kgraph can name.

usage: score_petr_direction.py SIDECAR.jsonl PRED.jsonl LEXICON.tsv [--show N]
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "eval"))
from score_rel import cameo_relation  # noqa: E402

sidecar, predicted, lexicon = sys.argv[1:4]
MAPPED = {"meets", "visits", "signs_agreement", "funds", "supplies", "sanctions", "threatens", "attacks", "criticizes"}
show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0

code_of = {}
for line in open(lexicon, encoding="utf-8"):
    if line.startswith("#"):
        continue
    kind, name, aliases, attrs = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
    code = dict(kv.split("=", 1) for kv in attrs.split(";") if "=" in kv).get("code", "")
    for n in [name] + [a for a in aliases.split("|") if a]:
        code_of.setdefault(n.lower(), code[:3])

gold = {}
for line in open(sidecar, encoding="utf-8"):
    r = json.loads(line)
    triples = set()
    for c in r["gold"].get("codings", []):
        rel, flip = cameo_relation(c["eventcode"])
        s, t = c["sourcecode"][:3].upper(), c["targetcode"][:3].upper()
        if rel is None or not s or not t or s == t:
            continue
        if flip:
            s, t = t, s
        if rel == "meets":
            s, t = sorted((s, t))
        triples.add((s, rel, t))
    if r["id"]:
        gold.setdefault(r["id"], set()).update(triples)

names = {}
pred = {}
for line in open(predicted, encoding="utf-8"):
    r = json.loads(line)
    if r["type"] == "entity":
        names[r["id"]] = [r["name"]] + r.get("aliases", [])
    elif r["type"] == "relation" and not r.get("negated"):
        pred.setdefault(r["article"], []).append(r)


def code(entity):
    for n in names.get(entity, []):
        if n.lower() in code_of and code_of[n.lower()]:
            return code_of[n.lower()]
    return None


tp = fp = fn = reversed_ = 0
per = {}
shown = 0
for aid, g in sorted(gold.items()):
    p = set()
    for r in pred.get(aid, []):
        s, t = code(r["source"]), code(r["target"])
        if not s or not t or s == t:
            continue
        rel = r["relation"]
        if rel not in MAPPED:
            continue  # the shared scorer leaves out types CAMEO does not code
        if rel == "meets":
            s, t = sorted((s, t))
        p.add((s, rel, t))
    hits = g & p
    tp += len(hits)
    fp += len(p - g)
    fn += len(g - p)
    reversed_ += sum(1 for (s, rel, t) in p - g if (t, rel, s) in g)
    for x in g:
        per.setdefault(x[1], [0, 0, 0])[0] += 1
    for x in p:
        per.setdefault(x[1], [0, 0, 0])[1] += 1
    for x in hits:
        per[x[1]][2] += 1
    if show and shown < show and (g - p or p - g):
        shown += 1
        print("  %s gold-only %s pred-only %s" % (aid, sorted(g - p), sorted(p - g)))

print("%-16s %5s %5s %5s %6s %6s" % ("relation", "gold", "pred", "tp", "P", "R"))
for rel, (ng, npred, ntp) in sorted(per.items()):
    print("%-16s %5d %5d %5d %6.3f %6.3f" % (rel, ng, npred, ntp, ntp / npred if npred else 0, ntp / ng if ng else 0))
P = tp / (tp + fp) if tp + fp else 0
R = tp / (tp + fn) if tp + fn else 0
F = 2 * P * R / (P + R) if P + R else 0
print("ALL              %5d %5d %5d %6.3f %6.3f  F1=%.3f; %d predictions are gold triples reversed" % (tp + fn, tp + fp, tp, P, R, F, reversed_))

#!/usr/bin/env python3
"""Turns PETRARCH's validation actor dictionary into a kgraph --lexicon file.

The PETRARCH unit-test sentences use mostly fictional actors (Arnor, Gondor);
with this lexicon kgraph knows them, so the test sentences check relation
direction. Reads ../shared at run time; the output is not committed.

usage: petr_lexicon.py PETR.Validate.actors.txt OUT.tsv
"""
import re
import sys

src, out = sys.argv[1], sys.argv[2]
entries = {}
current = None
for raw in open(src, encoding="utf-8", errors="replace"):
    line = raw.split("#")[0].rstrip()
    if not line.strip() or line.lstrip().startswith("<!--") or line.strip() in ("-->",):
        continue
    m = re.match(r"^\s*([+]?)([^\[\]]+?)\s*(\[[^\]]*\])?\s*$", line)
    if not m:
        continue
    plus, name, code = m.group(1), m.group(2).strip(), (m.group(3) or "").strip("[] ").split()
    name = name.replace("_", " ").strip()
    if not name or name.startswith("<"):
        continue
    title = " ".join(w.capitalize() if not re.match(r"^[A-Z]{2,4}$", w) or len(w) > 4 else w for w in name.split())
    if plus and current:
        current["aliases"].add(title)
        continue
    code = code[0] if code else ""
    code = code.split()[0].upper() if code else ""
    current = {"name": title, "code": code, "aliases": set()}
    if code:
        entries.setdefault(title, current)

with open(out, "w", encoding="utf-8") as f:
    f.write("# generated from PETRARCH's validation actors (MIT); for evaluation only\n")
    for name, e in sorted(entries.items()):
        code = re.sub(r"[^A-Z]", "", e["code"])
        if len(code) == 3 and len(name.split()) <= 3:
            f.write("country\t%s\t%s\tcode=%s\n" % (name, "|".join(sorted(e["aliases"])), code))
        elif len(code) > 3:
            kind = "person" if code[3:6] in ("GOV", "ELI") and len(name.split()) >= 2 and not any(
                w in name.lower() for w in ("ministry", "government", "troops", "forces", "army", "police", "officials")) else "organization"
            f.write("%s\t%s\t%s\tcode=%s\n" % (kind, name, "|".join(sorted(e["aliases"])), code))

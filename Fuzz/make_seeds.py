#!/usr/bin/env python3
"""Writes the small seed inputs in Fuzz/seeds/ that kgraph's own authors made.

Real files (the seed article, BBC articles, the GraphML fixtures) are added
by Scripts/fuzz.sh at run time from ../shared and the test fixtures; they are
never copied into the repository. Run again to regenerate; the output is
deterministic.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(folder, name, data):
    path = os.path.join(HERE, "seeds", folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# --- HTML pages (written for the fuzzer; the wording is invented) ---
write("html", "article.html", """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-02-07T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ministers meet in Geneva",
"datePublished":"2024-02-07","author":{"@type":"Person","name":"Jane Doe"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Ministers meet in Geneva</h1>
<p>Russia and North Korea signed an agreement on Tuesday, officials said.</p>
<p>The United Nations criticised the deal &amp; warned of sanctions&nbsp;&#8212; &#x201C;again&#x201D;.</p>
<p>Kim Jong Un visited Moscow in September, meeting Vladimir Putin.</p></article>
<footer>&copy; 2024 Example</footer></body></html>
""")
write("html", "broken.html", "<html><body><p>Unclosed <b>bold <i>italic<p>China <sanctions> Japan<table><tr><td>x</html>")
write("html", "latin1.html", b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>C\xf4te d'Ivoire meets Fran\xe7a.</p></body></html>")
write("html", "nested.html", "<div>" * 300 + "<p>Germany funds Ukraine.</p>" + "</div>" * 300)

# --- JSON Lines ---
lines = [
    {"id": "a1", "text": "Russia supplied North Korea with oil, officials said.", "title": "Oil", "date": "2024-02-07"},
    {"id": 2, "text": "The UN sanctioned Iran.\nIran denied it.", "url": "https://example.org/2", "author": None},
    {"id": "a3", "text": "Emojis \U0001F600 and accents: Côte d'Ivoire met Ghana.", "date": "7 February 2024"},
]
write("jsonl", "articles.jsonl", "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n")
write("jsonl", "escapes.jsonl", '{"id":"e","text":"Quote \\" backslash \\\\ tab \\t \\u00e9 \\ud83d\\ude00 lone \\ud800"}\n'
      '{"id":"e","text":"duplicate id"}\n{"text":"no id"}\nnot json\n[1,2]\n{"id":"n","text":null}\n')

# --- GraphML the fixtures do not cover ---
write("graphml", "kgraph-attributes.graphml", """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="n_entity" for="node" attr.name="entity" attr.type="string"/>
<key id="n_label" for="node" attr.name="label" attr.type="string"/>
<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
<key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>
<key id="n_mentions_by_article" for="node" attr.name="mentions_by_article" attr.type="string"/>
<key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
<key id="e_mentions" for="edge" attr.name="mentions" attr.type="string"/>
<key id="e_evidence" for="edge" attr.name="evidence" attr.type="string"/>
<key id="d0" for="all" attr.name="note" attr.type="string"><default>none</default></key>
<graph edgedefault="directed">
<node id="n0"><data key="n_entity">country:russia</data><data key="n_label">Russia</data>
<data key="n_kind">country</data><data key="n_aliases">["Russian Federation"]</data>
<data key="n_mentions_by_article">{"a":2,"b":9223372036854775807}</data></node>
<node id="n1"><data key="n_entity">country:north-korea</data><data key="n_label">North Korea &amp; "DPRK"</data>
<data key="n_kind">country</data></node>
<edge source="n0" target="n1"><data key="e_relation">supplies</data>
<data key="e_mentions">[["a","2024-02-07",0,10,1],["b",null,5,9,2]]</data>
<data key="e_evidence">[{"article":"a","sentence":"Russia supplies North Korea.","sentenceStart":0,"sentenceEnd":28,
"trigger":"supplies","triggerStart":7,"triggerEnd":15,"pattern":"supplies","hedged":true}]</data></edge>
</graph></graphml>
""")
write("graphml", "undirected-nested.graphml", """<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="type"/>
<graph edgedefault="undirected"><node id="a"><data key="k">person</data>
<graph id="inner"><node id="b"/><edge source="b" target="a"/></graph></node>
<node id="c"><port name="p"/></node><edge id="x" source="a" target="c"/><edge id="x2" source="a" target="c"/>
<hyperedge><endpoint node="a"/><endpoint node="c"/></hyperedge></graph></graphml>
""")


# --- DOT writer inputs, in FuzzGraph's encoding (see Fuzz/Sources/FuzzDOT/FuzzGraph.swift) ---
def field(operation, parameter, text):
    return bytes([(parameter << 3) | operation]) + (text.encode("utf-8") if isinstance(text, str) else text)


def graph(*fields):
    assert all(b"\x00" not in f for f in fields), "a NUL byte would split a field"
    return b"\x00".join(fields)


ENTITY, RAW, EDGE, ALIAS, HUGE, MENTION, ATTRIBUTE, NAME = range(8)
write("dot", "plain", graph(field(ENTITY, 1, "Russia"), field(ENTITY, 1, "North Korea"),
                            field(EDGE, 0, b"\x02\x01supplies"), field(MENTION, 0, "a"), field(MENTION, 0, "b")))
write("dot", "quotes", graph(field(RAW, 0, 'say "hi"'), field(RAW, 2, "back\\slash\\"), field(RAW, 3, 'end\\"'),
                             field(EDGE, 0, b"\x01\x02" + b'type "q" \\'), field(NAME, 0, 'g"raph\\')))
write("dot", "newlines", graph(field(RAW, 0, "line\nbreak"), field(RAW, 0, "line\\nbreak"), field(RAW, 0, "cr\r\nlf"),
                               field(RAW, 1, "tab\there\x01\x1f"), field(EDGE, 0, b"\x04\x01\n")))
write("dot", "unicode", graph(field(ENTITY, 4, "Côte d'Ivoire"), field(RAW, 2, "日本\u200b\ufeff\U0001F600"),
                              field(RAW, 5, b"bad \xff\xfe utf8"), field(RAW, 0, "\ufffe\uffff"),
                              field(EDGE, 0, b"\x04\x01\xe2\x80\x8f")))
write("dot", "huge", graph(field(ENTITY, 6, "Big"), field(HUGE, 31, 'x"\\'), field(RAW, 0, "legend:person"),
                           field(EDGE, 0, b"\x02\x01r"), field(MENTION, 1, "h"), field(MENTION, 3, "n")))
write("dot", "empty-names", graph(field(RAW, 0, ""), field(ENTITY, 6, ""), field(EDGE, 0, b"\x02\x02"),
                                  field(MENTION, 2, ""), field(NAME, 0, "")))

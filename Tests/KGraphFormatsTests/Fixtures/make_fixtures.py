#!/usr/bin/env python3
"""Writes the foreign GraphML fixtures that GraphMLReaderTests read.

Run once from this folder with networkx and python-igraph installed:

    python3 make_fixtures.py

The files are committed, so the tests need neither library. yed.graphml is
written by hand in yEd's shape (yEd itself is a desktop program).
"""
import networkx as nx
import igraph as ig

# networkx: a directed multigraph with parallel edges, typed attributes and a node default.
G = nx.MultiDiGraph()
G.graph["node_default"] = {"region": "unknown"}
G.add_node("russia", label="Russia", kind="country", population=144, capital="Moscow", region="Europe")
G.add_node("dprk", label="North Korea", kind="gpe", population=26)
G.add_node("putin", label="Vladimir Putin", kind="person")
G.add_node("kim", name="Kim Jong Un", type="per")
G.add_edge("russia", "dprk", key="a", relation="supplies", weight=3, note="oil")
G.add_edge("russia", "dprk", key="b", relation="supplies", weight=1, note="wheat")
G.add_edge("russia", "dprk", key="c", relation="funds", weight=2)
G.add_edge("putin", "kim", key="m", label="meets", weight=1)
G.add_edge("kim", "putin", key="n", weight=1)
nx.write_graphml(G, "networkx_multidigraph.graphml")

# networkx: an undirected simple graph with boolean and float attributes.
U = nx.Graph()
U.add_node("a", name="Alpha", active=True, score=0.5)
U.add_node("b", name="Beta", active=False, score=1.25)
U.add_node("c", name="Gamma")
U.add_edge("a", "b", type="allied_with", since=1990)
U.add_edge("b", "c")
nx.write_graphml(U, "networkx_undirected.graphml")

# igraph: a directed graph with vertex names, kinds and parallel typed edges.
g = ig.Graph(directed=True)
g.add_vertices(4)
g.vs["name"] = ["Russia", "North Korea", "Vladimir Putin", "Kim Jong Un"]
g.vs["kind"] = ["country", "country", "person", "person"]
g.vs["population"] = [144.0, 26.0, float("nan"), float("nan")]
g.add_edges([(0, 1), (0, 1), (2, 3), (1, 0)])
g.es["relation"] = ["supplies", "supplies", "meets", "funds"]
g.es["weight"] = [3.0, 1.0, 1.0, 2.0]
g.write_graphml("igraph_directed.graphml")

YED = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key attr.name="url" attr.type="string" for="node" id="d3"/>
  <key attr.name="description" attr.type="string" for="node" id="d4"/>
  <key for="node" id="d5" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d6" yfiles.type="resources"/>
  <key attr.name="description" attr.type="string" for="edge" id="d8"/>
  <key for="edge" id="d9" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0"/>
    <node id="n0">
      <data key="d4"><![CDATA[The capital]]></data>
      <data key="d5">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="80.0" x="0.0" y="0.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.0" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="48.0" x="16.0" xml:space="preserve" y="6.0">Moscow<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel><y:ModelParameter><y:SmartNodeLabelModelParameter labelRatioX="0.0" labelRatioY="0.0" nodeRatioX="0.0" nodeRatioY="0.0" offsetX="0.0" offsetY="0.0" upX="0.0" upY="-1.0"/></y:ModelParameter></y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1">
      <data key="d5">
        <y:ShapeNode>
          <y:NodeLabel>Pyongyang</y:NodeLabel>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n2"/>
    <edge id="e0" source="n0" target="n1">
      <data key="d9">
        <y:PolyLineEdge>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="none" target="standard"/>
          <y:EdgeLabel alignment="center" distance="2.0">supplies</y:EdgeLabel>
        </y:PolyLineEdge>
      </data>
    </edge>
    <edge id="e1" source="n1" target="n2"/>
  </graph>
  <data key="d6">
    <y:Resources/>
  </data>
</graphml>
"""
with open("yed.graphml", "w", encoding="utf-8") as f:
    f.write(YED)

/// The `<key>`s kgraph writes, and how free attribute names become `attr.name`s.
///
/// Key ids carry a `n_`/`e_` prefix so that none of them is one Gephi takes
/// over for a meaning of its own (`label`, `weight`, `d3`, `x`, `r`, ...),
/// and no attribute is named `id`, which makes igraph drop the node ids.
enum GraphMLSchema {
    /// One `<key>`.
    struct Key: Sendable {
        var id: String
        var name: String
        var type: String
    }

    static let namespace = "http://graphml.graphdrawing.org/xmlns"
    static let schemaLocation =
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

    static let nodeLabel = Key(id: "n_label", name: "label", type: "string")
    static let nodeEntity = Key(id: "n_entity", name: "entity", type: "string")
    static let nodeKind = Key(id: "n_kind", name: "kind", type: "string")
    static let nodeAliases = Key(id: "n_aliases", name: "aliases", type: "string")
    static let nodeMentions = Key(id: "n_mentions", name: "mentions", type: "int")
    static let nodeArticles = Key(id: "n_articles", name: "articles", type: "int")
    static let nodeMentionsByArticle = Key(id: "n_mentions_by_article", name: "mentions_by_article", type: "string")

    static let edgeLabel = Key(id: "e_label", name: "label", type: "string")
    static let edgeRelation = Key(id: "e_relation", name: "relation", type: "string")
    static let edgeWeight = Key(id: "e_weight", name: "weight", type: "int")
    static let edgeArticles = Key(id: "e_articles", name: "articles", type: "int")
    static let edgeFirstDate = Key(id: "e_first_date", name: "first_date", type: "string")
    static let edgeLastDate = Key(id: "e_last_date", name: "last_date", type: "string")
    static let edgeHedgedShare = Key(id: "e_hedged_share", name: "hedged_share", type: "double")
    static let edgeNegatedShare = Key(id: "e_negated_share", name: "negated_share", type: "double")
    static let edgeHedged = Key(id: "e_hedged", name: "hedged", type: "boolean")
    static let edgeNegated = Key(id: "e_negated", name: "negated", type: "boolean")
    static let edgeMentions = Key(id: "e_mentions", name: "mentions", type: "string")
    static let edgeEvidence = Key(id: "e_evidence", name: "evidence", type: "string")
    static let edgeTag = Key(id: "e_tag", name: "tag", type: "string")

    /// Node keys in file order.
    static let nodeKeys = [nodeLabel, nodeEntity, nodeKind, nodeAliases, nodeMentions, nodeArticles,
                           nodeMentionsByArticle]
    /// Edge keys in file order.
    static let edgeKeys = [edgeLabel, edgeRelation, edgeWeight, edgeArticles, edgeFirstDate, edgeLastDate,
                           edgeHedgedShare, edgeNegatedShare, edgeHedged, edgeNegated, edgeMentions,
                           edgeEvidence, edgeTag]

    /// Key id prefixes of free attributes (`n_attr_0`, `e_attr_3`).
    static let nodeAttributePrefix = "n_attr_"
    static let edgeAttributePrefix = "e_attr_"

    static let reservedNodeNames: Set<String> = Set(nodeKeys.map(\.name)).union(["id"])
    /// `source` and `target` too: Gephi's and Cytoscape's edge tables have columns of those names.
    static let reservedEdgeNames: Set<String> = Set(edgeKeys.map(\.name)).union(["id", "source", "target"])

    /// The prefix that marks an encoded free attribute name.
    static let escapedPrefix = "attr."

    /// The `attr.name` for a free attribute: its own name when that is a safe
    /// XML name token that clashes with nothing, else `attr.` and an escaped form.
    ///
    /// `attr.name` must be an `xs:NMTOKEN` to pass the GraphML schema, and must not
    /// repeat a fixed key's name. Escaping writes `_` as `__` and any other unsafe
    /// scalar as `_HEX_`, so `decodeAttributeName` inverts it exactly.
    static func encodeAttributeName(_ name: String, reserved: Set<String>) -> String {
        if !name.isEmpty, !reserved.contains(name), !name.hasPrefix(escapedPrefix),
            name.unicodeScalars.allSatisfy(isSafeNameScalar)
        {
            return name
        }
        var out = escapedPrefix
        for scalar in name.unicodeScalars {
            if scalar == "_" {
                out += "__"
            } else if isSafeNameScalar(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_" + String(scalar.value, radix: 16, uppercase: true) + "_"
            }
        }
        return out
    }

    /// Inverts `encodeAttributeName`.
    static func decodeAttributeName(_ encoded: String) -> String {
        guard encoded.hasPrefix(escapedPrefix) else { return encoded }
        var out = String.UnicodeScalarView()
        var scalars = encoded.unicodeScalars.dropFirst(escapedPrefix.unicodeScalars.count)[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "_" else {
                out.append(scalar)
                continue
            }
            if scalars.first == "_" {
                scalars.removeFirst()
                out.append("_")
                continue
            }
            var hex = ""
            while let digit = scalars.popFirst(), digit != "_" { hex.unicodeScalars.append(digit) }
            if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) { out.append(decoded) }
        }
        return String(out)
    }

    /// Scalars that are name characters in XML 1.0 (a conservative subset).
    private static func isSafeNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_", ":": return true
        case _ where scalar.value < 0xC0: return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
        }
    }
}

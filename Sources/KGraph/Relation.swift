/// What identifies an edge: one per (source, type, target).
///
/// `tag` tells apart parallel edges of the same type read from foreign files
/// (their GraphML edge id); kgraph's own edges leave it empty.
public struct RelationKey: Hashable, Comparable, Sendable {
    public var source: EntityID
    public var type: RelationType
    public var target: EntityID
    public var tag: String

    public init(source: EntityID, type: RelationType, target: EntityID, tag: String = "") {
        // Symmetric relations have one canonical direction so "A meets B" and
        // "B meets A" are the same edge.
        if type.isSymmetric && target < source {
            self.source = target
            self.target = source
        } else {
            self.source = source
            self.target = target
        }
        self.type = type
        self.tag = tag
    }

    public static func < (lhs: RelationKey, rhs: RelationKey) -> Bool {
        (lhs.source, lhs.type, lhs.target, lhs.tag) < (rhs.source, rhs.type, rhs.target, rhs.tag)
    }
}

/// An edge: a typed, directed relation with every mention that supports it.
public struct Relation: Hashable, Sendable {
    public var key: RelationKey
    /// Every statement of the relation (complete, even when `evidence` is capped).
    public var mentions: Set<RelationMention>
    /// The supporting sentences; files may keep only the first few (see `cappingEvidence`).
    public var evidence: Set<Evidence>
    /// Free attributes, such as the keys of foreign files.
    public var attributes: [String: String]

    public init(
        key: RelationKey, mentions: Set<RelationMention> = [], evidence: Set<Evidence> = [],
        attributes: [String: String] = [:]
    ) {
        self.key = key
        self.mentions = mentions.union(evidence.map(\.mention))
        self.evidence = evidence
        self.attributes = attributes
    }

    public var source: EntityID { key.source }
    public var target: EntityID { key.target }
    public var type: RelationType { key.type }

    /// How many times the relation is stated.
    public var weight: Int { mentions.count }
    /// How many distinct articles state it.
    public var articleCount: Int { Set(mentions.map(\.article)).count }
    public var firstDate: String? { mentions.compactMap(\.date).min() }
    public var lastDate: String? { mentions.compactMap(\.date).max() }
    /// The share of mentions that hedge the claim, 0...1.
    public var hedgedShare: Double { share(\.hedged) }
    /// The share of mentions that deny or doubt it, 0...1.
    public var negatedShare: Double { share(\.negated) }
    /// True when every mention denies the relation: it is not a fact of the graph.
    public var isNegated: Bool { !mentions.isEmpty && mentions.allSatisfy(\.negated) }
    /// True when every asserted mention is hedged.
    public var isHedged: Bool {
        let asserted = mentions.filter { !$0.negated }
        return !asserted.isEmpty && asserted.allSatisfy(\.hedged)
    }

    /// Evidence in a stable order: dated first, by date, then article and position.
    public var sortedEvidence: [Evidence] { evidence.sorted() }
    public var sortedMentions: [RelationMention] { mentions.sorted() }

    private func share(_ flag: KeyPath<RelationMention, Bool>) -> Double {
        mentions.isEmpty ? 0 : Double(mentions.filter { $0[keyPath: flag] }.count) / Double(mentions.count)
    }

    /// Folds another record of the same edge into this one; commutative, associative, idempotent.
    public mutating func merge(_ other: Relation) {
        precondition(other.key == key, "merging different relations")
        mentions.formUnion(other.mentions)
        evidence.formUnion(other.evidence)
        for (name, value) in other.attributes {
            if let mine = attributes[name], mine <= value { continue }
            attributes[name] = value
        }
    }

    /// The same relation with only the first `limit` evidence records (in `sortedEvidence` order).
    ///
    /// Because the kept records are the smallest under a total order, capping
    /// commutes with merging: the first N of a union are the first N of the
    /// union of each side's first N.
    public func cappingEvidence(_ limit: Int?) -> Relation {
        guard let limit, evidence.count > limit else { return self }
        var copy = self
        copy.evidence = Set(sortedEvidence.prefix(max(0, limit)))
        return copy
    }
}

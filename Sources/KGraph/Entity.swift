/// A node of the graph: a person, country, organisation, place or group.
///
/// Everything in an entity merges without loss and without depending on
/// order: aliases are a set, mention counts are kept per article (an article
/// always yields the same counts, so counting it twice changes nothing), and
/// attributes resolve conflicts by taking the smallest value.
public struct Entity: Hashable, Sendable {
    public var id: EntityID
    /// The canonical, display name.
    public var name: String
    public var kind: EntityKind
    /// Every other surface form seen for this entity.
    public var aliases: Set<String>
    /// Free attributes: lexicon data (`country`, `role`) and keys of foreign files.
    public var attributes: [String: String]
    /// How many times each article mentions the entity.
    public var mentionsByArticle: [String: Int]

    public init(
        id: EntityID? = nil, name: String, kind: EntityKind, aliases: Set<String> = [],
        attributes: [String: String] = [:], mentionsByArticle: [String: Int] = [:]
    ) {
        self.id = id ?? EntityID(name: name, kind: kind)
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.attributes = attributes
        self.mentionsByArticle = mentionsByArticle
    }

    /// Total mentions over all articles.
    public var mentions: Int { mentionsByArticle.values.reduce(0, +) }
    /// Number of distinct articles that mention the entity.
    public var articleCount: Int { mentionsByArticle.count }
    /// Aliases in a stable order, without the canonical name.
    public var sortedAliases: [String] { aliases.subtracting([name]).sorted() }

    /// Folds another record of the same entity into this one.
    ///
    /// Commutative, associative and idempotent, so that graphs merge to the
    /// same result in any order.
    public mutating func merge(_ other: Entity) {
        precondition(other.id == id, "merging different entities")
        if other.name != name {
            // Keep the smaller name canonical; the other becomes an alias.
            let (keep, alias) = other.name < name ? (other.name, name) : (name, other.name)
            name = keep
            aliases.insert(alias)
        }
        aliases.formUnion(other.aliases)
        aliases.remove(name)
        if other.kind < kind { kind = other.kind }
        for (key, value) in other.attributes {
            if let mine = attributes[key], mine <= value { continue }
            attributes[key] = value
        }
        for (article, count) in other.mentionsByArticle {
            mentionsByArticle[article] = max(mentionsByArticle[article] ?? 0, count)
        }
    }
}

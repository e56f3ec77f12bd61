/// What sort of thing an entity is.
///
/// The set is closed on purpose: exporters map each kind to a shape and a
/// colour, and the scorers map kinds to PER/ORG/LOC. Anything that fits none
/// of them is `other`.
public enum EntityKind: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case person
    case country
    case organization
    case place
    case group
    case other

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses a kind leniently (`"org"`, `"Organisation"`, `"GPE"`); unknown text is `other`.
    public init(lenient text: String) {
        switch text.lowercased() {
        case "person", "per", "people": self = .person
        case "country", "gpe", "state", "nation": self = .country
        case "organization", "organisation", "org": self = .organization
        case "place", "loc", "location", "city", "region": self = .place
        case "group", "norp": self = .group
        default: self = .other
        }
    }
}

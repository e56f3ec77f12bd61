/// The type of a directed relation, such as `supplies` or `meets`.
///
/// Relation types are data: the pattern files that users extend can name new
/// ones, so this is an open set of strings with the well-known ones as
/// constants rather than a closed enum.
public struct RelationType: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static func < (lhs: RelationType, rhs: RelationType) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let supplies: RelationType = "supplies"
    public static let funds: RelationType = "funds"
    public static let meets: RelationType = "meets"
    public static let visits: RelationType = "visits"
    public static let sanctions: RelationType = "sanctions"
    public static let threatens: RelationType = "threatens"
    public static let attacks: RelationType = "attacks"
    public static let supports: RelationType = "supports"
    public static let criticizes: RelationType = "criticizes"
    public static let signsAgreement: RelationType = "signs_agreement"
    public static let leads: RelationType = "leads"
    public static let memberOf: RelationType = "member_of"
    public static let locatedIn: RelationType = "located_in"
    public static let alliedWith: RelationType = "allied_with"
    /// Used for edges of foreign graphs that carry no type.
    public static let related: RelationType = "related"

    /// The types kgraph's own patterns produce, in documentation order.
    public static let builtIn: [RelationType] = [
        .supplies, .funds, .meets, .visits, .sanctions, .threatens, .attacks, .supports,
        .criticizes, .signsAgreement, .leads, .memberOf, .locatedIn, .alliedWith,
    ]

    /// Symmetric relations are stored once, from the smaller entity id to the larger.
    public var isSymmetric: Bool { self == .meets || self == .alliedWith }
}

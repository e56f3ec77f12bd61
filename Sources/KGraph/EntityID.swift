/// The stable identity of an entity: its kind and a slug of its canonical name.
///
/// The same canonical name and kind always give the same identifier, in any
/// build, on any day, which is what lets graphs built separately merge.
/// `EntityID(name: "North Korea", kind: .country)` is `country:north-korea`.
/// Identifiers read from foreign GraphML files keep their original text.
public struct EntityID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(name: String, kind: EntityKind) {
        self.rawValue = kind.rawValue + ":" + EntityID.slug(name)
    }

    public var description: String { rawValue }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Lower-cases letters and digits (any script) and joins runs of everything else with `-`.
    public static func slug(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "." {
                continue  // "Côte d'Ivoire" -> "côte-divoire", "U.N." -> "un"
            } else {
                pendingDash = true
            }
        }
        return String(out)
    }
}

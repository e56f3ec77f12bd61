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
        // Most names are ASCII: lower-case letters and digits, one dash between runs of the rest.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var pendingDash = false
            for byte in name.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingDash && !bytes.isEmpty { bytes.append(0x2D) }
                    pendingDash = false
                    bytes.append(lower)
                } else if byte == 0x27 || byte == 0x2E {
                    continue
                } else {
                    pendingDash = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
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

import KGraph

/// One named thing the lexicon knows: a country, organisation, place or person.
public struct LexiconEntry: Sendable, Hashable {
    /// A dated position a person holds ("head_of_state of Russia from 2012-05-07").
    public struct Role: Sendable, Hashable {
        /// The canonical name of the country or organisation.
        public var of: String
        /// `head_of_state`, `head_of_government`, `foreign_minister`, `leader`, `official`, …
        public var role: String
        /// Lower-case nominal phrases news uses for the role ("president", "prime minister").
        public var titles: [String]
        /// `yyyy-mm-dd`, `yyyy-mm` or `yyyy`; nil when open.
        public var from: String?
        public var until: String?

        /// Whether the role was held on `date` (`yyyy-mm-dd`). Undated articles match every role.
        public func isHeld(on date: String?) -> Bool {
            guard let date else { return true }
            if let from, date < from { return false }
            if let until, date > Role.endOfPeriod(until) { return false }
            return true
        }

        /// "2008" → "2008-12-31": a bare year or month closes at its end.
        static func endOfPeriod(_ value: String) -> String {
            switch value.count {
            case 4: value + "-12-31"
            case 7: value + "-31"
            default: value
            }
        }

        /// Roles that make the holder the head of what they hold it in.
        public var isLeadership: Bool {
            ["head_of_state", "head_of_government", "leader", "party_leader"].contains(role)
        }
    }

    public var name: String { didSet { id = EntityID(name: name, kind: kind) } }
    public var kind: EntityKind { didSet { id = EntityID(name: name, kind: kind) } }
    public var aliases: [String] = []
    /// Adjective and people forms of a country ("Russian", "Russians").
    public var demonyms: [String] = []
    /// ISO 3166 alpha-3 for countries.
    public var code: String?
    /// For countries: the capital's canonical name.
    public var capital: String?
    /// Names that stand for a country's government ("Kremlin", "White House").
    public var metonyms: [String] = []
    /// The country (or organisation) the entry belongs to.
    public var country: String?
    public var roles: [Role] = []
    /// Other attributes from user lexicons (`key=value`).
    public var attributes: [String: String] = [:]

    public init(name: String, kind: EntityKind) {
        self.name = name
        self.kind = kind
        self.id = EntityID(name: name, kind: kind)
    }

    /// The entity's identifier, from its name and kind (kept, not recomputed: slugs are not free).
    public private(set) var id: EntityID
}

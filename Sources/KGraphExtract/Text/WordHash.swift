/// 64-bit FNV-1a hashes of words and phrases, and a table keyed by them.
///
/// Recognition looks up every capitalised word, and relation extraction every
/// lower-case one; Swift's `String` hashing (SipHash over the string) was the
/// largest single cost of extraction. Tokens hash their bytes once when they
/// are made; a phrase's hash extends its prefix's hash with a space and the
/// next word, so growing a match allocates nothing. With 64-bit hashes over a
/// lexicon of about 10⁵ phrases, a false match has a probability near 10⁻¹⁴
/// per lookup; the table does not store the strings to rule it out.
enum WordHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func extend(_ hash: UInt64, byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    @inline(__always)
    static func extend(_ hash: UInt64, bytes: some Sequence<UInt8>) -> UInt64 {
        var result = hash
        for byte in bytes { result = (result ^ UInt64(byte)) &* prime }
        return result
    }

    /// The hash of one word.
    static func of(_ word: String) -> UInt64 { extend(offsetBasis, bytes: word.utf8) }

    /// The hash of a phrase: its words joined by single spaces.
    static func of(words: [String]) -> UInt64 {
        var hash = offsetBasis
        for (index, word) in words.enumerated() {
            if index > 0 { hash = extend(hash, byte: 0x20) }
            hash = extend(hash, bytes: word.utf8)
        }
        return hash
    }

    /// The hash of `prefix` followed by a space and a word whose own bytes are `word`.
    static func join(_ prefix: UInt64, _ word: String) -> UInt64 {
        extend(extend(prefix, byte: 0x20), bytes: word.utf8)
    }
}

/// An open-addressing table from word or phrase hashes to values.
struct WordHashTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
    }

    /// 0 marks an empty slot, so no key may be 0.
    @inline(__always) private static func normalized(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    subscript(hash: UInt64) -> Value? {
        get {
            let key = Self.normalized(hash)
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
        set {
            guard let newValue else { return }  // removal is never needed
            if (count + 1) * 2 > keys.count { grow() }
            let key = Self.normalized(hash)
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = key
            values[slot] = newValue
        }
    }

    private mutating func grow() {
        var bigger = WordHashTable(capacity: keys.count)
        for (slot, key) in keys.enumerated() where key != 0 {
            bigger[key] = values[slot]
        }
        self = bigger
    }
}

/// A set of words looked up by `WordHash`, for checks on every token.
///
/// Cheaper than `Set<String>` for the closed word lists of recognition and
/// relation patterns: a short FNV pass and one probe instead of SipHash and a
/// string comparison. (As with the phrase table, a 64-bit collision is treated
/// as impossible.)
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var table: WordHashTable<Bool>

    init(_ words: some Sequence<String>) {
        let list = Array(words)
        table = WordHashTable(capacity: list.count)
        for word in list { table[WordHash.of(word)] = true }
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    func contains(hash: UInt64) -> Bool { table[hash] != nil }
    func contains(_ word: String) -> Bool { table[WordHash.of(word)] != nil }
}

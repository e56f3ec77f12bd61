/// One statement of a relation in one article: the sentence that says it and how.
///
/// Offsets count Unicode code points (Python string indices) in the article's
/// text, end exclusive.
public struct Evidence: Hashable, Sendable, Comparable, Codable {
    public var article: String
    /// The article's date, `yyyy-mm-dd`, when known.
    public var date: String?
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// The words that triggered the relation ("provided", "met with", "sanctions").
    public var trigger: String
    public var triggerStart: Int
    public var triggerEnd: Int
    /// Which pattern fired, as `FILE:LINE` or a built-in pattern name.
    public var pattern: String
    /// The thing supplied, the amount funded, where stated ("ballistic missiles", "$9 million").
    public var object: String?
    /// The article hedges the claim ("allegedly", "may", "reportedly", "according to X").
    public var hedged: Bool
    /// The article denies or doubts it ("did not", "denied", "unclear whether").
    public var negated: Bool
    /// Intended or future ("might soon visit", "plans to").
    public var intended: Bool
    /// Who the claim is attributed to ("according to X").
    public var claimant: String?

    public init(
        article: String, date: String? = nil, sentence: String, sentenceStart: Int, sentenceEnd: Int,
        trigger: String, triggerStart: Int, triggerEnd: Int, pattern: String, object: String? = nil,
        hedged: Bool = false, negated: Bool = false, intended: Bool = false, claimant: String? = nil
    ) {
        self.article = article
        self.date = date
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.trigger = trigger
        self.triggerStart = triggerStart
        self.triggerEnd = triggerEnd
        self.pattern = pattern
        self.object = object
        self.hedged = hedged
        self.negated = negated
        self.intended = intended
        self.claimant = claimant
    }

    /// The mention this evidence stands for, which is all that counting and merging need.
    public var mention: RelationMention {
        RelationMention(
            article: article, date: date, start: triggerStart, end: triggerEnd,
            hedged: hedged, negated: negated)
    }

    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        if lhs.mention != rhs.mention { return lhs.mention < rhs.mention }
        return (lhs.sentence, lhs.trigger, lhs.pattern, lhs.object ?? "", lhs.claimant ?? "", lhs.intended ? 1 : 0)
            < (rhs.sentence, rhs.trigger, rhs.pattern, rhs.object ?? "", rhs.claimant ?? "", rhs.intended ? 1 : 0)
    }
}

/// The identity of one statement of a relation: which article, where, and its flags.
///
/// Edges keep every mention even when the evidence sentences written to a file
/// are capped, so that counts stay exact through any number of merges.
public struct RelationMention: Hashable, Sendable, Comparable, Codable {
    public var article: String
    public var date: String?
    public var start: Int
    public var end: Int
    public var hedged: Bool
    public var negated: Bool

    public init(article: String, date: String?, start: Int, end: Int, hedged: Bool, negated: Bool) {
        self.article = article
        self.date = date
        self.start = start
        self.end = end
        self.hedged = hedged
        self.negated = negated
    }

    /// Dated mentions first, by date; then by article and position.
    public static func < (lhs: RelationMention, rhs: RelationMention) -> Bool {
        (lhs.date ?? "9999", lhs.article, lhs.start, lhs.end, lhs.hedged ? 1 : 0, lhs.negated ? 1 : 0)
            < (rhs.date ?? "9999", rhs.article, rhs.start, rhs.end, rhs.hedged ? 1 : 0, rhs.negated ? 1 : 0)
    }
}

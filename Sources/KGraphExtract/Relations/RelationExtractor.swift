import KGraph

/// A relation found in one article, between two of its entities.
struct ExtractedRelation: Sendable {
    var source: Int
    var target: Int
    var type: RelationType
    var evidence: Evidence
}

/// Finds typed, directed relations in recognised sentences, without a parser.
///
/// Each trigger (a verb or noun from the pattern files) takes its source from
/// the clause's subject, a possessor or a modifier, and its target from the
/// prepositions its pattern names or the first entity after it; passive
/// voice, relative clauses and appositions are handled on the way. Cue words
/// around the trigger set the hedged, negated and intended flags.
struct RelationExtractor {
    let patterns: PatternSet
    let lexicon: Lexicon

    /// An argument: a mention, or a role phrase standing for its person
    /// ("his Russian counterpart, Vladimir Putin").
    struct Unit {
        var tokens: Range<Int>
        var entity: Int
        var form: MentionForm
    }

    /// Finds the relations of one article.
    ///
    /// - Returns: the relations, and the recognition with any entity the
    ///   relations needed added (the country behind a capital: "to Moscow").
    func extract(_ analyzed: AnalyzedText, recognition: Recognition, article: Article) -> ([ExtractedRelation], Recognition) {
        var run = Run(extractor: self, analyzed: analyzed, recognition: recognition, article: article)
        for sentence in analyzed.sentences.indices where !analyzed.sentences[sentence].isHeadline {
            run.extract(sentence: sentence)
        }
        run.addStatedRoles()
        return (run.relations, run.recognition)
    }
}

private struct Run {
    let extractor: RelationExtractor
    let analyzed: AnalyzedText
    var recognition: Recognition
    let article: Article
    var relations: [ExtractedRelation] = []
    let tokens: [Token]
    var lexicon: Lexicon { extractor.lexicon }

    /// Mention indices by sentence.
    let mentionsBySentence: [Int: [Int]]

    init(extractor: RelationExtractor, analyzed: AnalyzedText, recognition: Recognition, article: Article) {
        var bySentence: [Int: [Int]] = [:]
        for (index, mention) in recognition.mentions.enumerated() { bySentence[mention.sentence, default: []].append(index) }
        self.mentionsBySentence = bySentence
        self.extractor = extractor
        self.analyzed = analyzed
        self.tokens = analyzed.tokens
        self.recognition = recognition
        self.article = article
    }

    // MARK: Words

    static let prepositions: WordSet = [
        "in", "at", "on", "from", "of", "with", "to", "for", "by", "against", "into", "near", "during",
        "after", "before", "over", "about", "between", "among", "than", "since", "until", "across",
        "through", "toward", "towards", "under", "via", "within", "without", "around", "outside", "inside",
    ]
    static let determiners: WordSet = [
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "some",
        "other", "another", "its", "several", "more", "most", "new", "fresh", "further", "any",
    ]
    static let notBeforeVerbs: WordSet = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any", "such", "my", "your"]
    /// Things given that are not goods: "gave more details", "give legal protection to".
    static let abstractObjects: WordSet = [
        "details", "detail", "speech", "evidence", "support", "warning", "warnings", "answer", "answers", "interview",
        "briefing", "assurance", "assurances", "protection", "backing", "priority", "approval", "permission", "go-ahead",
        "boost", "time", "chance", "opportunity", "advice", "information", "undertaking", "guarantee", "guarantees",
        "pledge", "promise", "commitment", "notice", "evidence", "testimony", "account", "explanation", "update",
        "reassurance", "indication", "indications", "signal", "signals", "impression", "way", "lead", "thought", "attention",
        "credit", "blessing", "welcome", "thanks", "praise", "verdict", "view", "views", "statement", "figures", "vote", "votes",
        "message", "messages", "letter", "letters", "note", "reply", "speeches", "talk", "lecture", "signal", "address",
    ]
    static let clauseBreaks: WordSet = [";", ":", "\u{2014}", "\u{2013}", "(", ")"]
    static let relativePronouns: WordSet = ["which", "who", "that", "whom"]
    /// Words after a comma that open a new clause.
    static let clauseOpeners: WordSet = ["which", "who", "according", "as", "while", "but", "although", "though", "because", "and", "saying", "said"]
    static let complementizers: WordSet = ["whether", "if", "because", "while", "although", "though", "but", "when", "as", "since", "after", "before"]
    static let beForms: WordSet = ["is", "are", "was", "were", "be", "been", "being", "'s", "’s"]
    static let modalsHedging: WordSet = ["may", "might", "could"]
    static let hedgeWords: WordSet = [
        "allegedly", "reportedly", "apparently", "purportedly", "possibly", "probably", "likely", "presumably",
        "supposedly", "seemingly", "suspected", "alleged", "rumoured", "rumored", "unconfirmed",
    ]
    static let hedgeVerbs: WordSet = ["appears", "appear", "appeared", "seems", "seem", "seemed", "believed", "said", "thought", "suspected", "alleged", "rumoured", "reported"]
    static let claimVerbs: WordSet = ["claim", "claims", "claimed", "allege", "alleges", "alleged", "suggest", "suggests", "suggested", "believe", "believes", "believed", "suspect", "suspects", "suspected", "accuse", "accuses", "accused"]
    static let sayVerbs: WordSet = ["say", "says", "said", "told", "tell", "tells", "report", "reports", "reported", "announced", "announces", "stated", "states", "confirmed", "confirms"]
    static let negators: WordSet = ["not", "n't", "never", "no", "neither", "nor"]
    static let denialWords: WordSet = ["denied", "denies", "deny", "denying", "rejected", "refuted", "dismissed", "refused", "failed"]
    static let doubtPhrases: [[String]] = [
        ["unclear", "whether"], ["unclear", "if"], ["not", "clear", "whether"], ["not", "clear", "if"],
        ["no", "evidence"], ["doubt", "that"], ["doubts", "that"], ["doubtful", "that"], ["unknown", "whether"],
        ["uncertain", "whether"], ["questioned", "whether"], ["did", "not"], ["does", "not"], ["do", "not"],
    ]
    static let doubtStarts = WordSet(doubtPhrases.map { $0[0] })
    static let futureWords: WordSet = [
        "will", "'ll", "would", "shall", "plans", "plan", "planned", "planning", "intends", "intend", "intended",
        "hopes", "hope", "hoped", "expected", "expects", "expect", "going", "soon", "wants", "want", "wanted",
        "aims", "aim", "aimed", "prepares", "preparing", "set", "scheduled", "considering", "considers",
        "proposed", "proposes", "offered", "offers", "promised", "promises", "pledged", "pledges", "vowed", "vows",
    ]
    static let moneyWords: WordSet = [
        "dollars", "rupees", "pesos", "francs", "dinars", "riyals", "shekels", "lira", "galleons", "dirhams", "rand", "euros", "pounds", "yuan", "rubles", "roubles",
        "yen", "assets", "funds", "money", "cash", "loan", "loans", "aid", "credit", "payments", "bn", "m",
    ]
    static let currencySigns: WordSet = ["$", "€", "£", "¥", "₽", "₩"]

    // MARK: Units

    /// The arguments of a sentence, in order, with role phrases collapsed to their person.
    func units(in sentence: Int) -> [RelationExtractor.Unit] {
        let range = analyzed.sentences[sentence].tokens
        var result: [RelationExtractor.Unit] = []
        let roles = recognition.roles.filter { $0.sentence == sentence && $0.tokens.count > 1 }
        for index in mentionsBySentence[sentence] ?? [] {
            let mention = recognition.mentions[index]
            guard range.contains(mention.tokens.lowerBound) else { continue }
            if let role = roles.first(where: { $0.tokens.contains(mention.tokens.lowerBound) && $0.tokens.upperBound > mention.tokens.upperBound }),
               mention.entity != role.person
            {
                continue  // the holder inside "the North's foreign minister, Choe Son Hui"
            }
            if let role = roles.first(where: { $0.tokens.upperBound == mention.tokens.upperBound && $0.person == mention.entity }) {
                result.append(.init(tokens: role.tokens.lowerBound..<mention.tokens.upperBound, entity: mention.entity, form: mention.form))
            } else {
                result.append(.init(tokens: mention.tokens, entity: mention.entity, form: mention.form))
            }
        }
        // A role phrase that starts with a determiner starts there: "the North Korean leader, Kim".
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    // MARK: Sentences

    mutating func extract(sentence: Int) {
        let range = analyzed.sentences[sentence].tokens
        let units = units(in: sentence)
        guard !units.isEmpty else { return }
        var index = range.lowerBound
        while index < range.upperBound {
            guard tokens[index].kind == .word, let candidates = extractor.patterns.byFirstWordHash[tokens[index].lowerHash] else { index += 1; continue }
            var fired = false
            for (patternIndex, words) in candidates where index + words.count <= range.upperBound {
                guard (1..<words.count).allSatisfy({ tokens[index + $0].lower == words[$0] }) else { continue }
                let trigger = index..<index + words.count
                // A trigger inside a name ("Supply Ministry") is not a trigger.
                if units.contains(where: { $0.tokens.overlaps(trigger) }) { continue }
                let pattern = extractor.patterns.patterns[patternIndex]
                if !fitsWordClass(pattern, trigger) { continue }
                // "giving in to pressure", "gave up", "sent away": phrasal verbs of another meaning.
                if pattern.triggerClass == .verb, words.count == 1, trigger.upperBound < range.upperBound,
                   pattern.relation == .supplies || pattern.relation == .funds,
                   ["in", "up", "away", "way", "out", "off"].contains(tokens[trigger.upperBound].lower),
                   !(trigger.upperBound + 1 < range.upperBound && tokens[trigger.upperBound + 1].lower == "to"
                     && tokens[trigger.upperBound].lower == "up") {
                    continue  // but "shipped up to 2.5 million rounds" is a quantity
                }
                if let found = apply(pattern, trigger: trigger, sentence: sentence, units: units) {
                    relations.append(contentsOf: found)
                    fired = true
                    index = trigger.upperBound
                    break
                }
            }
            if !fired { index += 1 }
        }
        addLocations(sentence: sentence, units: units)
    }

    /// "the transfer" is a noun and "to transfer" a verb: the word before tells.
    func fitsWordClass(_ pattern: RelationPattern, _ trigger: Range<Int>) -> Bool {
        guard trigger.lowerBound > 0 else { return pattern.triggerClass == .noun }
        let previous = tokens[trigger.lowerBound - 1]
        let word = previous.lower
        switch pattern.triggerClass {
        case .verb:
            // "the transfer", "of aid worker": a determiner or preposition means a noun.
            return previous.kind != .possessive && !Self.notBeforeVerbs.contains(word)
                && !(Self.prepositions.contains(word) && word != "to" && !tokens[trigger.lowerBound].lower.hasSuffix("ing"))
        case .noun:
            return !["to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did", "does", "do", "not", "n't", "they", "we", "i", "you"].contains(word)
                && !(tokens[trigger.lowerBound].lower.hasSuffix("ing") && Self.prepositions.contains(word))
        }
    }

    /// Applies one pattern at a trigger; nil when it finds no source or no target.
    mutating func apply(_ pattern: RelationPattern, trigger: Range<Int>, sentence: Int, units: [RelationExtractor.Unit]) -> [ExtractedRelation]? {
        let range = analyzed.sentences[sentence].tokens
        var sources: [RelationExtractor.Unit] = []
        var targets: [RelationExtractor.Unit] = []
        var passive = false
        // "the North's transfer of weapons": a nominal with its own source is presupposed,
        // so the hedges of the clause around it do not apply to it.
        var presupposed = false

        // A trigger that ends in its own preposition ("connections with", "talks between")
        // has its target right after it.
        let lastWord = tokens[trigger.upperBound - 1].lower
        let argumentStart = trigger.count > 1 && (pattern.targetMarkers.contains(lastWord) || lastWord == "between")
            ? trigger.upperBound - 1 : trigger.upperBound
        if pattern.usesBetween, let between = betweenPair(after: argumentStart, in: range, units: units) {
            sources = [between.0]
            targets = [between.1]
        } else {
            switch pattern.triggerClass {
            case .verb:
                passive = isPassive(trigger)
                if passive {
                    targets = subject(before: trigger.lowerBound, in: range, units: units, sentence: sentence)
                    sources = agent(after: argumentStart, in: range, units: units)
                } else {
                    sources = subject(before: trigger.lowerBound, in: range, units: units, sentence: sentence)
                }
            case .noun:
                let pronounPossessor = trigger.lowerBound > range.lowerBound
                    && ["its", "their", "his", "her"].contains(tokens[trigger.lowerBound - 1].lower)
                if let holder = possessorOrModifier(before: trigger.lowerBound, in: range, units: units) {
                    sources = [holder]
                    presupposed = true
                } else if !pattern.needsSource || pronounPossessor {
                    // "Russia is extending its ban on imports": the clause's subject owns it.
                    sources = subject(before: trigger.lowerBound, in: range, units: units, sentence: sentence)
                } else if let light = lightVerb(before: trigger.lowerBound, in: range) {
                    // "The Russian army carried out airstrikes on …", "X launched an attack on Y":
                    // the light verb's subject is the source.
                    sources = subject(before: light, in: range, units: units, sentence: sentence)
                } else if let agent = agent(after: trigger.upperBound, in: range, units: units).first {
                    sources = [agent]  // "sanctions by the EU"
                }
            }
            if targets.isEmpty {
                targets = target(of: pattern, after: argumentStart, in: range, units: units)
            }
        }
        guard !sources.isEmpty else { return nil }
        // "Gondor and Osgiliath have postponed their meeting": a symmetric relation among the subjects.
        if targets.isEmpty, pattern.isSymmetric, sources.count >= 2 {
            targets = Array(sources.dropFirst())
            sources = [sources[0]]
        }
        // "Eriador received money from Osgiliath" turns round; the passive of a receiving verb
        // ("it had been received by their correspondent") says nothing about who gave.
        if pattern.isReversed {
            if passive { return nil }
            swap(&sources, &targets)
        }
        var implicitTarget = false
        if targets.isEmpty, let inherited = inheritedTarget(type: pattern.relation, sources: sources, sentence: sentence) {
            targets = [inherited]
            implicitTarget = true
        }
        guard !targets.isEmpty, !sources.isEmpty else { return nil }

        let object = pattern.capturesObject || pattern.needsMoney
            ? objectPhrase(
                after: argumentStart == trigger.upperBound ? trigger.upperBound : argumentStart + 1,
                before: implicitTarget ? range.upperBound : targets.map(\.tokens.lowerBound).min() ?? range.upperBound,
                in: range, units: units)
            : nil
        if pattern.needsMoney && !(object.map(isMoney) ?? false) { return nil }
        if pattern.relation == .supplies, let object,
           object.contains(where: { Self.abstractObjects.contains(hash: tokens[$0].lowerHash) }) {
            return nil
        }

        var flags = cues(for: trigger, sentence: sentence)
        if presupposed {
            let before = trigger.lowerBound >= 2 ? tokens[trigger.lowerBound - 1].lower : ""
            flags.hedged = Self.hedgeWords.contains(before)
            flags.intended = false
        }
        let sentenceInfo = analyzed.sentences[sentence]
        var results: [ExtractedRelation] = []
        for source in sources {
            for target in targets {
                let from = resolve(source, for: pattern.relation)
                let to = resolve(target, for: pattern.relation)
                guard from != to else { continue }
                // "Tory leader attacked the plans", "attacked Mr Blair": in politics an attack on
                // a person, or by one on a party, is words, not arms.
                var type = pattern.relation
                if type == .attacks, tokens[trigger.lowerBound].lower.hasPrefix("attack"),
                   recognition.entities[from].kind == .person || recognition.entities[to].kind == .person {
                    type = .criticizes
                }
                let evidence = Evidence(
                    article: article.id, date: article.date, sentence: analyzed.text(of: sentenceInfo.tokens),
                    sentenceStart: sentenceInfo.start, sentenceEnd: sentenceInfo.end,
                    trigger: analyzed.text(of: trigger),
                    triggerStart: Int(tokens[trigger.lowerBound].scalarStart),
                    triggerEnd: Int(tokens[trigger.upperBound - 1].scalarEnd),
                    pattern: pattern.origin + (passive ? " passive" : "") + (implicitTarget ? " target-from-context" : ""),
                    object: object.map { analyzed.text(of: $0) },
                    hedged: flags.hedged, negated: flags.negated, intended: flags.intended, claimant: flags.claimant)
                results.append(ExtractedRelation(source: from, target: to, type: type, evidence: evidence))
            }
        }
        return results.isEmpty ? nil : results
    }

    /// A capital standing for its country ("weapons to Moscow"), except for where things are.
    mutating func resolve(_ unit: RelationExtractor.Unit, for type: RelationType) -> Int {
        let entity = recognition.entities[unit.entity]
        guard type != .locatedIn, entity.kind == .place, let country = lexicon.capitalOf[entity.name] else { return unit.entity }
        let id = EntityID(name: country, kind: .country)
        if let existing = recognition.entities.firstIndex(where: { $0.id == id }) { return existing }
        guard let entry = lexicon.entries.firstIndex(where: { $0.id == id }) else { return unit.entity }
        recognition.entities.append(ArticleEntity(id: id, name: country, kind: .country, lexiconEntry: entry))
        return recognition.entities.count - 1
    }

    // MARK: Arguments

    func unit(startingAt index: Int, _ units: [RelationExtractor.Unit]) -> RelationExtractor.Unit? {
        units.first { $0.tokens.lowerBound == index }
    }

    func unit(endingAt index: Int, _ units: [RelationExtractor.Unit]) -> RelationExtractor.Unit? {
        units.last { $0.tokens.upperBound == index }
    }

    /// Words between a verb and its subject that do not stop the search.
    static let auxiliaries: WordSet = [
        "has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do", "not", "n't", "also",
        "to", "reportedly", "allegedly", "apparently", "already", "recently", "soon", "now", "then", "still",
        "further", "repeatedly", "again", "finally", "officially", "formally", "secretly", "reluctantly",
        "openly", "publicly", "quietly", "jointly", "never", "just", "even", "only", "yet", "once", "twice",
        "appears", "appear", "appeared", "seems", "seem", "seemed", "said", "believed", "thought", "expected",
        "likely", "unlikely", "set", "going", "plans", "planned", "plan", "intends", "wants", "hopes", "agreed",
        "decided", "tried", "continues", "continued", "began", "started", "threatened", "promised", "vowed",
        "pledged", "offered", "refused", "failed", "denied", "helped", "sought", "seeking", "ready", "able",
        "allowed", "allowing", "most", "largely", "directly", "indirectly", "up", "first", "in", "last", "year",
        "week", "month", "fall", "autumn", "spring", "summer", "winter", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "on", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "earlier", "later", "this", "the", "a",
        "signaled", "signalled", "indicated", "said", "says", "announced",
    ]

    /// The subject of a verb (or of the clause a noun trigger sits in), walking left.
    func subject(before start: Int, in range: Range<Int>, units: [RelationExtractor.Unit], sentence: Int) -> [RelationExtractor.Unit] {
        var cursor = start - 1
        var steps = 0
        while cursor >= range.lowerBound && steps < 14 {
            if let found = unit(endingAt: cursor + 1, units) {
                // A modifier, not the subject: "The US firm agreed to pay": the word after the
                // entity is a noun (not an auxiliary, adverb or verb form).
                let after = found.tokens.upperBound
                if after < start, tokens[after].isLowercaseWord, !Self.auxiliaries.contains(hash: tokens[after].lowerHash),
                   !Self.prepositions.contains(hash: tokens[after].lowerHash), !Self.determiners.contains(hash: tokens[after].lowerHash),
                   !Self.relativePronouns.contains(hash: tokens[after].lowerHash), !Self.complementizers.contains(hash: tokens[after].lowerHash),
                   !Self.clauseOpeners.contains(hash: tokens[after].lowerHash) {
                    let word = tokens[after].lower
                    if !(word.hasSuffix("ly") || word.hasSuffix("ed") || word.hasSuffix("s") || word.hasSuffix("ing")) {
                        cursor = found.tokens.lowerBound - 1
                        steps += 1
                        continue
                    }
                }
                // Not the object of a preposition: "in eastern Russia", "of North Korea".
                if found.tokens.lowerBound > range.lowerBound {
                    var before = found.tokens.lowerBound - 1
                    while before > range.lowerBound, Self.determiners.contains(hash: tokens[before].lowerHash)
                        || (tokens[before].isLowercaseWord && !Self.prepositions.contains(hash: tokens[before].hash) && !Self.auxiliaries.contains(hash: tokens[before].hash) && before > found.tokens.lowerBound - 3) {
                        before -= 1
                    }
                    let word = tokens[before].lower
                    let isConjunction = ["after", "before", "since", "until", "as", "while"].contains(word)
                    if Self.prepositions.contains(word) && word != "to" && steps > 0 && !isConjunction {
                        cursor = before - 1
                        steps += 1
                        continue
                    }
                }
                // A possessor is not the subject: "North Korea's wish list".
                if found.tokens.upperBound < tokens.count, tokens[found.tokens.upperBound].kind == .possessive, steps > 1 {
                    return []
                }
                return coordinated(with: found, leftward: true, in: range, units: units)
            }
            let word = tokens[cursor].lower
            if Self.relativePronouns.contains(word) {
                // "U.N. sanctions, which prohibit …": the antecedent is the subject.
                if let antecedent = antecedent(of: cursor, in: range, units: units) { return [antecedent] }
                if word == "that" { return [] }
            }
            if word == "he" || word == "she" {
                return pronounReferent(before: cursor, sentence: sentence).map { [$0] } ?? []
            }
            if Self.clauseBreaks.contains(hash: tokens[cursor].hash) || Self.complementizers.contains(word) && steps > 0 && word != "as" {
                return []
            }
            if word == "they" || word == "it" || word == "we" || word == "i" { return [] }
            // "She said the decision … to give": the subject of "said" is not this verb's.
            if steps > 0 && (Self.sayVerbs.contains(word) || word == "asked" || word == "why") { return [] }
            cursor -= 1
            steps += 1
        }
        return []
    }

    /// The entity a relative pronoun refers back to, preferring the anchor of
    /// an apposition: "South Ossetia, a … state in the Caucasus region that …".
    func antecedent(of pronoun: Int, in range: Range<Int>, units: [RelationExtractor.Unit]) -> RelationExtractor.Unit? {
        let window = max(range.lowerBound, pronoun - 16)..<pronoun
        for candidate in units.reversed() where window.contains(candidate.tokens.lowerBound) {
            let after = candidate.tokens.upperBound
            if after + 1 < pronoun, tokens[after].is(","), ["a", "an", "the"].contains(tokens[after + 1].lower) {
                return candidate
            }
        }
        var cursor = pronoun - 1
        if cursor >= range.lowerBound, tokens[cursor].is(",") { cursor -= 1 }
        // "U.N. sanctions, which": the noun right before the pronoun; its modifier names it.
        return units.last { $0.tokens.upperBound <= pronoun && $0.tokens.upperBound >= cursor - 1 }
    }

    /// The most recent person before `index`, in this sentence or the two before.
    func pronounReferent(before index: Int, sentence: Int) -> RelationExtractor.Unit? {
        let earliest = analyzed.sentences[max(0, sentence - 2)].tokens.lowerBound
        let candidate = recognition.mentions.last {
            $0.tokens.upperBound <= index && $0.tokens.lowerBound >= earliest && recognition.entities[$0.entity].kind == .person
        }
        return candidate.map { .init(tokens: $0.tokens, entity: $0.entity, form: .pronoun) }
    }

    /// "Russia and China": the units joined to `unit` by "and" or commas.
    func coordinated(with unit: RelationExtractor.Unit, leftward: Bool, in range: Range<Int>, units: [RelationExtractor.Unit]) -> [RelationExtractor.Unit] {
        var result = [unit]
        var current = unit
        while true {
            if leftward {
                let joiner = current.tokens.lowerBound - 1
                guard joiner > range.lowerBound, ["and", ","].contains(tokens[joiner].text),
                      let previous = self.unit(endingAt: joiner, units) else { break }
                result.insert(previous, at: 0)
                current = previous
            } else {
                let joiner = current.tokens.upperBound
                guard joiner + 1 < range.upperBound, ["and", ",", "or"].contains(tokens[joiner].text) else { break }
                var next = joiner + 1
                if tokens[next].text == "and" { next += 1 }
                while next < range.upperBound, Self.determiners.contains(hash: tokens[next].lowerHash) { next += 1 }
                guard let following = self.unit(startingAt: next, units) else { break }
                result.append(following)
                current = following
            }
        }
        return result
    }

    static let lightVerbs: WordSet = [
        "carried", "carry", "carries", "carrying", "launched", "launch", "launches", "launching", "conducted", "conduct",
        "conducts", "staged", "stage", "mounted", "mount", "waged", "wage", "wages", "waging", "halt", "halted", "stop",
        "stopped", "imposed", "impose", "imposes", "imposing", "announced", "announce", "announces", "held", "hold", "holds",
        "holding", "made", "make", "makes", "began", "begin", "begins", "continued", "continue", "continues", "escalated",
        "intensified", "stepped", "ordered", "order", "orders", "signed", "sign", "signs", "agreed", "reached", "struck",
        "extended", "extend", "extends", "extending", "tightened", "lifted", "eased", "renewed",
    ]

    /// A light verb a few words before a noun trigger: "carried out airstrikes", "launched its air strikes".
    func lightVerb(before start: Int, in range: Range<Int>) -> Int? {
        var cursor = start - 1
        var steps = 0
        while cursor >= range.lowerBound, steps < 4 {
            let word = tokens[cursor].lower
            if Self.lightVerbs.contains(word) { return cursor }
            guard tokens[cursor].isLowercaseWord else { return nil }
            if Self.prepositions.contains(word) { return nil }
            cursor -= 1
            steps += 1
        }
        return nil
    }

    /// "X's transfer", "the North's transfer", "U.N. sanctions", "Russian aid".
    func possessorOrModifier(before start: Int, in range: Range<Int>, units: [RelationExtractor.Unit]) -> RelationExtractor.Unit? {
        var cursor = start - 1
        var adjectives = 0
        while cursor >= range.lowerBound, tokens[cursor].isLowercaseWord, adjectives < 3,
              !Self.determiners.contains(hash: tokens[cursor].hash), !Self.prepositions.contains(hash: tokens[cursor].hash) {
            cursor -= 1
            adjectives += 1
        }
        guard cursor >= range.lowerBound else { return nil }
        let found = tokens[cursor].kind == .possessive ? unit(endingAt: cursor, units) : unit(endingAt: cursor + 1, units)
        return found
    }

    /// The `by` agent of a passive verb or of a noun: "sanctioned by the EU".
    func agent(after end: Int, in range: Range<Int>, units: [RelationExtractor.Unit]) -> [RelationExtractor.Unit] {
        var cursor = end
        while cursor < min(range.upperBound, end + 8) {
            if tokens[cursor].text == "by" {
                var next = cursor + 1
                while next < range.upperBound, Self.determiners.contains(hash: tokens[next].lowerHash) || tokens[next].isLowercaseWord && next < cursor + 4 {
                    if let found = unit(startingAt: next, units) { return coordinated(with: found, leftward: false, in: range, units: units) }
                    next += 1
                }
                if let found = unit(startingAt: next, units) { return coordinated(with: found, leftward: false, in: range, units: units) }
                return []
            }
            if Self.clauseBreaks.contains(hash: tokens[cursor].hash) { break }
            cursor += 1
        }
        return []
    }

    /// The target after a trigger: after one of the pattern's prepositions, or the first entity.
    func target(of pattern: RelationPattern, after end: Int, in range: Range<Int>, units: [RelationExtractor.Unit]) -> [RelationExtractor.Unit] {
        let limit = clauseEnd(from: end, in: range)
        for marker in pattern.targetMarkers {
            if marker == "object" {
                // The first entity with no preposition before it: "supplies Russia", "given North Korea the …".
                // Only determiners and up to two modifiers may come between: "condemned the talks and …
                // Russian banks" has no entity object.
                var cursor = end
                var modifiers = 0
                while cursor < limit {
                    if let found = unit(startingAt: cursor, units) {
                        return coordinated(with: found, leftward: false, in: range, units: units)
                    }
                    let word = tokens[cursor].lower
                    if Self.prepositions.contains(word) || tokens[cursor].kind == .punctuation || ["and", "or", "but"].contains(word) { break }
                    if !Self.determiners.contains(word) {
                        modifiers += 1
                        if modifiers > 2 { break }
                    }
                    cursor += 1
                }
                continue
            }
            var cursor = end
            while cursor < limit {
                if tokens[cursor].lower == marker {
                    var next = cursor + 1
                    var skipped = 0
                    while next < limit, skipped < 4, unit(startingAt: next, units) == nil,
                          Self.determiners.contains(hash: tokens[next].lowerHash) || tokens[next].isLowercaseWord
                            && !Self.prepositions.contains(hash: tokens[next].hash) {
                        next += 1
                        skipped += 1
                    }
                    if let found = unit(startingAt: next, units) {
                        return coordinated(with: found, leftward: false, in: range, units: units)
                    }
                }
                cursor += 1
            }
        }
        if pattern.targetFallsBackToNext {
            // "U.N. sanctions, which prohibit … business with North Korea".
            if let next = units.first(where: { $0.tokens.lowerBound >= end && recognition.entities[$0.entity].kind == .country }) {
                return [next]
            }
        }
        return []
    }

    /// Where the clause that starts at `start` ends.
    func clauseEnd(from start: Int, in range: Range<Int>) -> Int {
        var cursor = start
        while cursor < range.upperBound {
            let token = tokens[cursor]
            if Self.clauseBreaks.contains(token.text) { return cursor }
            if token.is(","), cursor + 1 < range.upperBound {
                let next = tokens[cursor + 1].lower
                if Self.clauseOpeners.contains(next) {
                    return cursor
                }
            }
            if token.text == "that" || token.text == "whether" { return cursor }
            cursor += 1
        }
        return range.upperBound
    }

    /// "talks between Russia and North Korea".
    func betweenPair(after end: Int, in range: Range<Int>, units: [RelationExtractor.Unit]) -> (RelationExtractor.Unit, RelationExtractor.Unit)? {
        guard end < range.upperBound, tokens[end].text == "between" || tokens[end].text == "among" else { return nil }
        var cursor = end + 1
        while cursor < range.upperBound, Self.determiners.contains(hash: tokens[cursor].lowerHash) { cursor += 1 }
        guard let first = unit(startingAt: cursor, units) else { return nil }
        let joiner = first.tokens.upperBound
        guard joiner + 1 < range.upperBound, tokens[joiner].text == "and" else { return nil }
        var next = joiner + 1
        while next < range.upperBound, Self.determiners.contains(hash: tokens[next].lowerHash) { next += 1 }
        guard let second = unit(startingAt: next, units) else { return nil }
        return (first, second)
    }

    /// The thing supplied or the amount funded: the words between the trigger and the target,
    /// or a money amount anywhere in the clause.
    func objectPhrase(after end: Int, before targetStart: Int, in range: Range<Int>, units: [RelationExtractor.Unit]) -> Range<Int>? {
        let limit = clauseEnd(from: end, in: range)
        // A money amount first: "$9 million", "30 million dollars".
        var cursor = end
        while cursor < limit {
            if Self.currencySigns.contains(hash: tokens[cursor].hash) || tokens[cursor].kind == .number {
                var stop = cursor + 1
                while stop < limit, tokens[stop].kind == .number || ["million", "billion", "trillion", "thousand", "bn", "m", "dollars", "euros", "pounds", "yuan", "rubles", "roubles", "won", "yen", "rupees", "pesos", "francs", "dinars", "riyals", "shekels", "lira", "galleons"].contains(tokens[stop].lower) {
                    stop += 1
                }
                if stop - cursor >= 2 || Self.currencySigns.contains(hash: tokens[cursor].hash) && stop > cursor + 1 {
                    let phrase = cursor..<stop
                    if isMoney(phrase) { return phrase }
                }
            }
            cursor += 1
        }
        // Otherwise the noun phrase between trigger and target, or after the target.
        var start = end
        if start < limit, tokens[start].text == "of" { start += 1 }
        var stop = min(targetStart, limit)
        if stop <= start {
            // Ditransitive: "given North Korea the military technology".
            if let target = units.first(where: { $0.tokens.lowerBound == targetStart }) {
                start = target.tokens.upperBound
                stop = limit
            }
        }
        while start < stop, ["the", "a", "an", "some", "of", "its", "their", "his", "her"].contains(tokens[start].lower) { start += 1 }
        // End at the first preposition or punctuation: "weapons to Moscow for use against Ukraine" → "weapons".
        var phraseEnd = start
        // Quantities: "up to 2.5 million rounds", "more than 100 tanks".
        if phraseEnd + 1 < stop, ["up", "more", "less", "fewer"].contains(tokens[phraseEnd].lower),
           ["to", "than"].contains(tokens[phraseEnd + 1].text) {
            phraseEnd += 2
        }
        while phraseEnd < stop, tokens[phraseEnd].kind != .punctuation || tokens[phraseEnd].text == "$",
              !(["to", "for", "in", "from", "with", "at", "by", "on", "against", "into", "that", "which", "while", "and", "it", "they", "he", "she", "who", "as", "since", "after", "before", "because", "if", "but"].contains(tokens[phraseEnd].text) && phraseEnd > start),
              units.allSatisfy({ !$0.tokens.contains(phraseEnd) }) || phraseEnd > start && false
        {
            phraseEnd += 1
        }
        // "up to 2.5 million rounds of ammunition" keeps its "of".
        if phraseEnd < stop, tokens[phraseEnd].text == "of", phraseEnd + 1 < stop, tokens[phraseEnd + 1].isLowercaseWord {
            phraseEnd += 2
            while phraseEnd < stop, tokens[phraseEnd].isLowercaseWord, !Self.prepositions.contains(hash: tokens[phraseEnd].hash) { phraseEnd += 1 }
        }
        guard phraseEnd > start, phraseEnd - start <= 8 else { return nil }
        return start..<phraseEnd
    }

    func isMoney(_ range: Range<Int>) -> Bool {
        range.contains { Self.currencySigns.contains(hash: tokens[$0].hash) || Self.moneyWords.contains(hash: tokens[$0].lowerHash) }
    }

    func isPassive(_ trigger: Range<Int>) -> Bool {
        let verb = tokens[trigger.lowerBound].lower
        guard verb.hasSuffix("ed") || verb.hasSuffix("en") || ["sent", "sold", "lent", "paid", "met", "held", "struck", "shot", "hit", "given", "frozen"].contains(verb) else { return false }
        var cursor = trigger.lowerBound - 1
        var steps = 0
        while cursor >= 0, steps < 3 {
            let word = tokens[cursor].lower
            if Self.beForms.contains(word) && word != "'s" && word != "’s" { return true }
            if ["reportedly", "allegedly", "also", "not", "n't", "being", "already", "recently", "repeatedly", "newly", "heavily"].contains(word) {
                cursor -= 1
                steps += 1
                continue
            }
            return false
        }
        return false
    }

    /// A relation with no stated target takes the target of the same relation from
    /// the same source in the two sentences before ("North Korea had provided missiles to
    /// Russia. North Korea also appears to have shipped … ammunition").
    mutating func inheritedTarget(type: RelationType, sources: [RelationExtractor.Unit], sentence: Int) -> RelationExtractor.Unit? {
        guard type == .supplies || type == .funds else { return nil }
        let earliest = analyzed.sentences[max(0, sentence - 2)].start
        let sourceEntities = Set(sources.map { resolve($0, for: type) })
        guard let previous = relations.last(where: {
            $0.type == type && sourceEntities.contains($0.source) && $0.evidence.sentenceStart >= earliest
                && $0.evidence.sentenceStart < analyzed.sentences[sentence].start && !$0.evidence.negated
        }) else { return nil }
        return .init(tokens: 0..<0, entity: previous.target, form: .name)
    }

    // MARK: Flags

    struct Cues {
        var hedged = false
        var negated = false
        var intended = false
        var claimant: String?
    }

    /// Hedging, negation and intention cues before the trigger in its sentence,
    /// and "according to X" anywhere in it.
    func cues(for trigger: Range<Int>, sentence: Int) -> Cues {
        let range = analyzed.sentences[sentence].tokens
        var cues = Cues()
        let words = range.map { tokens[$0].lower }
        let triggerOffset = trigger.lowerBound - range.lowerBound
        // Near the trigger: modals, negation, intention.
        let nearStart = max(0, triggerOffset - 8)
        for offset in nearStart..<triggerOffset {
            let word = words[offset]
            if Self.modalsHedging.contains(word) { cues.hedged = true }
            if Self.negators.contains(word) || word.hasSuffix("n't") { cues.negated = true }
            if Self.futureWords.contains(word) { cues.intended = true }
            if ["might", "could", "may"].contains(word), offset + 1 < triggerOffset, words[offset + 1] == "soon" { cues.intended = true }
        }
        // Before the trigger in its clause: hedge adverbs and verbs, denials, doubt. A relative
        // clause starts a new scope: "His claims were denied by Jack Straw, who accused the Tories".
        var clauseStart = 0
        for offset in stride(from: triggerOffset - 1, to: 0, by: -1)
        where words[offset - 1] == "," && Self.relativePronouns.contains(words[offset])
            || words[offset] == ";" || words[offset] == "\u{2014}" || words[offset] == "\u{2013}"
            || words[offset] == "-" && tokens[range.lowerBound + offset].spaceBefore {
            clauseStart = offset
            break
        }
        for offset in clauseStart..<triggerOffset {
            let word = words[offset]
            if Self.hedgeWords.contains(word) { cues.hedged = true }
            if Self.hedgeVerbs.contains(word), offset + 1 < words.count, words[offset + 1] == "to" { cues.hedged = true }
            if Self.denialWords.contains(word) { cues.negated = true }
            if Self.doubtStarts.contains(word) {
                for phrase in Self.doubtPhrases where phrase[0] == word && offset + phrase.count <= triggerOffset
                    && !(word == "did" || word == "does" || word == "do")
                    && words[offset..<offset + phrase.count].elementsEqual(phrase) {
                    cues.negated = true
                }
            }
            if (Self.claimVerbs.contains(word) || Self.sayVerbs.contains(word)) && tokens[range.lowerBound + offset].isLowercaseWord {
                if let claimant = claimant(before: range.lowerBound + offset, in: range) {
                    cues.claimant = claimant
                    if Self.claimVerbs.contains(word) { cues.hedged = true }
                }
            }
        }
        // "according to X" anywhere in the sentence.
        for offset in 0..<max(0, words.count - 2) where words[offset] == "according" && words[offset + 1] == "to" {
            cues.hedged = true
            let start = range.lowerBound + offset + 2
            var stop = start
            while stop < range.upperBound, !tokens[stop].is(","), !tokens[stop].is("."), !tokens[stop].is(";") { stop += 1 }
            if stop > start { cues.claimant = analyzed.text(of: start..<stop) }
        }
        return cues
    }

    /// The subject of a verb of saying or claiming: "U.S. officials say that …".
    func claimant(before verb: Int, in range: Range<Int>) -> String? {
        var start = verb
        while start > range.lowerBound {
            let previous = tokens[start - 1]
            let word = previous.lower
            if previous.kind == .punctuation && !previous.is(".") && previous.text != "-" { break }
            if ["that", "which", "who", "and", "but", "however", "as", "while", "because"].contains(word) { break }
            if ["recently", "also", "have", "has", "had", "officially", "publicly"].contains(word) && start == verb { start -= 1; continue }
            start -= 1
        }
        var stop = verb
        while stop > start, ["recently", "also", "have", "has", "had", "officially", "publicly"].contains(tokens[stop - 1].lower) { stop -= 1 }
        guard stop > start, stop - start <= 8 else { return nil }
        let text = analyzed.text(of: start..<stop)
        return ["they", "he", "she", "it", "we", "i"].contains(text.lowercased()) ? nil : text
    }

    // MARK: Structural relations

    /// "X, a … in the Y region" → X located_in Y.
    mutating func addLocations(sentence: Int, units: [RelationExtractor.Unit]) {
        let range = analyzed.sentences[sentence].tokens
        for unit in units {
            let kind = recognition.entities[unit.entity].kind
            guard kind == .place || kind == .country else { continue }
            let after = unit.tokens.upperBound
            guard after + 1 < range.upperBound, tokens[after].is(","), ["a", "an"].contains(tokens[after + 1].lower) else { continue }
            var cursor = after + 2
            while cursor < min(range.upperBound, after + 10) {
                if tokens[cursor].is(",") || self.unit(startingAt: cursor, units) != nil { break }
                if tokens[cursor].text == "in" {
                    var next = cursor + 1
                    while next < range.upperBound, Self.determiners.contains(hash: tokens[next].lowerHash) { next += 1 }
                    if let container = self.unit(startingAt: next, units),
                       [.place, .country].contains(recognition.entities[container.entity].kind)
                    {
                        let info = analyzed.sentences[sentence]
                        let trigger = cursor..<cursor + 1
                        relations.append(ExtractedRelation(
                            source: unit.entity, target: container.entity, type: .locatedIn,
                            evidence: Evidence(
                                article: article.id, date: article.date, sentence: analyzed.text(of: info.tokens),
                                sentenceStart: info.start, sentenceEnd: info.end, trigger: analyzed.text(of: trigger),
                                triggerStart: Int(tokens[cursor].scalarStart), triggerEnd: Int(tokens[cursor].scalarEnd),
                                pattern: "builtin:apposition-in")))
                    }
                    break
                }
                cursor += 1
            }
        }
    }

    /// leads / member_of from roles stated next to names.
    mutating func addStatedRoles() {
        for role in recognition.roles where role.title != "counterpart" {
            let holderKind = recognition.entities[role.holder].kind
            guard holderKind == .country || holderKind == .organization, role.person != role.holder else { continue }
            let info = analyzed.sentences[role.sentence]
            guard !info.isHeadline else { continue }
            let titleTokens = role.titleTokens
            relations.append(ExtractedRelation(
                source: role.person, target: role.holder, type: role.leads ? .leads : .memberOf,
                evidence: Evidence(
                    article: article.id, date: article.date, sentence: analyzed.text(of: info.tokens),
                    sentenceStart: info.start, sentenceEnd: info.end, trigger: role.title,
                    triggerStart: Int(tokens[titleTokens.lowerBound].scalarStart),
                    triggerEnd: Int(tokens[titleTokens.upperBound - 1].scalarEnd),
                    pattern: "builtin:role")))
        }
    }
}

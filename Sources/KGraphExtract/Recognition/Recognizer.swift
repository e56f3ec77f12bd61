import KGraph

/// An entity as one article knows it, before the graph merges articles.
struct ArticleEntity: Sendable {
    var id: EntityID
    var name: String
    var kind: EntityKind
    var aliases: Set<String> = []
    var attributes: [String: String] = [:]
    /// The lexicon entry, when the entity is a known one.
    var lexiconEntry: Int?
}

/// One place where an article names an entity.
struct RecognizedMention: Sendable {
    /// Token indices.
    var tokens: Range<Int>
    var sentence: Int
    /// Index into the article's entities.
    var entity: Int
    var form: MentionForm
}

/// A role stated next to a name: "the North Korean leader, Kim Jong Un".
struct StatedRole: Sendable {
    var person: Int
    var holder: Int
    var leads: Bool
    var sentence: Int
    /// Tokens of the whole phrase, from the holder to the person.
    var tokens: Range<Int>
    var title: String
    /// Tokens of the role noun ("leader", "foreign minister").
    var titleTokens: Range<Int>
}

/// What recognition found in one article.
struct Recognition: Sendable {
    var entities: [ArticleEntity] = []
    var mentions: [RecognizedMention] = []
    var roles: [StatedRole] = []
    /// Mention index by first token, for the relation patterns.
    var mentionAt: [Int: Int] = [:]
}

/// Finds the entities of one article: lexicon matches, unknown names from
/// capitalisation and context, and references within the article
/// ("Kim" after "Kim Jong Un", "the North" after "North Korea",
/// "the Russian president" in a 2024 article).
struct Recognizer {
    let lexicon: Lexicon

    /// Family names that come first: "Kim" in "Kim Jong Un", "Xi" in "Xi Jinping".
    static let familyNameFirst: WordSet = [
        "Kim", "Lee", "Park", "Pak", "Choi", "Choe", "Ri", "Kang", "Moon", "Yoon", "Roh", "Chun", "Han", "Xi",
        "Li", "Wang", "Zhang", "Liu", "Chen", "Hu", "Wen", "Jiang", "Mao", "Deng", "Zhou", "Yang", "Zhao", "Huang",
        "Wu", "Sun", "Ma", "Hun", "Nguyen", "Tran", "Le", "Pham", "Abe", "Kishida", "Koizumi",
    ]

    static let regnalNumbers: WordSet = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XVI"]

    /// The parts of a person's name that refer to them alone: the surname
    /// ("Putin"), or the family name written first ("Kim"); never a given name.
    static func referenceParts(of name: String) -> [String] {
        let pieces = name.split(separator: " ")
        // Monarchs and popes ("John Paul II", "Charles III") are not called by one part of their name.
        if let last = pieces.last, regnalNumbers.contains(String(last)) { return [] }
        let parts: [String] = pieces.compactMap { part -> String? in
            guard part.utf8.count > 1, part.first?.isUppercase == true, part.utf8.last != 0x2E,
                  part != "Jr", part != "Sr" else { return nil }
            return String(part)
        }
        guard parts.count > 1, let last = parts.last, let first = parts.first else { return [] }
        var result = [last]
        if familyNameFirst.contains(first) { result.append(first) }
        if last.contains("-"), let tail = last.split(separator: "-").last, tail.count > 2 { result.append(String(tail)) }
        return result
    }

    func recognize(_ analyzed: AnalyzedText, date: String?) -> Recognition {
        var state = State(lexicon: lexicon, analyzed: analyzed, date: date)
        for index in analyzed.sentences.indices {
            state.recognize(sentence: index)
        }
        state.result.mentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        for (index, mention) in state.result.mentions.enumerated() {
            state.result.mentionAt[mention.tokens.lowerBound] = index
        }
        return state.result
    }
}

private struct State {
    static let connectors: WordSet = ["of", "for", "de", "del", "della", "di", "da", "dos", "das", "do", "al", "bin", "ibn", "van", "von", "der", "den", "du", "la", "le", "y"]
    /// Honorifics that always start a person's name.
    static let honorifics: WordSet = ["Mr", "Mrs", "Ms", "Miss", "Dr", "MP", "MEP"]
    /// Letters after a name: "Nicholas Blake QC".
    static let postNominals: WordSet = ["QC", "KC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "Jr", "Sr", "PhD"]
    /// Titles that are part of a name: "Lord Carrington", "Imam Shamil".
    static let nameTitles: WordSet = ["Lord", "Lady", "Sir", "Dame", "King", "Queen", "Prince", "Princess", "Pope", "Imam", "Sheikh", "Ayatollah", "Emir", "Sultan", "Saint", "St"]
    /// All-capital words that are not organisations.
    static let notAcronyms: WordSet = [
        "CEO", "CFO", "GDP", "TV", "AM", "PM", "UTC", "GMT", "BST", "EST", "EDT", "PST", "PDF", "USB", "DNA", "HIV", "AIDS", "IED", "IEDs",
        "UFO", "CCTV", "FAQ", "VIP", "OK", "ID", "IQ", "MP", "MPs", "MEP", "MEPs", "NB", "PS", "AD", "BC", "PR", "HQ", "IT", "AI", "PC",
        "SUV", "ATM", "RPG", "AK", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XX", "QC", "OBE", "MBE", "CBE", "KBE", "PhD",
        "COVID", "SARS", "GPS", "SMS", "URL", "LGBT", "NHS", "VAT", "CD", "DVD", "MW", "KM", "US", "UK", "EU", "UN", "USA", "A", "I",
    ]
    let lexicon: Lexicon
    let analyzed: AnalyzedText
    let date: String?
    var result = Recognition()
    var entityByID: [EntityID: Int] = [:]
    /// Name part → article person entities, for "Kim" after "Kim Jong Un".
    var personParts: [UInt64: Set<Int>] = [:]
    /// The last country whose name starts with North/South/East/West, for "the North".
    var compassCountries: [String: Int] = [:]
    var covered: [Bool]
    /// Answers of `isCommonWord`, by word.
    var commonWords: [String: Bool] = [:]

    init(lexicon: Lexicon, analyzed: AnalyzedText, date: String?) {
        self.lexicon = lexicon
        self.analyzed = analyzed
        self.tokens = analyzed.tokens
        self.date = date
        self.covered = Array(repeating: false, count: analyzed.tokens.count)
    }

    let tokens: [Token]

    // MARK: Entities

    mutating func entity(forLexicon index: Int) -> Int {
        let entry = lexicon.entries[index]
        if let existing = entityByID[entry.id] { return existing }
        var attributes = entry.attributes
        if let country = entry.country { attributes["country"] = country }
        if let code = entry.code { attributes["code"] = code }
        let entity = ArticleEntity(id: entry.id, name: entry.name, kind: entry.kind, attributes: attributes, lexiconEntry: index)
        return register(entity)
    }

    mutating func entity(named name: String, kind: EntityKind) -> Int {
        let id = EntityID(name: name, kind: kind)
        if let existing = entityByID[id] { return existing }
        return register(ArticleEntity(id: id, name: name, kind: kind))
    }

    mutating func register(_ entity: ArticleEntity) -> Int {
        let index = result.entities.count
        result.entities.append(entity)
        entityByID[entity.id] = index
        if entity.kind == .person {
            let parts = entity.lexiconEntry.flatMap { lexicon.referencePartHashes[$0] }
                ?? Recognizer.referenceParts(of: entity.name).map(WordHash.of)
            for part in parts { personParts[part, default: []].insert(index) }
        }
        if entity.kind == .country {
            for compass in ["North", "South", "East", "West"] where entity.name.hasPrefix(compass + " ") {
                compassCountries[compass] = index
            }
        }
        return index
    }

    mutating func addMention(_ range: Range<Int>, sentence: Int, entity: Int, form: MentionForm) {
        for index in range { covered[index] = true }
        result.mentions.append(RecognizedMention(tokens: range, sentence: sentence, entity: entity, form: form))
        let surface = analyzed.text(of: range)
        if surface != result.entities[entity].name && form != .nominal && form != .pronoun {
            result.entities[entity].aliases.insert(surface)
        }
    }

    // MARK: Sentences

    mutating func recognize(sentence: Int) {
        let range = analyzed.sentences[sentence].tokens
        let isHeadline = analyzed.sentences[sentence].isHeadline || isTitleCased(range)
        matchLexicon(in: range, sentence: sentence)
        if !isHeadline { matchUnknownNames(in: range, sentence: sentence) }
        matchNominals(in: range, sentence: sentence)
    }

    /// A line In Title Case (a headline inside the text): capitals say nothing there.
    func isTitleCased(_ range: Range<Int>) -> Bool {
        var words = 0
        var capitalized = 0
        for index in range where tokens[index].kind == .word && tokens[index].byteEnd - tokens[index].byteStart > 3 {
            words += 1
            if tokens[index].isCapitalized { capitalized += 1 }
        }
        return words >= 3 && capitalized * 10 >= words * 7
    }

    /// Longest, case-exact lexicon matches, left to right.
    mutating func matchLexicon(in range: Range<Int>, sentence: Int) {
        var index = range.lowerBound
        while index < range.upperBound {
            guard tokens[index].kind == .word,
                  !tokens[index].isLowercaseWord || lexicon.lowercaseFirstBytes.contains(tokens[index].text.utf8.first ?? 0),
                  var entry = lexicon.phraseTable[tokens[index].hash].map(Int.init)
            else { index += 1; continue }
            // "Bank of England": an organisation head with "of" takes the name that follows.
            if lexicon.phraseEntries[entry].hits.isEmpty, Vocabulary.organizationHeadsWithOf.contains(hash: tokens[index].hash),
               index + 2 < range.upperBound, tokens[index + 1].text == "of", tokens[index + 2].isCapitalized
            {
                index += 1
                continue
            }
            // Grow the phrase while some lexicon phrase continues it; keep the longest match.
            var matched = false
            var key = tokens[index].hash
            var best: (length: Int, hits: [Lexicon.Hit])?
            var length = 1
            while true {
                if !lexicon.phraseEntries[entry].hits.isEmpty { best = (length, lexicon.phraseEntries[entry].hits) }
                guard lexicon.phraseEntries[entry].continues, index + length < range.upperBound else { break }
                key = WordHash.join(key, tokens[index + length].text)
                guard let next = lexicon.phraseTable[key] else { break }
                entry = Int(next)
                length += 1
            }
            if let (length, hits) = best, let hit = self.best(hits), accept(hit, at: index..<index + length, in: range) {
                var end = index + length
                var entity = entity(forLexicon: hit.entry)
                let kind = lexicon.entries[hit.entry].kind
                if (kind == .place || kind == .country) && hit.form != .demonym && end < range.upperBound {
                    let next = tokens[end]
                    if next.isCapitalized && Vocabulary.placeHeads.contains(next.text) && !next.text.hasSuffix("State") {
                        // "London Bridge", "Caribbean Sea": a place of its own.
                        end += 1
                        entity = self.entity(named: analyzed.text(of: index..<end), kind: .place)
                    } else if ["province", "region", "district", "governorate", "oblast", "county", "prefecture"].contains(next.text) {
                        end += 1  // "Idlib province" is Idlib
                    }
                }
                addMention(index..<end, sentence: sentence, entity: entity, form: hit.form)
                index = end
                matched = true
            }
            if !matched { index += 1 }
        }
    }

    /// Among entries sharing a phrase, prefer countries, then organisations, people, places.
    func best(_ hits: [Lexicon.Hit]) -> Lexicon.Hit? {
        func rank(_ hit: Lexicon.Hit) -> Int {
            let formRank = hit.form == .name ? 0 : 1
            switch lexicon.entries[hit.entry].kind {
            case .country: return 0 + formRank
            case .organization: return 2 + formRank
            case .person: return 4 + formRank
            case .place: return 6 + formRank
            case .group: return 8 + formRank
            case .other: return 10 + formRank
            }
        }
        return hits.min { (rank($0), $0.entry) < (rank($1), $1.entry) }
    }

    /// Rejects matches that are part of a longer unknown name ("Jordan" in "Michael Jordan").
    func accept(_ hit: Lexicon.Hit, at match: Range<Int>, in sentence: Range<Int>) -> Bool {
        let kind = lexicon.entries[hit.entry].kind
        guard kind == .country || kind == .place, hit.form != .demonym else { return true }
        if match.lowerBound > sentence.lowerBound {
            let previous = tokens[match.lowerBound - 1]
            if previous.isCapitalized && !covered[match.lowerBound - 1]
                && (Vocabulary.firstNames.contains(previous.text) || lexicon.firstNames.contains(previous.text))
                && match.count == 1
            {
                return false
            }
        }
        if match.upperBound < sentence.upperBound {
            let next = tokens[match.upperBound]
            // "deputy leader Aden Ridgeway": a one-word place between a role or title and a
            // capitalised word is the first name of someone the lexicon does not know.
            let previousHash = match.lowerBound > sentence.lowerBound ? tokens[match.lowerBound - 1].lowerHash : 0
            let afterRole = Vocabulary.roleFirstWords.contains(hash: previousHash)
                || (match.lowerBound > sentence.lowerBound && Vocabulary.personTitles.contains(hash: tokens[match.lowerBound - 1].hash))
            if kind == .place, match.count == 1, afterRole, next.isCapitalized,
               !next.isAllCaps, next.kind == .word, !covered[match.upperBound],
               lexicon.phraseTable[next.hash] == nil, !Vocabulary.placeHeads.contains(hash: next.hash),
               !Vocabulary.organizationHeads.contains(hash: next.hash) {
                return false
            }
            if next.isCapitalized && Vocabulary.organizationHeads.contains(next.text) && next.text != "Government" {
                return false
            }
        }
        return true
    }

    /// Names the lexicon does not know, from capitalisation and context.
    mutating func matchUnknownNames(in range: Range<Int>, sentence: Int) {
        var index = range.lowerBound
        while index < range.upperBound {
            guard !covered[index], tokens[index].isCapitalized else { index += 1; continue }
            // Collect a run of capitalised words, with initials and "of"/"de"-style connectors inside.
            var end = index + 1
            while end < range.upperBound, !covered[end] {
                // A dateline in capitals ends a name: "By Lesley Wroughton WASHINGTON (Reuters)".
                if tokens[end].isCapitalized && tokens[end].isAllCaps && tokens[end].text.utf8.count > 2 && !tokens[end - 1].isAllCaps { break }
                if tokens[end].isCapitalized && tokens[end].spaceBefore { end += 1; continue }
                if tokens[end].is("."), tokens[end - 1].text.utf8.count == 1, tokens[end - 1].isCapitalized,
                   end + 1 < range.upperBound, tokens[end + 1].isCapitalized { end += 1; continue }
                if tokens[end].isLowercaseWord, Self.connectors.contains(hash: tokens[end].hash) {
                    // "Communist Party of Spain", "Vicente Sainz de la Peña", "María del Carmen Nadal".
                    var next = end + 1
                    while next < range.upperBound, Self.connectors.contains(hash: tokens[next].hash), next < end + 3 { next += 1 }
                    if next < range.upperBound, tokens[next].isCapitalized, !covered[next] { end = next; continue }
                }
                break
            }
            // A connector may not end a run, nor a dangling "of ... and".
            while end > index + 1, !tokens[end - 1].isCapitalized { end -= 1 }
            classify(index..<end, sentence: sentence, sentenceRange: range)
            index = end
        }
    }

    mutating func classify(_ run: Range<Int>, sentence: Int, sentenceRange: Range<Int>) {
        var start = run.lowerBound
        var end = run.upperBound
        let sentenceStart = sentenceRange.lowerBound
        var isSentenceInitial = start == sentenceStart
            || (start == sentenceStart + 1 && tokens[sentenceStart].kind == .punctuation)
        // A hyphenated description opening the sentence: "Trouble-hit Mitsubishi Motors".
        if isSentenceInitial, end - start > 1, let dash = tokens[start].text.firstIndex(of: "-"),
           tokens[start].text[tokens[start].text.index(after: dash)...].first?.isLowercase == true {
            start += 1
            isSentenceInitial = false
        }
        // Function words at the front go first: "The Defense Ministry", "However Smith".
        while start < end, isSentenceInitial, Vocabulary.functionWordSet.contains(hash: tokens[start].hash) {
            start += 1
            isSentenceInitial = false
        }
        // "Former Cabinet minister", "Ex-Welsh Office": the time word is not part of the name.
        while start < end, ["Former", "Ex", "Then", "Late", "Acting"].contains(tokens[start].text) || tokens[start].text.hasPrefix("Ex-") && end - start > 1 {
            if tokens[start].text.hasPrefix("Ex-") && tokens[start].text.utf8.count > 3 { break }
            start += 1
            isSentenceInitial = false
        }
        guard start < end else { return }
        if end - start == 1 && isSentenceInitial && !lexicon.namePartSet.contains(hash: tokens[start].hash)
            && personParts[tokens[start].hash] == nil {
            return  // "Access to …": a capital that only opens the sentence
        }
        // Days and months at the front: "Wednesday Lord Woolf".
        while start < end - 1, Vocabulary.weekdays.contains(hash: tokens[start].hash) || Vocabulary.months.contains(hash: tokens[start].hash) {
            start += 1
            isSentenceInitial = false
        }
        // "Harrogate Mr Kennedy", "Treasurer Lord Ashcroft": an honorific inside a run starts a new name.
        if let split = ((start + 1)..<end).first(where: {
            Self.honorifics.contains(hash: tokens[$0].hash) || Self.nameTitles.contains(hash: tokens[$0].hash)
        }), split > start {
            classify(start..<split, sentence: sentence, sentenceRange: sentenceRange)
            classify(split..<end, sentence: sentence, sentenceRange: sentenceRange)
            return
        }
        // "GNB Brigade General Hector Hernández": an organisation, then a title and a person.
        if let split = ((start + 1)..<max(start + 1, end - 2)).first(where: {
            Vocabulary.personTitles.contains(hash: tokens[$0].hash) && !Vocabulary.personTitles.contains(hash: tokens[$0 - 1].hash)
                && tokens[$0 - 1].text != "of" && Vocabulary.organizationHeads.contains(hash: tokens[$0 - 1].hash)
        }) {
            classify(start..<split, sentence: sentence, sentenceRange: sentenceRange)
            classify(split..<end, sentence: sentence, sentenceRange: sentenceRange)
            return
        }
        // An organisation keeps its whole name, titles included: "Defense Ministry", "Supreme Tribunal".
        let runWords = (start..<end).filter { tokens[$0].kind == .word }
        if runWords.count >= 2, runWords.contains(where: { Vocabulary.organizationHeads.contains(hash: tokens[$0].hash) })
            || (runWords.count > 2 && Vocabulary.organizationHeadsWithOf.contains(hash: tokens[runWords[0]].hash)
                && tokens[runWords[1]].text == "of")
        {
            if Vocabulary.functionWords.contains(hash: tokens[runWords[0]].hash) { start += 1 }
            addMention(start..<end, sentence: sentence, entity: entity(named: analyzed.text(of: start..<end), kind: .organization), form: .name)
            return
        }
        // Titles at the front are dropped, and noted: "Staff Sergeant Louis M. Bonocasa",
        // "Secretary of Defense Ash Carter".
        var hasPersonTitle = false
        var nameStart: Int?
        while start < end {
            let word = tokens[start].text
            if Self.nameTitles.contains(word) && start + 1 < end && nameStart == nil { nameStart = start }
            if Vocabulary.personTitles.contains(word) && start + 1 < end {
                hasPersonTitle = true
                start += 1
                if start < end, tokens[start].is(".") { start += 1 }
                // "Secretary of Defense": the department is part of the title.
                if start + 2 < end, ["of", "for"].contains(tokens[start].text), tokens[start + 1].isCapitalized {
                    start += 2
                    // "Secretary for Constitutional Affairs": the whole department.
                    while start < end, tokens[start].isCapitalized, isCommonWord(tokens[start].text) || Vocabulary.personTitles.contains(hash: tokens[start].hash) {
                        start += 1
                    }
                }
                isSentenceInitial = false
                continue
            }
            if isSentenceInitial && Vocabulary.functionWords.contains(word) {
                start += 1
                isSentenceInitial = false
                continue
            }
            break
        }
        // Drop months, weekdays and post-nominals at the end: "Ian MacDonald QC".
        while end > start, Vocabulary.months.contains(hash: tokens[end - 1].hash) || Vocabulary.weekdays.contains(hash: tokens[end - 1].hash)
            || Self.postNominals.contains(hash: tokens[end - 1].hash) {
            end -= 1
        }
        guard start < end else { return }
        let wordIndices = (start..<end).filter { tokens[$0].kind == .word }
        guard let firstIndex = wordIndices.first, let lastIndex = wordIndices.last else { return }
        let first = tokens[firstIndex].text, last = tokens[lastIndex].text
        let firstHash = tokens[firstIndex].hash, lastHash = tokens[lastIndex].hash
        let words = wordIndices.map { tokens[$0].text }
        if words.count == 1 && (Vocabulary.months.contains(hash: firstHash) || Vocabulary.weekdays.contains(hash: firstHash)
            || Vocabulary.functionWords.contains(hash: firstHash) || first.utf8.count < 2) { return }
        // "Tory MPs", "NGOs": the plural of an acronym is a group of people, not a name.
        if words.count == 1, first.hasSuffix("s"), first.utf8.count > 2,
           first.dropLast().allSatisfy({ $0.isUppercase }) { return }
        if wordIndices.allSatisfy({ Vocabulary.personTitles.contains(hash: tokens[$0].hash) || Vocabulary.functionWords.contains(hash: tokens[$0].hash) }) { return }
        if start > sentenceStart, tokens[start - 1].kind == .word, Vocabulary.personTitles.contains(hash: tokens[start - 1].hash),
           tokens[start - 1].isCapitalized { hasPersonTitle = true }
        if start > sentenceStart + 1, tokens[start - 1].is("."), Vocabulary.personTitles.contains(hash: tokens[start - 2].hash) {
            hasPersonTitle = true
        }
        let isAllCaps = (start..<end).allSatisfy { tokens[$0].kind != .word || tokens[$0].isAllCaps }

        let afterPreposition = start > sentenceStart && ["in", "near", "at", "from", "to", "outside"].contains(tokens[start - 1].text)
        // A single word: a reference to a person already named in the article, or a known surname.
        if words.count == 1 {
            if let nameStart {
                // "Lord Carrington": the title belongs to the name.
                addMention(nameStart..<end, sentence: sentence, entity: entity(named: analyzed.text(of: nameStart..<end), kind: .person), form: .name)
                return
            }
            if let person = resolvePart(first, hash: firstHash) {
                addMention(start..<end, sentence: sentence, entity: person, form: .alias)
                return
            }
            if isAllCaps && !isSentenceInitial && first.utf8.count <= 6 && !Self.notAcronyms.contains(hash: firstHash)
                && !Vocabulary.personTitles.contains(hash: firstHash) && !first.contains(where: { $0.isNumber })
            {
                // An unknown acronym is almost always an organisation: "AFP", "CNE", "RUC".
                addMention(start..<end, sentence: sentence, entity: entity(named: first, kind: .organization), form: .name)
                return
            }
            if isSentenceInitial && !hasPersonTitle { return }
            if (hasPersonTitle || (!isAllCaps && !afterPreposition && lexicon.namePartSet.contains(hash: firstHash))) && !isCommonWord(first) {
                // A title, or the surname of several known people: a person, not yet which one.
                addMention(start..<end, sentence: sentence, entity: entity(named: first, kind: .person), form: .name)
                return
            }
            if start > sentenceStart, ["in", "near"].contains(tokens[start - 1].text), !isAllCaps,
               !Vocabulary.placeHeads.contains(hash: firstHash), !Vocabulary.organizationHeads.contains(hash: firstHash)
            {
                addMention(start..<end, sentence: sentence, entity: entity(named: first, kind: .place), form: .name)
            }
            return
        }

        let next = end < sentenceRange.upperBound ? tokens[end] : nil
        let afterNext = end + 1 < sentenceRange.upperBound ? tokens[end + 1] : nil
        var kind: EntityKind?
        if let nameStart, nameStart < start {
            start = nameStart
        }
        if Vocabulary.placeHeads.contains(hash: lastHash) || Vocabulary.placeStarts.contains(hash: firstHash) {
            kind = .place
        } else if Vocabulary.eventHeads.contains(hash: lastHash) {
            return
        } else if hasPersonTitle || Vocabulary.firstNames.contains(hash: firstHash) || lexicon.firstNames.contains(first)
            || followsRoleApposition(start, sentenceStart: sentenceStart)
            || (next.map { Vocabulary.speechVerbs.contains(hash: $0.hash) } ?? false && words.count <= 4)
            || (next?.is(",") == true && afterNext.map { ["who", "whose"].contains($0.text) || $0.kind == .number } ?? false)
        {
            kind = .person
        } else if !isAllCaps && !isSentenceInitial && words.count <= 3
            && !wordIndices.contains(where: { index in
                lexicon.phraseTable[tokens[index].hash].map { !lexicon.phraseEntries[Int($0)].hits.isEmpty } == true
                    || Vocabulary.personTitles.contains(hash: tokens[index].hash)
            })
            && !words.contains(where: { isCommonWord($0) })
        {
            // Two or three capitalised words mid-sentence that name no organisation or
            // place: in news, nearly always a person.
            kind = .person
        }
        // "South East Asian countries": an adjective of origin before a noun, not a name.
        if kind == .person, let following = next, following.isLowercaseWord,
           ["ian", "ean", "ese", "ish", "ic", "an"].contains(where: { last.hasSuffix($0) }), !hasPersonTitle,
           !Vocabulary.speechVerbs.contains(hash: following.hash), !lexicon.firstNames.contains(first) {
            return
        }
        guard let kind else { return }
        let name = analyzed.text(of: start..<end)
        // "Senator Andrew Murray" is Andrew Murray, not a namesake the lexicon knows as "Murray".
        if kind == .person, let person = resolvePart(last, hash: lastHash), words.count == 2, hasPersonTitle,
           result.entities[person].name.split(separator: " ").contains(Substring(first)) {
            addMention(start..<end, sentence: sentence, entity: person, form: .alias)
            return
        }
        addMention(start..<end, sentence: sentence, entity: entity(named: name, kind: kind), form: .name)
    }

    /// "…foreign minister, Choe Son Hui": a role noun (and comma) right before a name.
    func followsRoleApposition(_ start: Int, sentenceStart: Int) -> Bool {
        var cursor = start - 1
        if cursor >= sentenceStart, tokens[cursor].is(",") { cursor -= 1 }
        guard cursor >= sentenceStart else { return false }
        let word = tokens[cursor].lower
        return Vocabulary.roleNouns.contains { $0.phrase.last == word }
    }

    /// A surname or given name that refers to one person: named earlier in the
    /// article, or a lexicon person holding a role on the article's date.
    mutating func resolvePart(_ word: String, hash: UInt64? = nil) -> Int? {
        let hash = hash ?? WordHash.of(word)
        if let people = personParts[hash] {
            if people.count == 1 { return people.first }
            // "Tony Blair" and "Cherie Blair" in one article: "Mr Blair" is the one the lexicon
            // knows in office, else nobody.
            let prominent = people.filter { person in
                result.entities[person].lexiconEntry.map { isProminent($0) } ?? false
            }
            return prominent.count == 1 ? prominent.first : nil
        }
        guard lexicon.namePartSet.contains(hash: hash), let candidates = lexicon.nameParts[word] else { return nil }
        // Dated articles: who held a role then. Undated: the one known for more than a mention.
        let active = date != nil ? candidates.filter { !lexicon.roles(of: $0, on: date).isEmpty } : candidates
        var pool = active.count > 1 ? active.filter(isProminent) : active
        if pool.count > 1 {
            // Michael Howard or John Howard? The one whose country or party the article names.
            let named = pool.filter { person in
                lexicon.entries[person].roles.contains { role in
                    entityByID[EntityID(name: role.of, kind: .country)] != nil
                        || entityByID[EntityID(name: role.of, kind: .organization)] != nil
                }
            }
            if named.count == 1 { pool = named }
        }
        guard pool.count == 1, let only = pool.first else { return nil }
        return entity(forLexicon: only)
    }

    /// A lexicon person with a named office (head of state, minister, party leader),
    /// not only an "official" mention in the event-data dictionaries.
    func isProminent(_ person: Int) -> Bool {
        lexicon.entries[person].roles.contains { $0.role != "official" && !$0.role.isEmpty }
    }

    /// Whether `word` also appears in lower case in this article ("paper", "inquiry"):
    /// then its capitalised form is probably not a name.
    mutating func isCommonWord(_ word: String) -> Bool {
        if let known = commonWords[word] { return known }
        // Few words are asked about (the parts of unknown names), so a scan beats hashing every token.
        let lower = word.lowercased()
        let found = tokens.contains { $0.isLowercaseWord && $0.text == lower }
        commonWords[word] = found
        return found
    }

    // MARK: Nominals

    /// "the North", "the Russian president", "North Korea's foreign minister, Choe Son Hui".
    mutating func matchNominals(in range: Range<Int>, sentence: Int) {
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            // "the North" after North Korea.
            if !compassCountries.isEmpty, token.isCapitalized, !covered[index], let compass = compassCountries[token.text], index > range.lowerBound,
               tokens[index - 1].lower == "the",
               index + 1 >= range.upperBound || !tokens[index + 1].isCapitalized
            {
                addMention(index..<index + 1, sentence: sentence, entity: compass, form: .nominal)
            }
            index += 1
        }
        matchBareRoles(in: range, sentence: sentence)
        // Roles after a country, demonym or organisation mention.
        // Mentions are appended sentence by sentence, so this sentence's are at the end.
        var first = result.mentions.count
        while first > 0, result.mentions[first - 1].sentence == sentence { first -= 1 }
        let mentions = Array(result.mentions[first...])
        for mention in mentions {
            let holder = mention.entity
            let holderKind = result.entities[holder].kind
            guard holderKind == .country || holderKind == .organization else { continue }
            var cursor = mention.tokens.upperBound
            if cursor < range.upperBound, tokens[cursor].kind == .possessive { cursor += 1 }
            // Allow one or two adjectives: "the North's top diplomat", "the Russian foreign minister".
            guard let (roleStart, roleEnd, title, leads) = roleNoun(at: cursor, limit: range.upperBound) else { continue }
            var personStart = roleEnd
            if personStart < range.upperBound, tokens[personStart].is(",") { personStart += 1 }
            let phrase = mention.tokens.lowerBound..<roleEnd
            if let person = result.mentions.first(where: { $0.tokens.lowerBound == personStart && result.entities[$0.entity].kind == .person }) {
                result.roles.append(StatedRole(
                    person: person.entity, holder: holder, leads: leads, sentence: sentence,
                    tokens: mention.tokens.lowerBound..<person.tokens.upperBound, title: title,
                    titleTokens: roleStart..<roleEnd))
            } else if title != "counterpart", title != "official", !(roleEnd < range.upperBound && tokens[roleEnd].isCapitalized),
                      let entry = result.entities[holder].lexiconEntry
            {
                // No name given: the lexicon's holder of the role on the article's date.
                let holderName = lexicon.entries[entry].name
                let people = leads && (title == "leader" || title == "head")
                    ? lexicon.leaders(of: holderName, on: date) : lexicon.holders(of: title, in: holderName, on: date)
                if people.count == 1, let person = people.first, date != nil {
                    let entity = entity(forLexicon: person)
                    let nominal = (mention.tokens.upperBound..<roleEnd)
                    if !nominal.contains(where: { covered[$0] }) {
                        // "the Russian president" names the person, not Russia.
                        result.mentions.removeAll { $0.tokens == mention.tokens }
                        addMention(phrase, sentence: sentence, entity: entity, form: .nominal)
                    }
                    result.roles.append(StatedRole(
                        person: entity, holder: holder, leads: leads, sentence: sentence, tokens: phrase, title: title,
                        titleTokens: roleStart..<roleEnd))
                }
            }
        }
    }

    static let theHash = WordHash.of("the")

    /// Titles that name one office holder when an article says "the prime minister".
    static let bareTitles: Set<String> = [
        "president", "prime minister", "premier", "chancellor", "foreign minister", "foreign secretary",
        "king", "queen", "supreme leader", "secretary-general", "secretary general",
    ]

    /// "the prime minister" with no country named: the holder of that office, on the
    /// article's date, in the country the article has named most so far ("the president
    /// of France" names its country). Dated articles only: the office changes hands.
    mutating func matchBareRoles(in range: Range<Int>, sentence: Int) {
        guard date != nil else { return }
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            defer { index += 1 }
            guard tokens[index].lowerHash == Self.theHash, !covered[index + 1],
                  Vocabulary.roleFirstWords.contains(hash: tokens[index + 1].lowerHash),
                  let role = roleNoun(at: index + 1, limit: range.upperBound), role.start == index + 1,
                  Self.bareTitles.contains(role.title)
            else { continue }
            var holder: Int?
            if role.end + 1 < range.upperBound, tokens[role.end].lower == "of" {
                holder = result.mentions.last { $0.tokens.lowerBound == role.end + 1 }?.entity
                    ?? result.mentions.last { $0.tokens.lowerBound == role.end + 2 && tokens[role.end + 1].lower == "the" }?.entity
                guard holder != nil else { continue }
            } else if role.end < range.upperBound, tokens[role.end].isCapitalized {
                continue  // "the president Vladimir Putin": the name follows
            } else {
                holder = dominantCountry()
            }
            guard let holder, let entry = result.entities[holder].lexiconEntry else { continue }
            let people = lexicon.holders(of: role.title, in: lexicon.entries[entry].name, on: date)
            guard people.count == 1, let person = people.first else { continue }
            addMention(role.start..<role.end, sentence: sentence, entity: entity(forLexicon: person), form: .nominal)
        }
    }

    /// The country this article has named most so far, if one leads.
    func dominantCountry() -> Int? {
        var counts: [Int: Int] = [:]
        for mention in result.mentions where result.entities[mention.entity].kind == .country {
            counts[mention.entity, default: 0] += 1
        }
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let top = ranked.first else { return nil }
        if ranked.count > 1 && ranked[1].value == top.value { return nil }
        return top.key
    }

    /// A role noun starting at `start`, allowing up to two adjectives before it.
    func roleNoun(at start: Int, limit: Int) -> (start: Int, end: Int, title: String, leads: Bool)? {
        for skip in 0...2 {
            let first = start + skip
            guard first < limit else { return nil }
            if !Vocabulary.roleFirstWords.contains(hash: tokens[first].lowerHash) {
                if !tokens[first].isLowercaseWord || covered[first] { return nil }
                continue
            }
            for (phrase, leads) in Vocabulary.roleNouns where first + phrase.count <= limit {
                var matches = true
                for (offset, word) in phrase.enumerated() where tokens[first + offset].lower != word {
                    matches = false
                    break
                }
                if matches {
                    // "Downing Street media chief": a head of a part, not of the whole.
                    let headsTheWhole = leads && (skip == 0 || !["chief", "head", "chairman", "chair"].contains(phrase[0]))
                    return (first, first + phrase.count, phrase.joined(separator: " ").replacingOccurrences(of: " - ", with: "-"), headsTheWhole)
                }
            }
            // Only plain lower-case adjectives may be skipped.
            if !tokens[first].isLowercaseWord || covered[first] { return nil }
        }
        return nil
    }
}

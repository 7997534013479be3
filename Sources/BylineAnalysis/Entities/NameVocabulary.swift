import BylineCore

/// The vocabularies that entity and role reading share, from the module's data files:
/// country names, honorifics and the words of office titles. A class, so that handing it
/// around costs one reference.
public final class NameVocabulary: Sendable {
    public static let shared = NameVocabulary()

    /// Country names by their ``NameForms/key(_:)``, with the ISO 3166-1 code.
    private let countryCodes: WordMap<String>
    /// The most usual name of each country, by code.
    private let countryNames: [String: String]
    /// The keys of the first words of country names: where a name may start.
    let countryFirstWords: WordSet
    /// The keys of the last words of country names of several words ("guinea" of "Papua New Guinea",
    /// "africa" of "South Africa"): a lone word that names a place, not a person. Names after
    /// a saint or an article ("Saint Lucia", "San Marino", "El Salvador") are left out: their
    /// last words are people's names too.
    let countryLastWords: WordSet
    /// Honorifics, as written, longest first ("Dato' Sri" before "Dato'").
    let honorifics: [[String]]
    /// The first words of the honorifics ("Dato'", "Tan").
    let honorificFirstWords: WordSet
    /// The last words of the honorifics ("Dato'", "Sri").
    let honorificLastWords: WordSet
    /// The honorifics of one word ("Dr.", "Dato'").
    let oneWordHonorifics: WordSet
    /// Lower-case words that may stand inside a person's name ("von", "bin", "da").
    let nameParticles: WordSet
    /// The keys of the generational suffixes that end a person's name (``NameSuffixes``: "jr",
    /// "iii"): a name's words that are not a surname.
    let nameSuffixKeys: Set<String>
    /// Words for a family relation, lower case ("wife", "son").
    let kinship: Set<String>
    /// Last words of the names of laws, plans, prizes and events ("Act", "Awards").
    let miscEndings: Set<String>
    /// Phrases of page furniture, as word keys, that no name holds ("all rights reserved"), by
    /// their first word.
    let pageWords: WordMap<[[String]]>
    /// Nouns written before an organisation's name ("company", "label").
    let organisationNouns: Set<String>
    /// Nouns written before a work's title ("album", "film").
    let workNouns: Set<String>
    /// Lower-case nouns for places (``PlaceNouns``).
    let placeNouns: PlaceNouns
    /// The words just before a name that make it a credit ("photo by"), as word keys, by their
    /// last word.
    let creditsBefore: WordMap<[[String]]>
    /// The words after a name in its sentence that make it a credit ("contributed to this
    /// report"), as word keys, by their first word.
    let creditsAfter: WordMap<[[String]]>
    /// Country codes by nationality adjective, as written ("Chilean" → CL, "South Korean" → KR).
    private let demonyms: [String: String]
    /// The most words a nationality adjective has ("Papua New Guinean").
    let longestDemonym: Int
    /// Words and phrases that name an office ("minister", "secretary-general", "co-chair"), lower
    /// case.
    let titleHeads: WordSet
    /// Words that may stand before an office's name ("deputy", "first", "foreign").
    let titleModifiers: WordSet
    /// The offices' names as word keys, by their first word, longest first.
    private let titleHeadsByFirstWord: WordMap<[[String]]>
    /// Every word of an office's name or modifier ("attorney" of "attorney general").
    private let titleWords: WordSet
    /// Occupations by their first word, as word keys, longest first ("running back", "winger").
    private let occupationsByFirstWord: [String: [[String]]]
    /// Endings that make a long word an occupation ("ologist").
    private let occupationEndings: [String]
    /// The fewest letters a word needs before an occupation ending counts.
    static let shortestOccupationByEnding = 8

    private init() {
        var codes: [String: String] = [:]
        var names: [String: String] = [:]
        var firstWords: Set<String> = []
        var lastWords: Set<String> = []
        for row in DataFile(PackageResources.country_names_tsv).rows + DataFile(PackageResources.country_aliases_tsv).rows {
            guard let code = row.first else { continue }
            for name in row.dropFirst() {
                if names[code] == nil { names[code] = name }
                codes[NameForms.key(name)] = code
                let words = name.split(separator: " ")
                if let first = words.first { firstWords.insert(NameForms.key(first)) }
                if words.count > 1, let first = words.first, !["Saint", "St.", "San", "El", "The"].contains(first), let last = words.last {
                    lastWords.insert(NameForms.key(last))
                }
            }
        }
        countryCodes = WordMap(codes)
        countryNames = names
        countryFirstWords = WordSet(firstWords)
        countryLastWords = WordSet(lastWords)
        honorifics = DataFile(PackageResources.honorifics_txt).lines.map { $0.split(separator: " ").map(String.init) }
            .sorted { $0.count > $1.count }
        honorificFirstWords = WordSet(honorifics.compactMap(\.first))
        honorificLastWords = WordSet(honorifics.compactMap(\.last))
        oneWordHonorifics = WordSet(honorifics.filter { $0.count == 1 }.map { $0[0] })
        nameParticles = WordSet(DataFile(PackageResources.name_particles_txt).lines)
        nameSuffixKeys = Set(NameSuffixes.written.map { NameForms.key($0) })
        kinship = Set(DataFile(PackageResources.kinship_txt).lines)
        miscEndings = Set(DataFile(PackageResources.misc_endings_txt).lines)
        organisationNouns = Set(DataFile(PackageResources.organisation_nouns_txt).lines)
        pageWords = WordMap(
            Dictionary(grouping: DataFile(PackageResources.page_words_txt).lines.map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }, by: { $0[0] }))
        workNouns = Set(DataFile(PackageResources.work_nouns_txt).lines)
        placeNouns = PlaceNouns(rows: DataFile(PackageResources.place_nouns_tsv).rows)
        var creditsBefore: [[String]] = []
        var creditsAfter: [[String]] = []
        for row in DataFile(PackageResources.credit_cues_tsv).rows where row.count == 2 {
            let words = row[1].split(separator: " ").map(String.init)
            if row[0] == "before" { creditsBefore.append(words) } else if row[0] == "after" { creditsAfter.append(words) }
        }
        self.creditsBefore = WordMap(Dictionary(grouping: creditsBefore.filter { !$0.isEmpty }, by: { $0[$0.count - 1] }))
        self.creditsAfter = WordMap(Dictionary(grouping: creditsAfter.filter { !$0.isEmpty }, by: { $0[0] }))
        var demonyms: [String: String] = [:]
        for row in DataFile(PackageResources.demonyms_tsv).rows where row.count >= 2 {
            for adjective in row.dropFirst() { demonyms[adjective] = row[0] }
        }
        self.demonyms = demonyms
        longestDemonym = demonyms.keys.map { $0.split(separator: " ").count }.max() ?? 1
        var heads: Set<String> = []
        var modifiers: Set<String> = []
        var prefixes: [String] = []
        for row in DataFile(PackageResources.titles_tsv).rows where row.count == 2 {
            switch row[0] {
            case "head": heads.insert(row[1])
            case "prefix": prefixes.append(row[1])
            default: modifiers.insert(row[1])
            }
        }
        // A one-word office with a prefix glued before it is an office too ("co-chair").
        let oneWordHeads = heads.filter { !$0.contains(" ") }
        for prefix in prefixes { heads.formUnion(oneWordHeads.map { prefix + $0 }) }
        titleHeads = WordSet(heads)
        titleModifiers = WordSet(modifiers)
        titleHeadsByFirstWord = WordMap(
            Dictionary(grouping: heads.map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }, by: { $0[0] })
                .mapValues { $0.sorted { $0.count > $1.count } })
        titleWords = WordSet(heads.union(modifiers).union(heads.flatMap { $0.split(separator: " ").map(String.init) }))
        let occupations = DataFile(PackageResources.occupations_txt).lines
        occupationEndings = occupations.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }
        occupationsByFirstWord = Dictionary(
            grouping: occupations.filter { !$0.hasPrefix("-") }.map { $0.split(separator: " ").map(String.init) }, by: { $0[0] }
        ).mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// The ISO 3166-1 code of a country name ("Viet Nam" → "VN"), or nil.
    public func countryCode(_ name: String) -> String? {
        countryCodes[NameForms.key(name)]
    }

    /// The country whose nationality adjective `words` is, by its usual name ("Chilean" → "Chile").
    func country(ofDemonym words: String) -> String? {
        demonyms[words].flatMap { countryNames[$0] }
    }

    /// The most usual name of the country with `code`.
    public func countryName(code: String) -> String? {
        countryNames[code]
    }

    /// The number of words of the longest office's name that starts at `words[i]`, or nil.
    func titleHeadLength(at i: Int, keys words: [Word]) -> Int? {
        titleHeadsByFirstWord[words[i].key]?.first { head in
            i + head.count <= words.count && head.indices.allSatisfy { words[i + $0].key == head[$0] }
        }?.count
    }

    /// The number of words of the longest occupation that starts at `words[i]` ("coffee farmer"
    /// has one at "farmer"), or nil.
    func occupationLength(at i: Int, keys words: [Word]) -> Int? {
        let key = words[i].key
        if let length = occupationsByFirstWord[key]?.first(where: { occupation in
            i + occupation.count <= words.count && occupation.indices.allSatisfy { words[i + $0].key == occupation[$0] }
        })?.count {
            return length
        }
        guard key.utf8.count >= Self.shortestOccupationByEnding, words[i].kind == .word, !words[i].capitalised else { return nil }
        return occupationEndings.contains { key.hasSuffix($0) } ? 1 : nil
    }

    /// Whether a lower-cased word or phrase is an office's name or may stand before one.
    func isTitleWord(_ word: String) -> Bool {
        titleWords.contains(word)
    }
}

/// Comparing the written forms of names.
public enum NameForms {
    /// A name with case, hyphens, apostrophes, periods, spaces and accents left out, so that
    /// spellings of one name meet: "Anne-Marie Dubois", "Anne Marie Dubois", "ANNE MARIE DUBOIS"
    /// and "Anne-Marie Dubóis" share a key.
    public static func key(_ name: some StringProtocol) -> String {
        // ASCII, the common case, byte by byte; anything else through Unicode lower-casing.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // Written straight into the string's storage.
            return String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
                var count = 0
                for byte in name.utf8 {
                    switch byte {
                    case 0x41...0x5A: buffer[count] = byte | 0x20
                    case 0x20, 0x2D, 0x27, 0x2E: continue
                    default: buffer[count] = byte
                    }
                    count += 1
                }
                return count
            }
        }
        var scalars = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars where !ignored.contains(scalar) && !combiningAccents.contains(scalar.value) {
            if let base = baseLetters[scalar] { scalars.append(contentsOf: base.unicodeScalars) } else { scalars.append(scalar) }
        }
        return String(scalars)
    }

    private static let ignored: Set<Unicode.Scalar> = [" ", "-", "\u{2010}", "\u{2011}", "'", "\u{2019}", ".", "\u{00A0}"]

    /// The combining accents a name written in decomposed form carries ("e" and U+0301).
    private static let combiningAccents: ClosedRange<UInt32> = 0x300...0x36F

    /// Latin letters with diacritics by their base letters, lower case ("ø" → "o", "É" → "e",
    /// "æ" → "ae"), read from the Unicode names of the Latin blocks ("LATIN SMALL LETTER O WITH
    /// STROKE"), so that a name written with and without its accents ("Kjær", "Kjaer") has one
    /// key. Letters that are no accented form of one or two base letters ("ß", "ð") stay.
    private static let baseLetters: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)), let name = scalar.properties.name else { continue }
            for prefix in ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "] where name.hasPrefix(prefix) {
                let rest = name.dropFirst(prefix.count)
                let base = rest.prefix { $0 != " " }
                guard (1...2).contains(base.count), base.allSatisfy({ $0.isASCII && $0.isLetter }), rest == base || rest.hasPrefix(base + " WITH ") else { continue }
                table[scalar] = base.lowercased()
            }
        }
        return table
    }()

    /// The letter groups that romanisations of a name write differently, and what each is read
    /// as (`name-spellings.tsv`), longest first.
    private static let spellingVariants: [(variant: [Character], reading: [Character])] = DataFile(PackageResources.name_spellings_tsv).rows
        .filter { $0.count == 2 }.map { (Array($0[0]), Array($0[1])) }.sorted { $0.variant.count > $1.variant.count }

    /// A word's key as its romanisations share it: the letter groups of `name-spellings.tsv`
    /// replaced, doubled letters read as one ("terenskyy" and "terensky", "khamidov" and
    /// "hamidov" meet).
    static func spellingKey(_ key: String) -> String {
        let letters = Array(key)
        var read: [Character] = []
        var i = 0
        while i < letters.count {
            let group = spellingVariants.first { i + $0.variant.count <= letters.count && letters[i..<(i + $0.variant.count)].elementsEqual($0.variant) }
            for letter in group?.reading ?? [letters[i]] where letter != read.last { read.append(letter) }
            i += group?.variant.count ?? 1
        }
        return String(read)
    }

    /// Whether the person's name `short` (word keys) is another spelling of `long`: the same
    /// words read by ``spellingKey(_:)``, some of `long`'s middle words left out ("Yusuf
    /// Hamidov" of "Yusuf Ali Khamidov"); a lone word, the last word of `long` spelled another
    /// way (the same word alone is a surname, which the surname rules join).
    static func isSpellingVariant(_ short: [String], of long: [String]) -> Bool {
        guard let last = short.last, let longLast = long.last, short.count <= long.count, spellingKey(last) == spellingKey(longLast) else {
            return false
        }
        guard short.count > 1 else { return last != longLast }
        let spelledShort = short.map(spellingKey), spelledLong = long.map(spellingKey)
        guard spelledShort[0] == spelledLong[0] else { return false }
        // The middle words of `short`, in order, among those of `long`.
        var rest = spelledLong.dropFirst().dropLast()[...]
        for word in spelledShort.dropFirst().dropLast() {
            guard let found = rest.firstIndex(of: word) else { return false }
            rest = rest[(found + 1)...]
        }
        return true
    }

    /// The letters of a word written as initials, lower case ("K." → "k", "K.B." → "kb"); nil
    /// for any other word.
    static func initials(_ word: Substring) -> [Character]? {
        guard word.hasSuffix(".") else { return nil }
        let letters = word.dropLast().split(separator: ".", omittingEmptySubsequences: false)
        guard letters.allSatisfy({ $0.count == 1 && $0.first?.isUppercase == true }) else { return nil }
        return letters.compactMap { $0.first.map { Character($0.lowercased()) } }
    }

    /// Whether the person's name `short` writes the given names of `full` as initials: the same
    /// last word and one initial for each given name, in order ("K.B. Adeyemi" of "Kola Bisi
    /// Adeyemi", "J. Adeyemi" of "Jide Adeyemi").
    static func abbreviates(_ short: String, _ full: String) -> Bool {
        let shortWords = short.splitAtSpaces()
        let fullWords = full.splitAtSpaces()
        guard shortWords.count >= 2, fullWords.count >= 2, let last = shortWords.last, let fullLast = fullWords.last, key(last) == key(fullLast) else {
            return false
        }
        var letters: [Character] = []
        for word in shortWords.dropLast() {
            guard let initials = initials(word) else { return false }
            letters += initials
        }
        let given = fullWords.dropLast()
        return letters.count == given.count
            && zip(letters, given).allSatisfy { letter, name in name.count > 1 && initials(name) == nil && name.first.map { Character($0.lowercased()) } == letter }
    }

    /// Whether an organisation's name, as word keys, is a short form of another's (`long`): the
    /// long one without a closing word of its kind ("Acme Records", "Acme"), its members for a
    /// party ("Greens", "Green Party"), without words before a head noun ("Senate Budget
    /// Committee", "Budget Committee"), or with the head
    /// noun's "of" phrase before it ("Ministry of Health", "Health Ministry"); `endings` and
    /// `heads` are the keys of the closing words and head nouns of organisations' names.
    static func isShortForm(_ short: [String], of long: [String], endings: Set<String>, heads: Set<String>) -> Bool {
        guard !short.isEmpty, long.count > short.count else { return false }
        if long.count == short.count + 1, let closing = long.last, endings.contains(closing), long.starts(with: short) { return true }
        // "Greens": "Green Party".
        if short.count == 1, long.count == 2, heads.contains(long[1]), short[0] == long[0] + "s" { return true }
        guard short.count >= 2, let head = short.last, heads.contains(head) else { return false }
        if Array(long.suffix(short.count)) == short { return true }
        // "Health Ministry": "… Ministry of Health".
        let topic = short.dropLast()
        return long.count >= topic.count + 2 && Array(long.suffix(topic.count)) == Array(topic)
            && long[long.count - topic.count - 1] == "of" && long[long.count - topic.count - 2] == head
    }

    /// Whether `short` is an acronym of `long`: its letters stand in `long` in order, the first
    /// opening `long`'s first word, each other one opening a word or continuing the letters
    /// matched before it ("NATO" of "North Atlantic Treaty Organization", "DRC" of
    /// "Democratic Republic of the Congo"). A leading "the" of `long` is passed over.
    public static func isAcronym(_ short: String, of long: String) -> Bool {
        // A cheap look first: an acronym is short, one word, and (nearly) all capitals.
        guard short.utf8.count <= 16, long.utf8.count > short.utf8.count, !short.utf8.contains(0x20),
            short.utf8.filter({ $0 >= 0x61 && $0 <= 0x7A }).count <= 1
        else { return false }
        // The first letters must agree: a look at the bytes first for ASCII letters.
        let bytes = Array(long.utf8.prefix(5))
        let opening = bytes.count == 5 && bytes[0...3].map({ $0 | 0x20 }) == Array("the ".utf8) ? bytes[4] : bytes.first
        if let s = short.utf8.first, let l = opening, Self.isASCIILetter(s), Self.isASCIILetter(l), s | 0x20 != l | 0x20 { return false }
        let letters = Array(short.unicodeScalars.filter { $0.properties.isAlphabetic }.map { Character($0).lowercased() })
        guard (2...10).contains(letters.count), short.unicodeScalars.filter({ $0.properties.isLowercase }).count <= 1 else { return false }
        var words = long.split(whereSeparator: { $0 == " " || $0 == "-" }).map { Array($0.lowercased()).map(String.init) }
        if words.first == ["t", "h", "e"] { words.removeFirst() }
        guard words.count >= 2, words.count <= letters.count + 3, let first = words.first?.first, first == letters[0] else { return false }
        // Depth-first: letter k is found in word w at position p (p == 0, or p continues the
        // previous letter in the same word).
        func match(_ k: Int, word w: Int, at p: Int) -> Bool {
            if k == letters.count {
                // Every word of substance must be used: only short function words may be skipped.
                return w >= words.count - 1 || words[(w + 1)...].allSatisfy { $0.count <= 3 }
            }
            // The next letter: further inside the current word, or at the start of a later one.
            if p + 1 < words[w].count, let q = words[w][(p + 1)...].firstIndex(of: letters[k]) {
                if match(k + 1, word: w, at: q) { return true }
            }
            var next = w + 1
            while next < words.count {
                if words[next].first == letters[k], match(k + 1, word: next, at: 0) { return true }
                // Only a short function word ("of", "the", "and") may be skipped.
                guard words[next].count <= 3 else { break }
                next += 1
            }
            return false
        }
        return match(1, word: 0, at: 0)
    }

    /// The first letter of `name` as an acronym, lower case, when it may be one (short, one
    /// word, nearly all capitals): ``isAcronym(_:of:)`` holds only when this equals the
    /// long form's ``expansionInitial(_:)``.
    public static func acronymInitial(_ name: String) -> String? {
        guard name.utf8.count <= 16, !name.utf8.contains(0x20), name.utf8.count(where: { $0 >= 0x61 && $0 <= 0x7A }) <= 1,
            let first = name.unicodeScalars.first(where: { $0.properties.isAlphabetic })
        else { return nil }
        return Character(first).lowercased()
    }

    /// The first letter of `name` as an acronym's expansion, lower case (its first word's, a
    /// leading "the" passed over), when it has the two words an expansion needs.
    public static func expansionInitial(_ name: String) -> String? {
        // ASCII without a carriage return (whose pair with a line feed is one character), the
        // common case, byte by byte.
        if name.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var words = name.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x2D })[...]
            if let first = words.first, first.count == 3, first.elementsEqual("the".utf8, by: { $0 | 0x20 == $1 }) { words = words.dropFirst() }
            guard words.count >= 2, let first = words.first?.first else { return nil }
            return String(lowercasingASCII: CollectionOfOne(first))
        }
        var words = name.split(whereSeparator: { $0 == " " || $0 == "-" })[...]
        if words.first?.lowercased() == "the" { words = words.dropFirst() }
        guard words.count >= 2, let first = words.first?.lowercased().first else { return nil }
        return String(first)
    }

    /// Whether `byte` is an ASCII letter.
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}

/// Common nouns for places (`place-nouns.tsv`): natural features, built places and the
/// institutions housed in buildings.
struct PlaceNouns: Sendable {
    /// What a place noun makes a name the tagger read as a person's.
    private let types: [String: NameType]
    /// The nouns of natural features ("river", "lake").
    let features: Set<String>

    init(rows: [[String]]) {
        var types: [String: NameType] = [:]
        var features: Set<String> = []
        for row in rows where row.count == 2 {
            let words = row[1].split(separator: " ").map(String.init)
            for word in words { types[word] = row[0] == "institution" ? .organisation : .location }
            if row[0] == "feature" { features.formUnion(words) }
        }
        self.types = types
        self.features = features
    }

    /// The type of a name followed by the noun `key` ("NAME hospital": an organisation), or nil
    /// when `key` is no place noun.
    func typeOfName(before key: String) -> NameType? { types[key] }
}


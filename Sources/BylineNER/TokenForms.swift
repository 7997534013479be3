/// What the tagger reads off one token, computed once per token: hashes of its forms and its
/// character classes.
struct TokenForms {
    /// Character-class facts about a token.
    struct Flags: OptionSet {
        let rawValue: UInt16
        /// The first letter is upper case.
        static let initialCapital = Flags(rawValue: 1 << 0)
        /// Every letter is upper case (and there is at least one).
        static let allCapitals = Flags(rawValue: 1 << 1)
        /// No letter is upper case (and there is at least one letter).
        static let allLower = Flags(rawValue: 1 << 2)
        static let hasDigit = Flags(rawValue: 1 << 3)
        /// Only digits.
        static let allDigits = Flags(rawValue: 1 << 4)
        static let hasHyphen = Flags(rawValue: 1 << 5)
        static let hasPeriod = Flags(rawValue: 1 << 6)
        /// No letter and no digit.
        static let punctuation = Flags(rawValue: 1 << 7)
        /// Upper case after the first character ("McDonald", "iPhone").
        static let innerCapital = Flags(rawValue: 1 << 8)
        /// One letter, or one letter and a period ("J.").
        static let initial = Flags(rawValue: 1 << 9)
        /// Longer than `longWordLength` characters.
        static let long = Flags(rawValue: 1 << 10)

        /// How many flags there are (for feature numbering).
        static let count = 11
    }

    /// Characters beyond which a word is `long`.
    static let longWordLength = 12
    /// How many leading and trailing characters prefix and suffix features look at.
    static let affixLength = 4
    /// How many repeats of one character class the long shape keeps ("Xxxxxxx" → "Xxxx").
    static let shapeRunLimit = 4

    /// The word as written.
    var exact: UInt64
    /// The word in lower case, every digit written 0.
    var lower: UInt64
    /// The word's shape: X for an upper-case letter, x lower case, d digit, other characters
    /// as themselves, runs cut at `shapeRunLimit` ("Xxxx", "dddd-dd-dd").
    var shape: UInt64
    /// The shape with runs collapsed ("Xx", "d-d-d").
    var shortShape: UInt64
    /// Hashes of the lower-case prefixes (lanes 0–3, lengths 1–4) and suffixes (lanes 4–7);
    /// 0 where the word is shorter.
    var affixes: SIMD8<UInt64>
    var flags: Flags

    private enum CharacterClass: UInt32 {
        case upper = 0x58  // "X"
        case lower = 0x78  // "x"
        case digit = 0x64  // "d"
    }

    init(_ word: String) {
        var exact = FeatureHash.offsetBasis
        var lower = FeatureHash.offsetBasis
        var shape = FeatureHash.offsetBasis
        var shortShape = FeatureHash.offsetBasis
        var affixes = SIMD8<UInt64>(repeating: 0)
        var tail = SIMD4<UInt32>(repeating: 0)  // the last four lower-case units
        var flags: Flags = []
        var count = 0
        var letters = 0
        var uppers = 0
        var digits = 0
        var previousShapeUnit: UInt32 = 0
        var run = 0
        var firstLetterSeen = false

        for scalar in word.unicodeScalars {
            exact = FeatureHash.step(exact, scalar.value)
            var unit = scalar.value
            var shapeUnit = unit
            if let kind = Self.classify(scalar) {
                shapeUnit = kind.rawValue
                switch kind {
                case .upper:
                    letters += 1
                    uppers += 1
                    unit = Self.lowerCase(scalar)
                    flags.insert(firstLetterSeen ? .innerCapital : .initialCapital)
                    firstLetterSeen = true
                case .lower:
                    letters += 1
                    firstLetterSeen = true
                case .digit:
                    digits += 1
                    unit = 0x30
                }
            } else if unit == 0x2D {
                flags.insert(.hasHyphen)
            } else if unit == 0x2E {
                flags.insert(.hasPeriod)
            }
            lower = FeatureHash.step(lower, unit)
            count += 1
            if count <= Self.affixLength { affixes[count - 1] = lower }
            tail = SIMD4(tail[1], tail[2], tail[3], unit)

            if shapeUnit == previousShapeUnit {
                run += 1
            } else {
                run = 1
                shortShape = FeatureHash.step(shortShape, shapeUnit)
            }
            if run <= Self.shapeRunLimit { shape = FeatureHash.step(shape, shapeUnit) }
            previousShapeUnit = shapeUnit
        }
        var suffix = FeatureHash.offsetBasis
        for length in 1...Self.affixLength where length <= count {
            // Suffixes are hashed from the end backwards: "s", "sn", "sne"…
            suffix = FeatureHash.step(suffix, tail[Self.affixLength - length])
            affixes[Self.affixLength + length - 1] = suffix
        }

        if letters > 0 && uppers == letters { flags.insert(.allCapitals) }
        if letters > 0 && uppers == 0 { flags.insert(.allLower) }
        if digits > 0 { flags.insert(.hasDigit) }
        if digits > 0 && digits == count { flags.insert(.allDigits) }
        if letters == 0 && digits == 0 { flags.insert(.punctuation) }
        if letters == 1 && (count == 1 || (count == 2 && flags.contains(.hasPeriod))) { flags.insert(.initial) }
        if count > Self.longWordLength { flags.insert(.long) }
        self.exact = exact
        self.lower = lower
        self.shape = shape
        self.shortShape = shortShape
        self.affixes = affixes
        self.flags = flags
    }

    /// A placeholder before the first or after the last token of a sentence.
    init(padding: UInt64) {
        exact = padding
        lower = padding
        shape = padding
        shortShape = padding
        affixes = SIMD8(repeating: 0)
        flags = []
    }

    static let beforeSentence = TokenForms(padding: FeatureHash.mix(0xB05))
    static let afterSentence = TokenForms(padding: FeatureHash.mix(0xE05))

    var isCapitalized: Bool { flags.contains(.initialCapital) }
    var hasLetter: Bool { !flags.isDisjoint(with: [.allCapitals, .allLower, .initialCapital, .innerCapital]) }
    /// Whether the token has a capital letter.
    var hasCapital: Bool { !flags.isDisjoint(with: [.allCapitals, .initialCapital, .innerCapital]) }

    @inline(__always)
    private static func classify(_ scalar: Unicode.Scalar) -> CharacterClass? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: return .upper
            case 0x61...0x7A: return .lower
            case 0x30...0x39: return .digit
            default: return nil
            }
        }
        let properties = scalar.properties
        if properties.isUppercase { return .upper }
        if properties.isAlphabetic { return .lower }
        if properties.numericType == .decimal { return .digit }
        return nil
    }

    @inline(__always)
    private static func lowerCase(_ scalar: Unicode.Scalar) -> UInt32 {
        if scalar.value < 0x80 { return scalar.value | 0x20 }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
    }
}

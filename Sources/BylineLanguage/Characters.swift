/// Character classes the tokenizer and sentence splitter share.
enum CharacterClass {
    /// White space: ASCII looked at directly, other scalars through their Unicode property.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) : s.properties.isWhitespace
    }

    /// Quotation marks of every style.
    static func isQuote(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{201F}",
            "\u{201A}", "\u{201B}", "\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}", "\u{300C}",
            "\u{300D}", "\u{300E}", "\u{300F}", "\u{FF02}":
            return true
        default:
            return false
        }
    }

    /// Marks that open a quotation or a bracket.
    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\u{201C}", "\u{2018}", "\u{201E}", "\u{201A}", "\u{00AB}", "\u{2039}", "\u{300C}", "\u{300E}",
            "(", "[", "{":
            return true
        default:
            return false
        }
    }

    /// Marks that close a quotation or a bracket; straight quotes close when they touch the
    /// preceding text.
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", "\u{300D}", "\u{300F}", ")", "]", "}", "\"", "'":
            return true
        default:
            return false
        }
    }

    /// Characters split off the front of a word.
    static func isPrefix(_ s: Unicode.Scalar) -> Bool {
        if isQuote(s) { return true }
        switch s {
        case "(", "[", "{", "\u{00BF}", "\u{00A1}", "#", "*", "\u{2022}", "$": return true
        default:
            // "$" is the one currency symbol in ASCII.
            return s.value >= 0x80 && s.properties.generalCategory == .currencySymbol
        }
    }

    /// Characters split off the end of a word.
    static func isSuffix(_ s: Unicode.Scalar) -> Bool {
        if isQuote(s) { return true }
        switch s {
        case ")", "]", "}", ",", ";", ":", "!", "?", "%", "\u{2030}", "\u{2026}", "*", "\u{3001}", "\u{3002}", "\u{FF0C}":
            return true
        default:
            return false
        }
    }

    /// Dashes that separate words: em dash, en dash, horizontal bar.
    static func isDash(_ s: Unicode.Scalar) -> Bool {
        s == "\u{2014}" || s == "\u{2013}" || s == "\u{2015}"
    }

    /// The scalar whose UTF-8 encoding starts at `offset` of valid UTF-8, and its width in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        // The lead byte tells the width: 110xxxxx, 1110xxxx or 11110xxx.
        let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = lead & (0x7F >> UInt32(width))
        for k in 1..<width { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    // ASCII is answered directly; other scalars through their Unicode properties.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A : s.properties.isAlphabetic
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value >= 0x30 && s.value <= 0x39 : s.properties.numericType == .decimal
    }
    static func isUpper(_ s: Unicode.Scalar) -> Bool { s.value < 0x80 ? s.value >= 0x41 && s.value <= 0x5A : s.properties.isUppercase }
    static func isLower(_ s: Unicode.Scalar) -> Bool { s.value < 0x80 ? s.value >= 0x61 && s.value <= 0x7A : s.properties.isLowercase }
}

extension Character {
    /// Whether the character is a quotation mark of any style.
    public var isQuotationMark: Bool {
        unicodeScalars.count == 1 && CharacterClass.isQuote(unicodeScalars.first!)
    }
}

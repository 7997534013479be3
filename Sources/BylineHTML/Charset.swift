import BylineCore

/// Tells the character encoding of an HTML page: a byte-order mark, then the page's own
/// declaration (`<meta charset>` or `<meta http-equiv="Content-Type">`), checked against the
/// bytes; a page that declares nothing is UTF-8 when its bytes are, and Windows-1252 otherwise.
public enum Charset {
    /// How many bytes from the start are searched for a declaration (the HTML standard's
    /// prescan reads 1,024; pages in the wild put it later, so more is read).
    public static let prescanLength = 8_192

    /// The encoding name libxml2 should read `bytes` with; `transport` is the charset the
    /// transport declared (an HTTP `Content-Type`), which comes before the page's own.
    public static func detect(_ bytes: [UInt8], transport: String? = nil) -> String {
        detect(bytes, validUTF8: isValidUTF8(bytes), transport: transport)
    }

    /// The encoding name, when whether the bytes are valid UTF-8 is already known.
    static func detect(_ bytes: [UInt8], validUTF8 valid: Bool, transport: String? = nil) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        guard let declared = (transport ?? declaredCharset(bytes)).map(canonicalName) else {
            return valid ? "UTF-8" : "windows-1252"
        }
        if declared == "UTF-8" {
            // A page declared UTF-8 is read as UTF-8 even when some bytes are broken: they are
            // replaced (and counted), never a reason to read the whole page in another encoding.
            return "UTF-8"
        }
        // A page declared in another encoding whose non-ASCII bytes all form valid UTF-8
        // sequences was saved as UTF-8 (the declaration is stale): text in a legacy encoding
        // is almost never valid UTF-8 by chance.
        if valid && bytes.contains(where: { $0 >= 0x80 }) && !declared.hasPrefix("UTF-16") { return "UTF-8" }
        // Likewise a page whose non-ASCII text is UTF-8 but for a stray bad byte or two.
        if !valid && mostlyValidUTF8(bytes) { return "UTF-8" }
        return declared
    }

    /// The charset a `<meta>` tag near the start declares, lower-cased, or nil.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(prescanLength).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var i = 0
        while let meta = find(Array("<meta".utf8), in: head, from: i) {
            let end = head[meta...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = head[meta..<end]
            if let at = find(Array("charset".utf8), in: Array(tag), from: 0) {
                var j = tag.startIndex + at + 7
                while j < end, head[j] == 0x20 || head[j] == UInt8(ascii: "=") || head[j] == UInt8(ascii: "\"") || head[j] == UInt8(ascii: "'") {
                    j += 1
                }
                var name: [UInt8] = []
                while j < end, isNameByte(head[j]) {
                    name.append(head[j])
                    j += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            }
            i = end
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        haystack.withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0, from: start) }
    }

    /// The name libxml2 (iconv) knows for a declared charset, following the HTML standard's
    /// aliases: Latin-1 and ASCII labels mean Windows-1252, GB2312 means GB18030.
    static func canonicalName(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
            return "windows-1252"
        case "gb2312", "gbk", "gb18030", "x-gbk": return "GB18030"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cp949": return "CP949"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j": return "SHIFT_JIS"
        default: return label.uppercased()
        }
    }

    /// Whether `bytes` are valid UTF-8: ASCII is passed over eight bytes at a time, and each
    /// other sequence is checked by the standard library's decoder. No string is made.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            var i = 0
            while i < buffer.count {
                if i + 8 <= buffer.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                if buffer[i] < 0x80 {
                    i += 1
                    continue
                }
                var iterator = UnsafeBufferPointer(rebasing: buffer[i..<min(buffer.count, i + 4)]).makeIterator()
                var parser = Unicode.UTF8.ForwardParser()
                guard case .valid(let sequence) = parser.parseScalar(from: &iterator) else { return false }
                i += sequence.count
            }
            return true
        }
    }

    /// `bytes` as valid UTF-8, each broken sequence replaced by U+FFFD, and how many were.
    static func repairedUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], replaced: Int) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var replaced = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { out.append($0) }
            case .error:
                replaced += 1
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput: break loop
            }
        }
        return (out, replaced)
    }

    /// Whether at most one in a hundred non-ASCII sequences is broken (and some are whole): a
    /// UTF-8 page with a few damaged bytes rather than a page in another encoding.
    static func mostlyValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var good = 0
        var bad = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value >= 0x80 { good += 1 }
            case .error: bad += 1
            case .emptyInput: break loop
            }
        }
        return good > 0 && bad * 100 <= good
    }
}

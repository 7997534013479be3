/// JSON written straight into bytes, in the layout of Foundation's `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when asked): the same bytes,
/// without building a tree of values first.
///
/// The caller writes an object's keys in ascending UTF-8 order (a debug build checks it).
/// U+0085, U+2028 and U+2029 are written as `\u` escapes: JSON allows them raw, but many line
/// readers (Python's `splitlines`, JavaScript before ES2019) break lines there, which would split
/// one JSON Lines record in two.
///
///     var out = JSONOutput(pretty: false)
///     out.openObject()
///     out.member("name", "Ann")
///     out.closeObject()     // {"name":"Ann"}
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// How many containers are open.
    private var depth = 0
    /// Bit `d`: the container open at depth `d` has an element already.
    private var hasElements: UInt64 = 0
    #if DEBUG
        /// The last key written in each open object, to check their order.
        private var lastKeys: [[UInt8]] = []
    #endif

    init(pretty: Bool, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts an element of the array open now.
    mutating func element() {
        separate()
    }

    /// Starts the member `name` of the object open now; its value comes next. The name is a
    /// field name, which needs no escaping.
    mutating func key(_ name: StaticString) {
        separate()
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        #if DEBUG
            assert(!utf8.contains { Self.escapes[Int($0)] }, "a field name that needs escaping: \(name)")
            assert(lastKeys[lastKeys.count - 1].lexicographicallyPrecedes(utf8), "JSON keys out of order at \(name)")
            lastKeys[lastKeys.count - 1] = Array(utf8)
        #endif
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        colon()
    }

    /// Starts the member `name` of the object open now (a key that is data, not a field name).
    mutating func key(_ name: String) {
        separate()
        string(name)
        colon()
    }

    /// The member `name` of the object open now with a string value (null for nil).
    mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// The member `name` of the object open now with a string value given as UTF-8 bytes.
    mutating func member(_ name: StaticString, _ utf8: UnsafeBufferPointer<UInt8>) {
        key(name)
        string(utf8)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string($0) }
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A string from its UTF-8 bytes.
    mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var run = 0  // where the bytes not yet copied start
        var i = 0
        let count = utf8.count
        let escapes = Self.escapes
        while i < count {
            let byte = utf8[i]
            guard escapes[Int(byte)] else {
                i += 1
                continue
            }
            var escape: StaticString?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20: escape = ""
            case 0xC2 where i + 1 < count && utf8[i + 1] == 0x85:
                escape = "\\u0085"
                width = 2
            case 0xE2 where i + 2 < count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default: break
            }
            guard let escape else {
                i += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            if escape.utf8CodeUnitCount > 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            } else {
                // Another control character: \u00XX, lower-case hex.
                raw("\\u00")
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            }
            i += width
            run = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<count]))
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        // The digits, last first, into a buffer wide enough for any Int.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[digits.count - 1 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(digits.count - count)...]))
        }
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest description, without a
    /// trailing ".0" (`2.0` → `2`).
    ///
    /// - Throws: `EncodingError.invalidValue` for infinities and NaN, which JSON cannot hold.
    mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) cannot be written in JSON"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        raw(text)
    }

    mutating func null() {
        raw("null")
    }

    /// Bytes that need no escaping, as they are.
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        depth += 1
        precondition(depth < UInt64.bitWidth, "JSON nested too deep")
        hasElements &= ~(1 << UInt64(depth))
        #if DEBUG
            lastKeys.append([])
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
        bytes.append(bracket)
        #if DEBUG
            lastKeys.removeLast()
        #endif
    }

    /// The comma before every element but the first, and the element's line and indentation.
    private mutating func separate() {
        if hasElements & (1 << UInt64(depth)) != 0 {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
        } else {
            hasElements |= 1 << UInt64(depth)
        }
        if pretty { indent() }
    }

    private mutating func colon() {
        if pretty { raw(" : ") } else { bytes.append(UInt8(ascii: ":")) }
    }

    private mutating func indent() {
        for _ in 0..<depth { raw("  ") }
    }

    /// Per byte: whether a string's byte may need escaping: a control character, a quotation
    /// mark, a backslash, or the first byte of U+0085, U+2028 or U+2029.
    private static let escapes: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xC2 || byte == 0xE2
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}

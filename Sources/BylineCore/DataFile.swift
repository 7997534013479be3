/// Reads Byline's rule and word-list files.
///
/// Every data file under a module's `Resources/` opens with `#` comment lines saying what it is,
/// its format and where it came from. Blank lines and lines starting with `#` are skipped;
/// fields are separated by tabs.
public struct DataFile: Sendable {
    /// The content lines, trimmed, without comments and blank lines.
    public let lines: [String]

    public init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        lines = text.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingWhiteSpace()
            return line.isEmpty || line.hasPrefix("#") ? nil : String(line)
        }
    }

    /// Each content line split at tabs into trimmed fields.
    public var rows: [[String]] {
        lines.map { line in line.split(separator: "\t", omittingEmptySubsequences: true).map { String($0.trimmingWhiteSpace()) } }
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space (including non-breaking spaces).
    public func trimmingWhiteSpace() -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}

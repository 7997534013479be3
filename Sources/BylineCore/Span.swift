/// A half-open range of UTF-8 byte offsets into a document's `text`.
///
/// Inside Byline every offset is a UTF-8 offset (Swift's native string view); the JSON contract
/// speaks Unicode code-point offsets, and ``OffsetMap`` converts at that boundary.
///
///     let span = Span(0, 5)   // the first five bytes of the text
public struct Span: Hashable, Comparable, Sendable {
    /// The first byte, inclusive.
    public let start: Int
    /// The byte after the last one, exclusive.
    public let end: Int

    /// Creates a span; `start` must not be negative and must not exceed `end`.
    public init(_ start: Int, _ end: Int) {
        precondition(start >= 0 && start <= end, "invalid span \(start)..<\(end)")
        self.start = start
        self.end = end
    }

    /// The number of bytes covered.
    public var length: Int { end - start }

    /// Whether the span covers no byte.
    public var isEmpty: Bool { start == end }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    /// Whether the two spans share at least one byte.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    /// How many bytes the two spans share (0 when they do not overlap).
    public func overlap(with other: Span) -> Int { max(0, min(end, other.end) - max(start, other.start)) }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension String {
    /// The part of the string covered by `span` (UTF-8 offsets).
    public subscript(span: Span) -> Substring {
        let utf8 = self.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: span.start)
        let upper = utf8.index(lower, offsetBy: span.length)
        return self[lower..<upper]
    }
}

extension Span {
    /// The spans of the stretches of `text` between blank lines (lines of nothing but spaces and
    /// tabs), without their outer white space: the paragraphs of plain text.
    public static func blankLineBlocks(of text: String) -> [Span] {
        var spans: [Span] = []
        var blockStart: Int?
        var blockEnd = 0
        var lineHasText = false
        var firstText = 0
        var offset = 0
        func endLine(at end: Int) {
            if lineHasText {
                if blockStart == nil { blockStart = firstText }
                blockEnd = end
            } else if let start = blockStart {
                spans.append(Span(start, blockEnd))
                blockStart = nil
            }
        }
        var lastText = 0
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == UInt8(ascii: "\n") {
                    endLine(at: lastText)
                    lineHasText = false
                } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                    if !lineHasText { firstText = offset }
                    lineHasText = true
                    lastText = offset + 1
                    // A multi-byte scalar's continuation bytes also land here, moving lastText
                    // to the scalar's end.
                }
                offset += 1
            }
        }
        endLine(at: lastText)
        if let start = blockStart { spans.append(Span(start, blockEnd)) }
        return spans
    }
}

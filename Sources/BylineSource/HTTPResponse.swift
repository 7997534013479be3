import BylineCore

/// An HTTP/1.x response as a WARC `response` record holds it: the status line, the header
/// fields, and the body, with chunked transfer encoding undone and a gzip or deflate content
/// encoding decompressed (within the document size limit).
struct HTTPResponse {
    /// The status code (200).
    let status: Int
    /// The media type of `Content-Type`, lower-cased (`text/html`), or nil.
    let mediaType: String?
    /// The `charset` parameter of `Content-Type`, lower-cased, or nil.
    let charset: String?
    /// The body, decoded.
    let body: [UInt8]

    /// The longest header section read.
    private static let maximumHeaderLength = 1 << 16
    private static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml"]

    /// Reads a response from a record's content.
    ///
    /// - Throws: ``BylineError`` of kind `badRecord` when the content is no HTTP response, its
    ///   chunks are broken, or its body cannot be decompressed.
    init(_ content: [UInt8], limits: ReadLimits) throws(BylineError) {
        guard content.starts(with: Array("HTTP/".utf8)) else {
            throw BylineError(.badRecord, "not an HTTP response (the content does not start with HTTP/)")
        }
        let head = content.prefix(Self.maximumHeaderLength)
        guard let (headerEnd, bodyStart) = Self.endOfHeaders(head) else {
            throw BylineError(.badRecord, "the HTTP header fields do not end")
        }
        let lines = head[..<headerEnd].split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)
        }
        let statusWords = lines[0].split(separator: " ", maxSplits: 2)
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
            throw BylineError(.badRecord, "the HTTP status line has no status code")
        }
        self.status = status
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            fields[key] = fields[key].map { $0 + ", " + value } ?? value
        }
        let contentType = fields["content-type"].map { $0.split(separator: ";").map { $0.trimmingSpaces.lowercased() } }
        mediaType = contentType?.first
        charset = contentType?.dropFirst().first { $0.hasPrefix("charset=") }.map {
            String($0.dropFirst("charset=".count)).trimming("\"'")
        }
        var body = Array(content[bodyStart...])
        if fields["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try Self.dechunked(body)
        }
        switch fields["content-encoding"]?.lowercased() {
        case nil, "", "identity":
            break
        case "gzip", "x-gzip", "deflate":
            body = try Self.inflated(body, limits: limits)
        case let other?:
            throw BylineError(.badRecord, "a body in the \(other) content encoding, which Byline does not read")
        }
        self.body = body
    }

    /// Why the response is not an HTML page to read, or nil when it is one.
    var reasonToSkip: String? {
        if status != 200 { return "HTTP status other than 200" }
        if let mediaType, !Self.htmlTypes.contains(mediaType) { return "not HTML" }
        if mediaType == nil && !Self.looksLikeHTML(body) { return "not HTML" }
        return nil
    }

    /// Where the header fields end (the empty line) and the body starts.
    private static func endOfHeaders(_ head: ArraySlice<UInt8>) -> (Int, Int)? {
        var i = head.startIndex
        while let newline = head[i...].firstIndex(of: 0x0A) {
            let next = newline + 1
            if next < head.endIndex, head[next] == 0x0A { return (newline, next + 1) }
            if next + 1 < head.endIndex, head[next] == 0x0D, head[next + 1] == 0x0A { return (newline, next + 2) }
            i = next
        }
        return nil
    }

    /// A body without a declared type is HTML when a tag that only HTML has opens it.
    private static func looksLikeHTML(_ body: [UInt8]) -> Bool {
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }

    /// A chunked body joined: each chunk is a hexadecimal size line and that many bytes; a
    /// zero size ends the body.
    static func dechunked(_ body: [UInt8]) throws(BylineError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            guard let newline = body[i...].firstIndex(of: 0x0A) else { break }
            let sizeText = String(decoding: body[i..<newline], as: UTF8.self).split(separator: ";").first?.trimmingSpaces ?? ""
            guard let size = Int(sizeText.trimming("\r"), radix: 16), size >= 0 else {
                throw BylineError(.badRecord, "broken chunked transfer encoding (a chunk size that is no hexadecimal number)")
            }
            if size == 0 { return out }
            let start = newline + 1
            guard start + size <= body.count else {
                throw BylineError(.badRecord, "broken chunked transfer encoding (a chunk runs past the record)")
            }
            out.append(contentsOf: body[start..<(start + size)])
            i = start + size
            while i < body.count, body[i] == 0x0D || body[i] == 0x0A { i += 1 }
        }
        return out
    }

    /// A gzip or zlib body decompressed, within the document size limit.
    private static func inflated(_ body: [UInt8], limits: ReadLimits) throws(BylineError) -> [UInt8] {
        let inflater = try GzipStream(MemoryStream(body), name: "", acceptingZlib: true)
        guard let bytes = try BufferedInput(inflater).readToEnd(limit: limits.maximumDocumentSize) else {
            throw limits.tooLarge("", what: "the decompressed body")
        }
        return bytes
    }
}

extension String {
    /// The text without any of `characters` at either end.
    func trimming(_ characters: String) -> String {
        let trimmed = drop { characters.contains($0) }
        return String(trimmed.reversed().drop { characters.contains($0) }.reversed())
    }
}

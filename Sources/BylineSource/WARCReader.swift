import BylineCore

/// How the records of one WARC archive were used.
public struct WARCRecordCounts: Sendable, Equatable {
    /// Records read, whole or damaged.
    public var records = 0
    /// HTML responses handed on as documents.
    public var documents = 0
    /// Records passed over, by reason (`"request record"`, `"not HTML"`, `"HTTP status 404"`).
    public var skipped: [String: Int] = [:]
    /// Records, or stretches of the file, that could not be read.
    public var damaged = 0

    /// One line: `12 records: 4 documents, 6 request records skipped, 2 damaged`.
    public var summary: String {
        var parts = ["\(documents) document\(documents == 1 ? "" : "s")"]
        for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) { parts.append("\(count) skipped (\(reason))") }
        if damaged > 0 { parts.append("\(damaged) damaged") }
        return "\(records) WARC record\(records == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }
}

/// Reads a WARC archive (WARC 1.0 and 1.1; plain, or gzip compressed as a whole or record by
/// record) one record at a time, and hands on its HTTP `response` records with an HTML
/// payload as documents: the record's `WARC-Target-URI` is the document's URI and its
/// `WARC-Date` a fallback publication date.
///
/// A record is a version line (`WARC/1.1`), named header fields, an empty line,
/// `Content-Length` bytes of content and two line ends. Damage (a cut-short record, a length
/// that does not match, a broken gzip member, a header that cannot be read) is reported as
/// one failure and reading goes on at the next record found; a record larger than the
/// document size limit is passed over without being kept in memory.
final class WARCReader {
    private let input: BufferedInput
    private let name: String
    private let limits: ReadLimits
    private let gzip: GzipStream?
    private var pending: [SourceItem] = []
    private var finished = false
    /// Set after damage: the next record is found by its version line.
    private var searching = false
    /// Between a record's version line and its end.
    private var inRecord = false
    private(set) var counts = WARCRecordCounts()

    /// The longest header line read; a longer one is damage.
    private static let maximumLineLength = 1 << 16
    /// The most header lines a record may have.
    private static let maximumHeaderLines = 1_000
    private static let version = Array("WARC/".utf8)

    init(_ input: BufferedInput, name: String, limits: ReadLimits, gzip: GzipStream?) {
        self.input = input
        self.name = name
        self.limits = limits
        self.gzip = gzip
    }

    /// The next document, failure or (at the end) the record counts.
    func next() -> SourceItem? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            if finished { return nil }
            do {
                if let item = try nextRecord() { return item }
            } catch {
                recover(from: error)
            }
        }
    }

    /// Queues a failure of the current record (`record 3 (URI): reason`), or of what follows
    /// the last record read when `betweenRecords`.
    private func fail(_ reason: String, uri: String? = nil, betweenRecords: Bool = false) {
        counts.damaged += 1
        let which = betweenRecords ? "after record \(counts.records)" : "record \(counts.records)"
        pending.append(.failure(BylineError(.badRecord, input: name, "\(which)\(uri.map { " (\($0))" } ?? ""): \(reason)")))
    }

    /// After a read error (a damaged gzip member, an unreadable file): reports it and moves to
    /// the next gzip member, or ends the archive.
    private func recover(from error: BylineError) {
        fail(error.reason, betweenRecords: !inRecord)
        guard let gzip, (try? gzip.resynchronize()) == true else {
            finish()
            return
        }
        input.discardBuffered()
        searching = true
    }

    private func finish() {
        finished = true
        pending.append(.notice("\(name): \(counts.summary)"))
    }

    /// Reads one record; nil when it gave nothing to return (skipped, or a failure queued).
    private func nextRecord() throws(BylineError) -> SourceItem? {
        inRecord = false
        guard let versionLine = try nextVersionLine() else {
            finish()
            return nil
        }
        guard versionLine.starts(with: Self.version) else {
            fail("no WARC version line where a record should start; reading on at the next record", betweenRecords: true)
            searching = true
            return nil
        }
        counts.records += 1
        inRecord = true
        guard let headers = try readHeaders() else {
            fail("its header fields are cut short or too long")
            searching = true
            return nil
        }
        let uri = headers["warc-target-uri"].map(Self.targetURI)
        guard let lengthField = headers["content-length"], let length = Int64(lengthField), length >= 0 else {
            fail("no valid Content-Length", uri: uri)
            searching = true
            return nil
        }
        let type = headers["warc-type"]?.lowercased() ?? "unknown"
        let keep = type == "response" && length <= limits.maximumDocumentSize
        var block: [UInt8] = []
        if keep {
            block = try input.read(Int(length))
            guard block.count == length else {
                fail("cut short: \(block.count) of its \(length) bytes", uri: uri)
                return nil
            }
        } else {
            let skipped = try input.skip(length)
            guard skipped == length else {
                fail("cut short: \(skipped) of its \(length) bytes", uri: uri)
                return nil
            }
        }
        guard try endOfRecord() else {
            fail("its Content-Length (\(length)) does not match the record: no record end after it", uri: uri)
            resumeInside(block)
            return nil
        }
        guard type == "response" else {
            counts.skipped["\(type) record", default: 0] += 1
            return nil
        }
        guard keep else {
            counts.damaged += 1
            pending.append(.failure(limits.tooLarge(name, what: "record \(counts.records) (\(uri ?? "no URI"))")))
            return nil
        }
        let response: HTTPResponse
        do {
            response = try HTTPResponse(block, limits: limits)
        } catch {
            fail(error.reason, uri: uri)
            return nil
        }
        if let skip = response.reasonToSkip {
            counts.skipped[skip, default: 0] += 1
            return nil
        }
        counts.documents += 1
        return .document(SourceDocument(
            uri: uri ?? "\(name)#record-\(counts.records)", bytes: response.body, container: .warcRecord,
            declaredCharset: response.charset, fallbackPublished: headers["warc-date"].flatMap(Self.captureDate)))
    }

    /// The next line that can start a record: blank lines between records are passed over, and
    /// after damage so is everything up to a version line.
    private func nextVersionLine() throws(BylineError) -> [UInt8]? {
        while let line = try input.readLine(maximumLength: Self.maximumLineLength) {
            if line.isEmpty { continue }
            if searching && !line.starts(with: Self.version) { continue }
            searching = false
            return line
        }
        return nil
    }

    /// The header fields up to the empty line, by lower-cased name; a line starting with white
    /// space continues the field before it. Nil when the fields are cut short or too many.
    private func readHeaders() throws(BylineError) -> [String: String]? {
        var fields: [String: String] = [:]
        var last: String?
        for _ in 0..<Self.maximumHeaderLines {
            guard let line = try input.readLine(maximumLength: Self.maximumLineLength) else { return nil }
            if line.isEmpty { return fields }
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09, let last {
                fields[last, default: ""] += " " + text.trimmingSpaces
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimmingSpaces.lowercased()
            fields[key] = text[text.index(after: colon)...].trimmingSpaces
            last = key
        }
        return nil
    }

    /// Whether the record ends here: two line ends (or fewer, when the next record or the end
    /// of the file follows at once), which are taken.
    private func endOfRecord() throws(BylineError) -> Bool {
        let next: ArraySlice<UInt8>
        do {
            next = try input.peek(4 + Self.version.count)
        } catch {
            // The content was whole; the damage after it belongs to what follows, and is met
            // again when the next record is read.
            return true
        }
        let breaks = next.prefix { $0 == 0x0D || $0 == 0x0A }.prefix(4)
        let rest = next.dropFirst(breaks.count)
        guard breaks.elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) || rest.isEmpty || rest.starts(with: Self.version) else {
            return false
        }
        _ = try input.skip(Int64(breaks.count))
        return true
    }

    /// After a record whose length was wrong, reads on from the first version line inside its
    /// content (the next record, when the length was too long), or searches after it.
    private func resumeInside(_ block: [UInt8]) {
        searching = true
        let marker = Array("\nWARC/".utf8)
        let found = block.withUnsafeBufferPointer { ByteSearch.firstIndex(of: marker, in: $0) }
        if let found { input.unread(block[(found + 1)...]) }
    }

    /// The target URI without the angle brackets WARC 1.0 writers sometimes put around it.
    private static func targetURI(_ field: String) -> String {
        field.hasPrefix("<") && field.hasSuffix(">") ? String(field.dropFirst().dropLast()) : field
    }

    /// A `WARC-Date` (`2024-05-01T08:30:00Z`, perhaps with a fraction of a second) as a date
    /// stamp.
    private static func captureDate(_ field: String) -> DateStamp? {
        guard let dot = field.firstIndex(of: ".") else { return DateStamp(parsing: field) }
        return DateStamp(parsing: String(field[..<dot]) + String(field[dot...].drop { $0 == "." || $0.isNumber }))
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    var trimmingSpaces: String {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = firstIndex(where: isText), let last = lastIndex(where: isText) else { return "" }
        return String(self[first...last])
    }
}

import BylineCore
import Foundation

/// A file in the CoNLL-2003 layout: one token per line with the token first and (optionally)
/// the entity tag last among white-space separated fields, blank lines between sentences and
/// `-DOCSTART-` lines between documents.
public struct CoNLLFile: Sendable {
    /// One document: its sentences of tokens, and the tags the file gives them (empty strings
    /// where a line has no tag column).
    public struct Document: Sendable {
        public var sentences: [[String]]
        public var tags: [[String]]
    }

    /// What a line of the file is.
    enum LineKind: Sendable, Equatable {
        case token
        /// A blank line or a `-DOCSTART-` line, echoed as it is.
        case separator
    }

    /// The marker that opens a document.
    public static let documentStart = "-DOCSTART-"

    /// The lines, without line ends.
    let lines: [Substring]
    let kinds: [LineKind]
    public let documents: [Document]

    /// Reads the file at `path`.
    public init(path: String) throws(BylineError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw BylineError(exists ? .unreadable : .notFound, input: path, exists ? "cannot be read" : "no such file")
        }
        do {
            try self.init(bytes: [UInt8](data))
        } catch {
            throw error.about(path)
        }
    }

    /// Reads CoNLL text from `bytes`, which must be UTF-8 text.
    public init(bytes: [UInt8]) throws(BylineError) {
        if let zero = bytes.firstIndex(of: 0) {
            throw BylineError(.binaryInput, "binary data (a NUL byte at offset \(zero)), not CoNLL text")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BylineError(.invalidEncoding, "not valid UTF-8")
        }
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.contains(where: { !Self.fields($0).isEmpty }) else {
            throw BylineError(.emptyInput, "empty input")
        }

        var kinds: [LineKind] = []
        kinds.reserveCapacity(lines.count)
        var documents: [Document] = []
        var document = Document(sentences: [], tags: [])
        var sentence: [String] = []
        var sentenceTags: [String] = []
        func endSentence() {
            guard !sentence.isEmpty else { return }
            document.sentences.append(sentence)
            document.tags.append(sentenceTags)
            sentence = []
            sentenceTags = []
        }
        func endDocument() {
            endSentence()
            if !document.sentences.isEmpty { documents.append(document) }
            document = Document(sentences: [], tags: [])
        }
        for line in lines {
            let fields = Self.fields(line)
            guard let token = fields.first else {
                kinds.append(.separator)
                endSentence()
                continue
            }
            if token == Self.documentStart {
                kinds.append(.separator)
                endDocument()
                continue
            }
            kinds.append(.token)
            sentence.append(String(token))
            sentenceTags.append(fields.count > 1 ? String(fields[fields.count - 1]) : "")
        }
        endDocument()
        self.lines = lines
        self.kinds = kinds
        self.documents = documents
    }

    /// The white-space separated fields of a line (ASCII white space: CoNLL files use spaces
    /// and tabs, and tokens may hold any other character).
    private static func fields(_ line: Substring) -> [Substring] {
        line.utf8.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0B || $0 == 0x0C || $0 == 0x0D }.map { Substring($0) }
    }

    /// Checks that every token line ends with an entity tag: O, or B-, I-, E-, S-, L- or U-
    /// followed by PER, ORG, LOC or MISC (the data a trainer needs).
    public func checkTags() throws(BylineError) {
        for (number, (line, kind)) in zip(lines, kinds).enumerated() where kind == .token {
            let fields = Self.fields(line)
            let tag = fields.count > 1 ? fields[fields.count - 1] : ""
            if tag == "O" { continue }
            let parts = tag.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, ["B", "I", "E", "S", "L", "U"].contains(parts[0]), EntityType(name: parts[1]) != nil else {
                let what = tag.isEmpty ? "no entity tag" : "'\(tag)' is not an entity tag"
                throw BylineError(.unsupportedFormat, "line \(number + 1): \(what)")
            }
        }
    }

    /// The file's lines with a tab and a tag appended to each token's first field: token lines
    /// become `token<TAB>tag`; blank and `-DOCSTART-` lines are echoed. `tags` holds one tag per
    /// token, in the order of ``documents``.
    public func tagged(_ tags: [[[String]]]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(lines.count * 16)
        var tokens = documents.lazy.flatMap(\.sentences).joined().makeIterator()
        var flat = tags.joined().joined().makeIterator()
        for (line, kind) in zip(lines, kinds) {
            switch kind {
            case .separator:
                output.append(contentsOf: line.utf8)
            case .token:
                output.append(contentsOf: (tokens.next() ?? "").utf8)
                output.append(UInt8(ascii: "\t"))
                output.append(contentsOf: (flat.next() ?? "O").utf8)
            }
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }
}

import BylineCore
import Foundation

/// An article annotated with its attributions in brat standoff, as PolNeAR is (Newell,
/// Margolin & Ruths, LREC 2018): the training and development data of the quote stage's models.
///
/// A corpus folder holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`; an article
/// annotated by several annotators is read from its alphabetically first file. In an `.ann`
/// file, `T` lines give a role (Source, Cue, Content, Attribution) and its character offsets
/// (Unicode scalars, fragments separated by `;`), and `E` lines tie the roles of one
/// attribution together. Spans here are byte offsets into `text`, as in ``Document``.
public struct AnnotatedArticle: Sendable {
    /// One attribution: who (source), by which words (cue), says what (content).
    public struct Attribution: Sendable, Equatable {
        public var source: [Span]
        public var cue: [Span]
        public var content: [Span]

        /// From the first content fragment's start to the last one's end; nil without content.
        public var contentExtent: Span? { Self.extent(content) }
        /// From the first source fragment's start to the last one's end; nil without a source.
        public var sourceExtent: Span? { Self.extent(source) }

        private static func extent(_ spans: [Span]) -> Span? {
            guard let start = spans.map(\.start).min(), let end = spans.map(\.end).max() else { return nil }
            return Span(start, end)
        }
    }

    /// The article's name: its text file's name without `.txt`.
    public let name: String
    public let text: String
    public let attributions: [Attribution]

    /// Reads an article from its text and its brat annotations.
    public init(name: String, text: String, annotations: String) throws(BylineError) {
        self.name = name
        self.text = text
        let bytes = Self.byteOffsets(of: text)
        var spans: [String: [Span]] = [:]
        var attributions: [Attribution] = []
        for (number, line) in annotations.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let kind = fields[0].first else { continue }
            if kind == "T" {
                let locations = fields[1].split(separator: " ", maxSplits: 1).dropFirst().first ?? ""
                var fragments: [Span] = []
                for location in locations.split(separator: ";") {
                    let ends = location.split(separator: " ").compactMap { Int($0) }
                    guard ends.count == 2, 0 <= ends[0], ends[0] <= ends[1], ends[1] < bytes.count else {
                        throw BylineError(.unsupportedFormat, input: name, "annotation line \(number + 1): offsets \(location) are not inside the text")
                    }
                    fragments.append(Span(bytes[ends[0]], bytes[ends[1]]))
                }
                spans[String(fields[0])] = fragments
            } else if kind == "E" {
                var roles: [String: [Span]] = [:]
                for argument in fields[1].split(separator: " ") {
                    guard let colon = argument.firstIndex(of: ":") else { continue }
                    let role = argument[..<colon].trimmingCharacters(in: .decimalDigits)
                    roles[role, default: []] += spans[String(argument[argument.index(after: colon)...])] ?? []
                }
                guard let content = roles["Content"], !content.isEmpty else { continue }
                attributions.append(Attribution(source: roles["Source"] ?? [], cue: roles["Cue"] ?? [], content: content))
            }
        }
        self.attributions = attributions
    }

    /// Reads every article of a corpus folder that has annotations, in the order of their names.
    public static func corpus(at folder: URL) throws(BylineError) -> [AnnotatedArticle] {
        let files = FileManager.default
        let textFolder = folder.appendingPathComponent("text"), annotationFolder = folder.appendingPathComponent("attributions")
        guard let names = try? files.contentsOfDirectory(atPath: textFolder.path),
            let annotationNames = try? files.contentsOfDirectory(atPath: annotationFolder.path)
        else {
            throw BylineError(.notFound, input: folder.path, "not an annotated corpus: it needs text/ and attributions/ folders")
        }
        let sortedAnnotations = annotationNames.filter { $0.hasSuffix(".ann") }.sorted()
        var articles: [AnnotatedArticle] = []
        for file in names.filter({ $0.hasSuffix(".txt") }).sorted() {
            let name = String(file.dropLast(4))
            guard let annotations = sortedAnnotations.first(where: { $0.hasPrefix(name + "_") }) else { continue }
            let textURL = textFolder.appendingPathComponent(file), annotationURL = annotationFolder.appendingPathComponent(annotations)
            guard let text = try? String(contentsOf: textURL, encoding: .utf8),
                let annotationText = try? String(contentsOf: annotationURL, encoding: .utf8)
            else {
                throw BylineError(.unreadable, input: textURL.path, "it or its annotations cannot be read as UTF-8 text")
            }
            articles.append(try AnnotatedArticle(name: name, text: text, annotations: annotationText))
        }
        return articles
    }

    /// The byte offset of each Unicode scalar of `text`, and of its end.
    private static func byteOffsets(of text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        var byte = 0
        for scalar in text.unicodeScalars {
            offsets.append(byte)
            byte += UTF8.width(scalar)
        }
        offsets.append(byte)
        return offsets
    }
}

import BylineCore
import CLibXML2

/// A parsed HTML page: libxml2's tree, read in recover mode with no network access.
///
///     let page = try HTMLDocument(bytes: bytes, uri: "page.html")
///     page.withRoot { root in root?.first(.p)?.textContent }
///
/// Nodes are views into the tree, valid only inside ``withRoot(_:)``.
public final class HTMLDocument {
    private let document: htmlDocPtr
    /// The encoding the page was read in.
    public let encoding: String

    /// Parses a page.
    ///
    /// - Throws: ``BylineError`` of kind `unsupportedFormat` when libxml2 builds no tree at all.
    public init(bytes: [UInt8], uri: String) throws(BylineError) {
        let valid = Charset.isValidUTF8(bytes)
        var encoding = Charset.detect(bytes, validUTF8: valid)
        var input = bytes
        if encoding == "UTF-8" && !valid {
            // libxml2 would switch to Latin-1 at the first bad byte; repair the few instead.
            input = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        if encoding.hasPrefix("UTF-16") == false && input.starts(with: [0xEF, 0xBB, 0xBF]) {
            input.removeFirst(3)
            encoding = "UTF-8"
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue)
        // libxml2 reports problems of recovered pages on standard error unless told otherwise.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let parsed: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                htmlReadMemory(chars, Int32(clamping: buffer.count), nil, encoding, options)
            }
        }
        guard let parsed else {
            throw BylineError(.unsupportedFormat, input: uri, "libxml2 could not read the page as HTML")
        }
        self.document = parsed
        self.encoding = encoding
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Calls `body` with the root element (`<html>`, or whatever the root is). Nodes are views
    /// into the document: they must not escape `body`, during which the document stays alive.
    public func withRoot<T>(_ body: (HTMLNode?) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) {
            try body(xmlDocGetRootElement(document).map(HTMLNode.init))
        }
    }

    /// The libxml2 version this build runs with.
    public static var libxml2Version: String { LIBXML_DOTTED_VERSION }
}

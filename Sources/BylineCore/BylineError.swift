/// An error Byline reports to its user: what went wrong, and with which input.
///
/// Match on ``kind`` in `catch`; print ``description`` for the one-line message
/// (`PATH: reason`) that the command-line tool writes after `byline: `.
public struct BylineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The class of failure. Another module adds its own kinds in an extension (the store's
    /// `cannotOpenStore`).
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        /// A kind named by a short, lower-case phrase ("empty input").
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The input has no bytes, or only white space.
        public static let emptyInput = Kind("empty input")
        /// The input holds NUL bytes or other binary data where text was expected.
        public static let binaryInput = Kind("binary input")
        /// The bytes are not valid UTF-8.
        public static let invalidEncoding = Kind("invalid encoding")
        /// No file or directory at the path.
        public static let notFound = Kind("not found")
        /// The input exists but could not be read.
        public static let unreadable = Kind("unreadable")
        /// Output could not be written (a full disk, a closed pipe).
        public static let unwritable = Kind("unwritable")
        /// A compressed input is damaged or cut short.
        public static let badCompression = Kind("bad compression")
        /// The input, or one document in it, is larger than the size limit.
        public static let tooLarge = Kind("too large")
        /// A document took longer than its time limit and was left out.
        public static let tooSlow = Kind("too slow")
        /// A record of an archive (WARC) is damaged or cut short.
        public static let badRecord = Kind("bad record")
        /// The input is of a kind no reader handles.
        public static let unsupportedFormat = Kind("unsupported format")
        /// The pipeline's stages do not fit together.
        public static let pipeline = Kind("pipeline")
        /// A command-line value is malformed.
        public static let invalidArgument = Kind("invalid argument")
    }

    public let kind: Kind
    /// The input the error is about, as the user named it; nil when it concerns no input.
    public let input: String?
    /// A short, lower-case reason.
    public let reason: String

    public init(_ kind: Kind, input: String? = nil, _ reason: String) {
        self.kind = kind
        self.input = input
        self.reason = reason
    }

    /// The same error, about `input`.
    public func about(_ input: String) -> BylineError {
        BylineError(kind, input: input, reason)
    }

    /// `PATH: reason`, or the reason alone.
    public var description: String {
        guard let input else { return reason }
        return "\(input): \(reason)"
    }
}

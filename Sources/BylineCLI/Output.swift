import BylineCore
import Foundation

/// A file descriptor written with `write(2)` in blocks of 64 KiB: a failed write (a full disk,
/// `> /dev/full`) is a ``BylineError``, where `FileHandle` would stop the process.
///
/// So that a reader of a slow stream sees output as it is made, what is held is also written
/// when the first piece comes and when the last write is a second old.
final class OutputFile {
    private let descriptor: Int32
    private let name: String
    private var pending: [UInt8] = []
    private var lastWrite: ContinuousClock.Instant?
    private static let blockSize = 1 << 16
    private static let longestHold = Duration.seconds(1)

    /// Writes to `descriptor`, named `name` in errors.
    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        pending.reserveCapacity(Self.blockSize * 2)
    }

    /// Standard output.
    static func standardOutput() -> OutputFile { OutputFile(descriptor: 1, name: "standard output") }

    /// Adds `bytes`; writes once a block is full.
    func write(_ bytes: some Sequence<UInt8>) throws(BylineError) {
        pending.append(contentsOf: bytes)
        guard !pending.isEmpty else { return }
        if pending.count >= Self.blockSize || lastWrite.map({ ContinuousClock.now - $0 >= Self.longestHold }) ?? true { try flush() }
    }

    /// Writes everything held.
    func flush() throws(BylineError) {
        lastWrite = .now
        defer { pending.removeAll(keepingCapacity: true) }
        let failure: Int32? = pending.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let count = Foundation.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
        if let failure {
            throw BylineError(.unwritable, input: name, "cannot write: \(String(cString: strerror(failure)))")
        }
    }
}

/// Writes `byline: message` and a line end to standard error; a failure to do so is ignored,
/// there being nowhere left to say it.
func reportOnStandardError(_ message: String) {
    let line = Array("byline: \(message)\n".utf8)
    line.withUnsafeBytes { raw in
        var written = 0
        while written < raw.count {
            let count = Foundation.write(2, raw.baseAddress! + written, raw.count - written)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            written += count
        }
    }
}

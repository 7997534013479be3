import BylineCore
import CZlib
import Foundation

/// Writes gzip data to a new file as it is given (one gzip member), so that a large output
/// costs no more memory than zlib's window and a buffer.
final class GzipFileWriter {
    private let path: String
    private let descriptor: Int32
    private let file: OutputFile
    private let zlib: UnsafeMutablePointer<z_stream>
    private var out = [UInt8](repeating: 0, count: 1 << 16)
    private var closed = false

    /// Creates (or empties) the file at `path`.
    init(path: String) throws(BylineError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BylineError(.unwritable, input: path, "cannot create: \(String(cString: strerror(errno)))")
        }
        file = OutputFile(descriptor: descriptor, name: path)
        zlib = .allocate(capacity: 1)
        zlib.initialize(to: z_stream())
        // 15 window bits + 16: gzip framing; memory level 8, as gzip itself uses.
        guard deflateInit2_(zlib, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            Foundation.close(descriptor)
            zlib.deallocate()
            throw BylineError(.unwritable, input: path, "cannot start gzip compression")
        }
    }

    deinit {
        deflateEnd(zlib)
        zlib.deallocate()
        if !closed { Foundation.close(descriptor) }
    }

    /// Compresses and writes `bytes`.
    func write(_ bytes: Data) throws(BylineError) {
        guard !bytes.isEmpty else { return }
        var failure: BylineError?
        bytes.withUnsafeBytes { raw in
            zlib.pointee.next_in = UnsafeMutablePointer(mutating: raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
            zlib.pointee.avail_in = UInt32(raw.count)
            do throws(BylineError) {
                try deflateAll(flush: Z_NO_FLUSH)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Ends the gzip data and writes it all to the disk (`fsync`), then closes the file.
    func finish() throws(BylineError) {
        zlib.pointee.next_in = nil
        zlib.pointee.avail_in = 0
        try deflateAll(flush: Z_FINISH)
        try file.flush()
        closed = true
        let synced = fsync(descriptor) == 0
        let reason = errno
        Foundation.close(descriptor)
        guard synced else { throw BylineError(.unwritable, input: path, "cannot write: \(String(cString: strerror(reason)))") }
    }

    /// Runs deflate until it has taken all its input (and, with `Z_FINISH`, ended the data).
    private func deflateAll(flush: Int32) throws(BylineError) {
        while true {
            let (status, produced) = out.withUnsafeMutableBufferPointer { buffer in
                zlib.pointee.next_out = buffer.baseAddress
                zlib.pointee.avail_out = UInt32(buffer.count)
                let status = deflate(zlib, flush)
                return (status, buffer.count - Int(zlib.pointee.avail_out))
            }
            if produced > 0 { try file.write(out[..<produced]) }
            if status == Z_STREAM_END { return }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                throw BylineError(.unwritable, input: path, "gzip compression failed (error \(status))")
            }
            if flush == Z_NO_FLUSH, zlib.pointee.avail_in == 0, zlib.pointee.avail_out > 0 { return }
        }
    }
}

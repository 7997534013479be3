import BylineCore
import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of bytes read front to back, a piece at a time: a file, standard input, or the
/// decompression of another stream. Nothing is read before it is asked for, so an endless
/// input (`/dev/zero`) costs only what the reader keeps.
protocol ByteStream: AnyObject {
    /// Fills the start of `buffer` and returns how many bytes it put there; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BylineError) -> Int
    /// Moves the read position to `offset` from the start; false when the stream cannot seek.
    func seek(to offset: Int64) -> Bool
    /// The read position from the start, or nil when the stream cannot seek.
    var position: Int64? { get }
}

extension ByteStream {
    func seek(to offset: Int64) -> Bool { false }
    var position: Int64? { nil }
}

/// Bytes already in memory (an HTTP body to decompress), as a stream.
final class MemoryStream: ByteStream {
    private let bytes: [UInt8]
    private var next = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BylineError) -> Int {
        let count = min(buffer.count, bytes.count - next)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            buffer.baseAddress!.copyMemory(from: raw.baseAddress! + next, byteCount: count)
        }
        next += count
        return count
    }
}

/// The bytes of an open file descriptor, read with `read(2)`.
final class FileStream: ByteStream {
    private let descriptor: Int32
    private let closesOnEnd: Bool
    /// The input's name, for errors.
    let name: String

    /// Reads `descriptor`; closes it when the stream goes away if `closesOnEnd`.
    init(descriptor: Int32, closesOnEnd: Bool, name: String) {
        self.descriptor = descriptor
        self.closesOnEnd = closesOnEnd
        self.name = name
    }

    deinit {
        if closesOnEnd { close(descriptor) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BylineError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let got = Glibc.read(descriptor, base, buffer.count)
            #else
            let got = Darwin.read(descriptor, base, buffer.count)
            #endif
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw BylineError(.unreadable, input: name, "cannot read: \(String(cString: strerror(errno)))")
        }
    }

    func seek(to offset: Int64) -> Bool {
        lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset)
    }

    var position: Int64? {
        let offset = lseek(descriptor, 0, SEEK_CUR)
        return offset < 0 ? nil : Int64(offset)
    }
}

/// The decompression of a gzip (or, when asked, zlib) stream of one or more members (zero padding between or after
/// members is allowed), inflated as it is read: memory stays at zlib's window and two
/// buffers however large the content.
///
/// After a damaged member, ``resynchronize()`` finds the next member's header and goes on
/// from there, as a WARC reader needs to read on past one bad record.
final class GzipStream: ByteStream {
    private let source: any ByteStream
    /// The input's name, for errors.
    private let name: String
    private let zlib: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    /// Inside a member (its header was seen, its end not yet).
    private var inMember = false
    private var sourceEnded = false
    /// Where, in the compressed file, the current member starts, when the file can seek.
    private var memberStart: Int64?
    /// How many compressed bytes were taken from the source before the current input buffer.
    private var consumedBefore: Int64 = 0
    private var inputCount = 0

    /// Inflates `source`, named `name` in errors; `acceptingZlib` also reads zlib framing
    /// (HTTP's `deflate` content encoding).
    init(_ source: any ByteStream, name: String, acceptingZlib: Bool = false) throws(BylineError) {
        self.source = source
        self.name = name
        zlib = .allocate(capacity: 1)
        zlib.initialize(to: z_stream())
        input = .allocate(byteCount: 1 << 16, alignment: 8)
        // 15 window bits, + 16 for gzip framing only, + 32 for either gzip or zlib framing.
        guard inflateInit2_(zlib, acceptingZlib ? 15 + 32 : 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            zlib.deallocate()
            input.deallocate()
            throw BylineError(.badCompression, input: name, "cannot start gzip decompression")
        }
        consumedBefore = source.position ?? 0
    }

    deinit {
        inflateEnd(zlib)
        zlib.deallocate()
        input.deallocate()
    }

    /// The compressed offset of the next byte zlib will read.
    private var compressedOffset: Int64 { consumedBefore + Int64(inputCount - Int(zlib.pointee.avail_in)) }

    /// Refills the input buffer, keeping the last `keeping` unread bytes at its front. False at
    /// the source's end.
    private func refill(keeping: Int = 0) throws(BylineError) -> Bool {
        let unread = Int(zlib.pointee.avail_in)
        let kept = min(keeping, unread)
        if kept > 0, let next = zlib.pointee.next_in {
            memmove(input.baseAddress!, next, kept)
        }
        consumedBefore += Int64(inputCount - kept)
        let got = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[kept...]))
        inputCount = kept + got
        zlib.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
        zlib.pointee.avail_in = UInt32(inputCount)
        if got == 0 { sourceEnded = true }
        return got > 0
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BylineError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            if zlib.pointee.avail_in == 0, !sourceEnded { _ = try refill() }
            if !inMember {
                // Between members: zero padding is passed over; the end here is a clean end.
                while zlib.pointee.avail_in > 0, zlib.pointee.next_in.pointee == 0 {
                    zlib.pointee.next_in += 1
                    zlib.pointee.avail_in -= 1
                }
                if zlib.pointee.avail_in == 0 {
                    if sourceEnded { return 0 }
                    continue
                }
                inMember = true
                memberStart = compressedOffset
            } else if zlib.pointee.avail_in == 0, sourceEnded {
                throw BylineError(.badCompression, input: name, "truncated gzip data")
            }
            zlib.pointee.next_out = base.assumingMemoryBound(to: UInt8.self)
            zlib.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
            let status = inflate(zlib, Z_NO_FLUSH)
            let produced = min(buffer.count, Int(UInt32.max)) - Int(zlib.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                inMember = false
                guard inflateReset(zlib) == Z_OK else {
                    throw BylineError(.badCompression, input: name, "cannot read the next gzip member")
                }
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let detail = zlib.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw BylineError(.badCompression, input: name, "corrupt gzip data (\(detail))")
            }
            if produced > 0 { return produced }
        }
    }

    /// After an error inside a member, moves to the start of the next member (the bytes
    /// `1F 8B 08`) after the damaged member's start. False when no member follows.
    func resynchronize() throws(BylineError) -> Bool {
        inflateReset(zlib)
        inMember = false
        // Search again from just past the damaged member's header when the file can seek: the
        // inflater may have read into the next member before it noticed the damage.
        if let start = memberStart, source.seek(to: start + 1) {
            consumedBefore = start + 1
            inputCount = 0
            zlib.pointee.avail_in = 0
            sourceEnded = false
        }
        while true {
            while zlib.pointee.avail_in >= 3 {
                let next = zlib.pointee.next_in!
                if next[0] == 0x1F, next[1] == 0x8B, next[2] == 0x08 { return true }
                zlib.pointee.next_in += 1
                zlib.pointee.avail_in -= 1
            }
            if sourceEnded { return false }
            if try !refill(keeping: 2) { return false }
        }
    }
}

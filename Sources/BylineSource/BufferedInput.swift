import BylineCore

/// A ``ByteStream`` read through a buffer: lines, runs of bytes of a given length, and bytes
/// put back, as a record reader needs them. ``offset`` counts the bytes taken so far, for
/// error messages.
final class BufferedInput {
    private let stream: any ByteStream
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var ended = false
    /// How many bytes of the stream have been taken (read, skipped or peeked past).
    private(set) var offset: Int64 = 0

    init(_ stream: any ByteStream, capacity: Int = 1 << 18) {
        self.stream = stream
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    private var available: Int { end - start }

    /// Reads more into the buffer; false at the end of the stream.
    private func fill() throws(BylineError) -> Bool {
        guard !ended else { return false }
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { bytes in
                bytes.baseAddress!.update(from: bytes.baseAddress! + start, count: end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let got = try buffer.withUnsafeMutableBytes { raw in
            Result { () throws(BylineError) in try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...])) }
        }.get()
        if got == 0 { ended = true }
        end += got
        return got > 0
    }

    /// Up to `count` bytes from the read position, without taking them.
    func peek(_ count: Int) throws(BylineError) -> ArraySlice<UInt8> {
        while available < count, try fill() {}
        return buffer[start..<(start + min(count, available))]
    }

    /// The next line without its line end (LF or CRLF), or nil at the end of the stream. A line
    /// longer than `maximumLength` is cut there, and the rest is left for the next call.
    func readLine(maximumLength: Int) throws(BylineError) -> [UInt8]? {
        var searched = 0
        while true {
            if let newline = buffer[(start + searched)..<end].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                if line.last == 0x0D { line.removeLast() }
                take(newline + 1 - start)
                return line
            }
            searched = available
            if available >= maximumLength {
                let line = Array(buffer[start..<(start + maximumLength)])
                take(maximumLength)
                return line
            }
            if try !fill() {
                guard available > 0 else { return nil }
                let line = Array(buffer[start..<end])
                take(available)
                return line
            }
        }
    }

    /// The next `count` bytes, or fewer at the end of the stream.
    func read(_ count: Int) throws(BylineError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(count, 1 << 24))
        while out.count < count {
            if available == 0, try !fill() { break }
            let piece = min(available, count - out.count)
            out.append(contentsOf: buffer[start..<(start + piece)])
            take(piece)
        }
        return out
    }

    /// Passes over the next `count` bytes without keeping them; returns how many there were.
    func skip(_ count: Int64) throws(BylineError) -> Int64 {
        var skipped: Int64 = 0
        while skipped < count {
            if available == 0, try !fill() { break }
            let piece = Int(min(Int64(available), count - skipped))
            take(piece)
            skipped += Int64(piece)
        }
        return skipped
    }

    /// Everything up to the end of the stream, or nil when there is more than `limit` bytes
    /// (then no more than `limit` + 1 bytes were read).
    func readToEnd(limit: Int) throws(BylineError) -> [UInt8]? {
        let bytes = try read(limit + 1)
        return bytes.count > limit ? nil : bytes
    }

    /// Puts `bytes` back in front of the read position: they are read again next.
    func unread(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        if start >= bytes.count {
            start -= bytes.count
            buffer.replaceSubrange(start..<(start + bytes.count), with: bytes)
        } else {
            let rest = Array(bytes) + buffer[start..<end]
            buffer.replaceSubrange(start..<end, with: rest)
            end = start + rest.count
        }
        offset -= Int64(bytes.count)
    }

    /// Forgets what is buffered (after the stream below moved on past damage); the stream is
    /// read again from where it now stands.
    func discardBuffered() {
        start = 0
        end = 0
        ended = false
    }

    /// Whatever is buffered (reading more when nothing is), copied into `target`: the stream
    /// read through the buffer. Returns 0 at the end.
    func readAvailable(into target: UnsafeMutableRawBufferPointer) throws(BylineError) -> Int {
        if available == 0, try !fill() { return 0 }
        let count = min(available, target.count)
        buffer.withUnsafeBytes { raw in
            target.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: count)
        }
        take(count)
        return count
    }

    /// The position in the stream below of the next byte to read, when it can seek.
    var position: Int64? { stream.position.map { $0 - Int64(available) } }

    /// Moves to `offset` in the stream below, forgetting what is buffered; false when the stream
    /// cannot seek.
    func seek(to offset: Int64) -> Bool {
        guard stream.seek(to: offset) else { return false }
        discardBuffered()
        return true
    }

    private func take(_ count: Int) {
        start += count
        offset += Int64(count)
    }
}

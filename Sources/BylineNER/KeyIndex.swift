/// An open-addressing map from 32-bit feature keys to 32-bit payloads, built once and then only
/// read.
///
/// Keys are folded feature hashes; 0 is never a key (``FeatureKey/fold(_:)`` avoids it), so an
/// all-zero slot is empty.
struct KeyIndex: Sendable {
    /// `key << 32 | payload` per slot.
    private let slots: LookupTable<UInt64>
    private let mask: Int

    /// The largest share of slots in use.
    private static let maximumLoad = 0.6

    /// An index where `keys[i]` maps to `payloads[i]`; keys must be distinct and non-zero.
    init(keys: [UInt32], payloads: [UInt32]) {
        precondition(keys.count == payloads.count)
        var capacity = 16
        while Double(keys.count) > Double(capacity) * Self.maximumLoad { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (key, payload) in zip(keys, payloads) {
            var slot = Self.home(of: key, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(key) << 32 | UInt64(payload)
        }
        self.slots = LookupTable(slots)
        self.mask = mask
    }

    /// Writes the payloads of the keys present to `found` and returns how many there are.
    ///
    /// Every key's home slot is first copied out in a loop whose writes go one after another:
    /// no write waits on what a read brought, so the cache misses of all the keys are under way
    /// at once. Only then are the copies sorted into found and displaced keys, and the keys whose
    /// home slot holds another key probed further.
    @inline(__always)
    func payloads(of keys: [UInt32], into found: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let slots = slots.elements
        return keys.withUnsafeBufferPointer { keys in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: keys.count) { homes in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: keys.count) { displaced in
                    for (k, key) in keys.enumerated() { homes[k] = slots[Self.home(of: key, mask: mask)] }
                    var foundCount = 0
                    var displacedCount = 0
                    for (k, key) in keys.enumerated() {
                        let slotKey = UInt32(truncatingIfNeeded: homes[k] >> 32)
                        found[foundCount] = UInt32(truncatingIfNeeded: homes[k])
                        foundCount &+= slotKey == key ? 1 : 0
                        displaced[displacedCount] = key
                        displacedCount &+= slotKey != key && slotKey != 0 ? 1 : 0
                    }
                    for key in displaced[..<displacedCount] {
                        var slot = (Self.home(of: key, mask: mask) + 1) & mask
                        while slots[slot] != 0 {
                            if UInt32(truncatingIfNeeded: slots[slot] >> 32) == key {
                                found[foundCount] = UInt32(truncatingIfNeeded: slots[slot])
                                foundCount += 1
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                    return foundCount
                }
            }
        }
    }

    /// The payload of `key`, or nil.
    @inline(__always)
    func payload(of key: UInt32) -> UInt32? {
        let slots = slots.elements
        var slot = Self.home(of: key, mask: mask)
        while true {
            let entry = slots[slot]
            if UInt32(truncatingIfNeeded: entry >> 32) == key { return UInt32(truncatingIfNeeded: entry) }
            if entry == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func home(of key: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }
}

/// Feature keys: 64-bit feature hashes folded to the 32 bits the model stores.
enum FeatureKey {
    @inline(__always)
    static func fold(_ hash: UInt64) -> UInt32 {
        let key = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        return key == 0 ? 1 : key
    }
}

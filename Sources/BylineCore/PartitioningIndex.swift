extension RandomAccessCollection {
    /// In a collection split in two by a test (every element that passes comes after every one
    /// that does not, as in a sorted array asked "at or after this value?"), the index of the first
    /// element that passes, or `endIndex` when none does; found by binary search, in O(log n).
    ///
    ///     [2, 3, 3, 7, 9].partitioningIndex { $0 >= 3 }  // 1
    ///     [2, 3, 3, 7, 9].partitioningIndex { $0 > 3 }   // 3
    @inlinable
    public func partitioningIndex(where passes: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var length = count
        while length > 0 {
            let half = length / 2
            let middle = index(low, offsetBy: half)
            if try passes(self[middle]) {
                length = half
            } else {
                low = index(after: middle)
                length -= half + 1
            }
        }
        return low
    }
}

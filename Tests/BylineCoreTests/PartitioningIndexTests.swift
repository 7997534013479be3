import BylineCore
import Testing

@Test func thePartitioningIndexIsTheFirstElementThatPasses() {
    let sorted = [2, 3, 3, 7, 9]
    #expect(sorted.partitioningIndex { $0 >= 3 } == 1)
    #expect(sorted.partitioningIndex { $0 > 3 } == 3)
    #expect(sorted.partitioningIndex { $0 >= 0 } == 0)
    #expect(sorted.partitioningIndex { $0 > 9 } == sorted.endIndex)
    #expect([Int]().partitioningIndex { $0 > 0 } == 0)
    // Every index of a longer array, against a linear scan.
    let long = Array(0..<100).map { $0 / 3 }
    for value in -1...35 {
        #expect(long.partitioningIndex { $0 >= value } == (long.firstIndex { $0 >= value } ?? long.count))
    }
    // A slice keeps its own indices.
    #expect(sorted[2...].partitioningIndex { $0 > 3 } == 3)
}

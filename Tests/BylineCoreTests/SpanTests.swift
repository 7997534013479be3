import BylineCore
import Testing

@Test func spanSubscriptReadsUTF8Offsets() {
    let text = "Séoul — 서울"
    // "Séoul" is 6 bytes (é takes two); the em dash three; each Hangul syllable three.
    #expect(text[Span(0, 6)] == "Séoul")
    #expect(text[Span(7, 10)] == "—")
    #expect(text[Span(11, 17)] == "서울")
}

@Test func spanContainsAndOverlaps() {
    let outer = Span(2, 10)
    #expect(outer.contains(Span(2, 10)))
    #expect(outer.contains(Span(3, 4)))
    #expect(!outer.contains(Span(1, 4)))
    #expect(outer.overlaps(Span(9, 12)))
    #expect(!outer.overlaps(Span(10, 12)))
    #expect(Span(5, 5).isEmpty)
}

@Test func spanOverlapCountsTheSharedBytes() {
    #expect(Span(2, 10).overlap(with: Span(8, 20)) == 2)
    #expect(Span(2, 10).overlap(with: Span(4, 6)) == 2)
    #expect(Span(2, 10).overlap(with: Span(10, 12)) == 0)
}

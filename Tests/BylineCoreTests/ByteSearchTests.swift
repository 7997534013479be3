import BylineCore
import Testing

private func find(_ needle: String, in haystack: String, from start: Int = 0, ignoringCase: Bool = false) -> Int? {
    Array(haystack.utf8).withUnsafeBufferPointer {
        ByteSearch.firstIndex(of: Array(needle.utf8), in: $0, from: start, ignoringASCIICase: ignoringCase)
    }
}

@Test func bytesAreFoundWhereTheyStand() {
    #expect(find("</script", in: "<p>a</p><script>x</script>") == 17)
    #expect(find("ab", in: "aab") == 1)
    #expect(find("ab", in: "aab", from: 2) == nil)
    #expect(find("abc", in: "ab") == nil)
    #expect(find("x", in: "") == nil)
}

@Test func asciiCaseIsIgnoredWhenAsked() {
    #expect(find("</script", in: "<P>a</P></SCRIPT>", ignoringCase: true) == 8)
    #expect(find("</script", in: "<P>a</P></SCRIPT>") == nil)
}

@Test func vocabularyTestsAreByteForByte() {
    #expect("all rights reserved.".containsBytes("rights"))
    #expect(!"café".containsBytes("cafe"))
    #expect("ABC".asciiLowercased() == "abc")
    #expect("ÉCOLE".asciiLowercased() == "École".uppercased().asciiLowercased())
}

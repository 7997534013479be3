import BylineCore
import Testing

@Test func dataFileKeepsTrimmedContentLinesAndSplitsRowsAtTabs() {
    let text = "# A word list, made up for this test.\r\n\r\n  ministry\tbody \r\nfalls\t\t down\u{2028}# a comment\u{85}\u{A0}cabinet\u{A0}\t\u{2003}office\u{2003}\n"
    let file = DataFile(Array(text.utf8))
    #expect(file.lines == ["ministry\tbody", "falls\t\t down", "cabinet\u{A0}\t\u{2003}office"])
    #expect(file.rows == [["ministry", "body"], ["falls", "down"], ["cabinet", "office"]])
}

@Test func trimmingWhiteSpaceTakesWholeCharactersAsSwiftDoes() {
    // A space carrying a combining mark is one character, white space as its first scalar is.
    #expect(" \u{301}word \u{301}".trimmingWhiteSpace() == "word")
    // A CR LF pair is one character; a mark after it is a character of its own.
    #expect("\r\n\u{301}word\r\n".trimmingWhiteSpace() == "\u{301}word")
    #expect("\u{A0}\tword\u{3000} ".trimmingWhiteSpace() == "word")
    #expect("word".trimmingWhiteSpace() == "word")
    #expect(" \t\r\n ".trimmingWhiteSpace().isEmpty)
    let line: Substring = "[ inner words ]".dropFirst().dropLast()
    #expect(line.trimmingWhiteSpace() == "inner words")
}

@Test func splitAtSpacesGivesTheWordsSplittingAtSpaceCharactersGives() {
    for text in ["Ana  Ruiz Ortega ", " Dana Holt", "", "   ", "Jos\u{E9} Ruiz", "Ana \u{301}Ruiz", "one\r\ntwo three"] {
        #expect(text.splitAtSpaces() == text.split(separator: " "), "\(text)")
    }
    let line: Substring = "(Ana Ruiz)".dropFirst().dropLast()
    #expect(line.splitAtSpaces() == ["Ana", "Ruiz"])
}

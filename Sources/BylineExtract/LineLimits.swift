/// How long the short lines of a news page run, in words and bytes: the limits both the
/// scraped-text reader and the HTML reader's trimming apply before a line-level rule (chrome,
/// author line, stamp, photo credit) may take a line. Set by hand from the shape of such lines
/// on news pages: widgets and prompts are a few words, author lines and stamps a short clause.
enum LineLimits {
    /// A line of chrome (a widget, a prompt) has at most this many words …
    static let maximumChromeWords = 12
    /// … and at most this many bytes.
    static let maximumChromeBytes = 100
    /// Author lines and stamps have at most this many words.
    static let maximumLabelWords = 20
    /// A promotion (a sign-up or follow prompt) has at most this many words.
    static let maximumPromotionWords = 30
    /// A label of related links ("Related coverage", "Also read") has at most this many words.
    static let maximumRelatedLabelWords = 5
    /// A note about the author after the article ("Jane Doe covers energy for The Courier.")
    /// has at most this many words.
    static let maximumAuthorNoteWords = 40
    /// A photo credit has at most this many words.
    static let maximumCreditWords = 10
}

/// The kinds of short line on a news page that a line-level rule of the scraped-text reader or
/// of the HTML reader's trimming may take, each with how long such a line runs at most. Set by
/// hand from the shape of such lines on news pages: widgets and prompts are a few words, author
/// lines and stamps a short clause.
enum ShortLine {
    /// A line of chrome: a widget or a prompt (at most ``maximumChromeBytes`` long, too).
    case chrome
    /// An author line or a stamp.
    case label
    /// A promotion: a sign-up or follow prompt.
    case promotion
    /// A label of related links ("Related coverage", "Also read").
    case relatedLabel
    /// A note about the author after the article ("Jane Doe covers energy for The Courier.").
    case authorNote
    /// A photo credit.
    case credit

    /// The most words a line of this kind has.
    var maximumWords: Int {
        switch self {
        case .relatedLabel: 5
        case .credit: 10
        case .chrome: 12
        case .label: 20
        case .promotion: 30
        case .authorNote: 40
        }
    }

    /// The most bytes a line of chrome has.
    static let maximumChromeBytes = 100

    /// Whether `line` is no longer than a line of this kind.
    func admits(_ line: ScrapedLine) -> Bool {
        line.words <= maximumWords
    }
}

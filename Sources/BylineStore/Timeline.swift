/// The dated milestones of one or two entities across articles.
///
/// An entry of an article's timeline is a milestone of the names asked for when its sentence
/// mentions one of them, or when the article is about them (each among its most-mentioned
/// entities). Entries of one date that say the same thing (a few content words in common) are
/// one milestone, citing every article that states it.
///
///     let milestones = Timeline.milestones(from: try await store.timelineEntries(of: ["Acme", "Globex"]))
public enum Timeline {
    /// A milestone and every article that states it.
    public struct Milestone: Sendable, Hashable, Codable {
        public var date: String
        /// The fullest statement of it.
        public var text: String
        public var evidence: [Evidence]
        /// The articles that state it, each once.
        public var articles: [ArticleCitation]
    }

    /// One statement of a milestone.
    public struct Evidence: Sendable, Hashable, Codable {
        public var text: String
        public var start: Int
        public var end: Int
        public var article: String
    }

    /// The rank among an article's entities (by mentions) up to which the article counts as
    /// being about an entity: the article's subjects, for entries that name neither.
    static let subjectRank = 3
    /// Content words two statements of one date must share to be one milestone.
    static let sharedStems = 2
    /// Words shorter than this are not content words; longer ones are compared by this prefix
    /// (a crude stem: "established" and "establishing" agree).
    static let stemLength = 5

    /// Merges the candidates into milestones in date order.
    public static func milestones(from candidates: [TimelineCandidate]) -> [Milestone] {
        let kept = candidates.filter { candidate in
            candidate.mentioned.contains(true) || candidate.rank.allSatisfy { $0 <= subjectRank }
        }
        var milestones: [(milestone: Milestone, stems: Set<String>)] = []
        for candidate in kept {
            let stems = stems(of: candidate.text)
            let evidence = Evidence(text: candidate.text, start: candidate.start, end: candidate.end, article: candidate.citation.article)
            if let index = milestones.firstIndex(where: { $0.milestone.date == candidate.date && $0.stems.intersection(stems).count >= sharedStems }) {
                milestones[index].milestone.evidence.append(evidence)
                milestones[index].stems.formUnion(stems)
                if !milestones[index].milestone.articles.contains(candidate.citation) {
                    milestones[index].milestone.articles.append(candidate.citation)
                }
                if candidate.text.count > milestones[index].milestone.text.count {
                    milestones[index].milestone.text = candidate.text
                }
            } else {
                milestones.append((Milestone(date: candidate.date, text: candidate.text, evidence: [evidence], articles: [candidate.citation]), stems))
            }
        }
        return milestones.map(\.milestone).enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    private static func stems(of text: String) -> Set<String> {
        Set(FullTextQuery.words(text.lowercased()).filter { $0.count >= stemLength && !$0.allSatisfy(\.isNumber) }.map { String($0.prefix(stemLength)) })
    }
}

/// The four CoNLL-2003 entity types.
public enum EntityType: Int, CaseIterable, Sendable {
    case person, organization, location, miscellaneous

    /// The CoNLL name: PER, ORG, LOC or MISC.
    public var name: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .miscellaneous: "MISC"
        }
    }

    /// The type named `name` (PER, ORG, LOC, MISC), or nil.
    public init?(name: some StringProtocol) {
        guard let type = EntityType.allCases.first(where: { $0.name == name }) else { return nil }
        self = type
    }
}

/// A BILOU tag: outside, or the beginning, inside, last token or unit (single token) of an
/// entity of one type. The tagger predicts BILOU tags; they are written out as IOB2.
struct EntityTag: Hashable, Sendable {
    /// Where a token stands in its entity.
    enum Position: Int, CaseIterable, Sendable {
        case begin, inside, last, unit
    }

    /// 0 for O; 1 + 4 × type + position otherwise.
    let index: Int

    /// The number of distinct tags: O and four positions of four types.
    static let count = 1 + EntityType.allCases.count * Position.allCases.count
    static let outside = EntityTag(index: 0)
    static let all = (0..<count).map { EntityTag(index: $0) }

    init(index: Int) {
        self.index = index
    }

    init(_ type: EntityType, _ position: Position) {
        index = 1 + type.rawValue * Position.allCases.count + position.rawValue
    }

    var type: EntityType? {
        index == 0 ? nil : EntityType(rawValue: (index - 1) / Position.allCases.count)
    }

    var position: Position? {
        index == 0 ? nil : Position(rawValue: (index - 1) % Position.allCases.count)
    }

    /// Whether an entity is still open after this tag (B or I), so the next tag must continue it.
    var opensEntity: Bool {
        position == .begin || position == .inside
    }

    /// Whether `next` may follow this tag: an open entity continues with I or L of its type;
    /// otherwise O, B or U starts afresh.
    func allows(_ next: EntityTag) -> Bool {
        if opensEntity {
            return next.type == type && (next.position == .inside || next.position == .last)
        }
        return next.position == nil || next.position == .begin || next.position == .unit
    }

    /// The IOB2 tag: B- for B and U, I- for I and L.
    var iob2: String {
        guard let type, let position else { return "O" }
        switch position {
        case .begin, .unit: return "B-" + type.name
        case .inside, .last: return "I-" + type.name
        }
    }

    /// The IOB2 spelling of every tag, indexed by `index`.
    static let iob2Names = all.map(\.iob2)
}

/// An entity in a sentence: token range `start..<end` and type.
public struct EntitySpan: Hashable, Sendable {
    public let start: Int
    public let end: Int
    public let type: EntityType

    public init(start: Int, end: Int, type: EntityType) {
        self.start = start
        self.end = end
        self.type = type
    }
}

enum TagScheme {
    /// The entities of one sentence tagged IOB1, IOB2 or BILOU, read as conlleval reads them:
    /// B- (or U-) starts an entity; I- starts one after O or another type; a tag that is not
    /// of the form X-TYPE with a known type counts as O.
    static func spans(_ tags: [String]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var open: (start: Int, type: EntityType)?
        var previousEnds = true
        for (i, tag) in tags.enumerated() {
            let parsed = parse(tag)
            let startsAfresh = parsed.map { "BUS".contains($0.prefix) } ?? true
            if let current = open, startsAfresh || previousEnds || parsed?.type != current.type {
                spans.append(EntitySpan(start: current.start, end: i, type: current.type))
                open = nil
            }
            if let parsed, open == nil {
                open = (i, parsed.type)
            }
            previousEnds = parsed.map { "LUES".contains($0.prefix) } ?? true
        }
        if let current = open {
            spans.append(EntitySpan(start: current.start, end: tags.count, type: current.type))
        }
        return spans
    }

    private static func parse(_ tag: String) -> (prefix: Character, type: EntityType)? {
        let parts = tag.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 1, let prefix = parts[0].first,
            let type = EntityType(name: parts[1])
        else { return nil }
        return (prefix, type)
    }

    /// BILOU tags for a sentence of `count` tokens holding `spans`.
    static func bilou(_ spans: [EntitySpan], count: Int) -> [EntityTag] {
        var tags = Array(repeating: EntityTag.outside, count: count)
        for span in spans {
            if span.end - span.start == 1 {
                tags[span.start] = EntityTag(span.type, .unit)
                continue
            }
            tags[span.start] = EntityTag(span.type, .begin)
            for i in span.start + 1..<span.end - 1 { tags[i] = EntityTag(span.type, .inside) }
            tags[span.end - 1] = EntityTag(span.type, .last)
        }
        return tags
    }

    /// The entities of a sentence tagged with BILOU tags, read as their IOB2 spelling reads: a B
    /// or U tag, or a tag of another type, starts an entity; I and L continue one.
    static func spans(_ tags: [EntityTag]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var open: (start: Int, type: EntityType)?
        for (i, tag) in tags.enumerated() {
            let continues = tag.position == .inside || tag.position == .last
            if let current = open, !continues || tag.type != current.type {
                spans.append(EntitySpan(start: current.start, end: i, type: current.type))
                open = nil
            }
            if let type = tag.type, open == nil { open = (i, type) }
        }
        if let current = open { spans.append(EntitySpan(start: current.start, end: tags.count, type: current.type)) }
        return spans
    }
}

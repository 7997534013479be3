/// The name of a rule, sieve or pattern inside a stage, as the JSON contract writes it.
///
/// Stages list their rules as the cases of a ``StageRule`` enum, so a rule is never spelled
/// twice; a rule read from data (a time pattern's row) is named by its row.
public struct RuleID: Hashable, Sendable, CustomStringConvertible {
    /// The contract's name of the rule, e.g. `"appositive"`.
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }
}

/// The rules of one stage, a case each. A rule's name in the contract is its case's name with
/// each capital letter written as a hyphen and the small letter (`titleBeforeName` is
/// `title-before-name`); a raw value given in that form already stays as it is. What each rule
/// means is written once, in the analysis module's rule catalogue (`Resources/rules.tsv`).
///
///     enum RoleRule: String, StageRule { case appositive, titleBeforeName }
///     RoleRule.titleBeforeName.id   // RuleID("title-before-name")
public protocol StageRule: RawRepresentable<String>, CaseIterable, Hashable, Sendable {}

extension StageRule {
    /// The rule as facts record it.
    public var id: RuleID {
        // Read from the bytes: a capital letter is ASCII, and no byte of a longer character is
        // one.
        let raw = rawValue
        var name: [UInt8] = []
        name.reserveCapacity(raw.utf8.count + 4)
        for byte in raw.utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                name.append(UInt8(ascii: "-"))
                name.append(byte + 32)
            } else {
                name.append(byte)
            }
        }
        return RuleID(String(decoding: name, as: UTF8.self))
    }
}

/// One step of a decision: the rule applied, with the detail that step recorded (how many
/// candidates it chose among, for instance).
public struct RuleStep: Hashable, Sendable, CustomStringConvertible {
    public let rule: RuleID
    /// What the step adds to its rule's name in the contract (`"2"` in
    /// `surname-most-recent-of-2`), or nil.
    public let detail: String?

    public init(_ rule: RuleID, detail: String? = nil) {
        self.rule = rule
        self.detail = detail
    }

    /// A step of a stage's rule.
    public init(_ rule: some StageRule, detail: String? = nil) {
        self.init(rule.id, detail: detail)
    }

    /// The step as the contract writes it: the rule's name, then `-detail` when there is one.
    public var description: String {
        detail.map { "\(rule.name)-\($0)" } ?? rule.name
    }
}

/// Which pipeline stage, and which rules inside it, produced a fact.
///
/// Every fact in a ``Document`` carries one, so that any output can answer "why is this here?".
/// A decision made in several steps keeps each step in order: a name found by the tagger,
/// then joined to a country, then to another spelling of it, has the steps `ner`, `country`,
/// `spelling`, written `ner+country+spelling` in the contract.
///
///     let found = Provenance(stage: "entities", rule: EntityRule.ner)
///     let joined = found.then(EntityRule.surname)   // rule "ner+surname"
public struct Provenance: Hashable, Sendable {
    /// The stage's name, e.g. `"scraped-text"` or `"sentences"`.
    public let stage: String
    /// The steps of the decision, in the order they were taken; never empty.
    public let steps: [RuleStep]

    /// A fact produced by one rule.
    public init(stage: String, rule: RuleID, detail: String? = nil) {
        self.stage = stage
        steps = [RuleStep(rule, detail: detail)]
    }

    /// A fact produced by one of a stage's rules.
    public init(stage: String, rule: some StageRule, detail: String? = nil) {
        self.init(stage: stage, rule: rule.id, detail: detail)
    }

    /// A fact produced by a rule whose name is read from data (a time pattern's row, a
    /// metadata key), not declared in code.
    public init(stage: String, rule: String) {
        self.init(stage: stage, rule: RuleID(rule))
    }

    /// A fact decided in `steps`, in order; `steps` must not be empty.
    public init(stage: String, steps: [RuleStep]) {
        precondition(!steps.isEmpty, "a provenance needs at least one rule")
        self.stage = stage
        self.steps = steps
    }

    /// The same decision with one more step after the others.
    public func then(_ rule: some StageRule, detail: String? = nil) -> Provenance {
        Provenance(stage: stage, steps: steps + [RuleStep(rule, detail: detail)])
    }

    /// The rule as the contract writes it: the steps joined by `+` (`"ner+surname"`).
    public var rule: String {
        steps.count == 1 ? steps[0].description : steps.map(\.description).joined(separator: "+")
    }
}

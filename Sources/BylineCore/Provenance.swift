/// Which pipeline stage, and which rule inside it, produced a fact.
///
/// Every fact in a ``Document`` carries one, so that any output can answer
/// "why is this here?".
public struct Provenance: Hashable, Sendable {
    /// The stage's name, e.g. `"scraped-text"` or `"sentences"`.
    public let stage: String
    /// The rule, sieve or pattern inside the stage, e.g. `"byline-line"`.
    public let rule: String

    public init(stage: String, rule: String) {
        self.stage = stage
        self.rule = rule
    }
}

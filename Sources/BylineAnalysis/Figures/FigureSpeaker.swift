import BylineCore

/// The speaker of a figure that no quote holds, from the reported speech of its sentence: the
/// person who is the subject of a verb of saying before the figure ("Ana Ruiz, the city's
/// budget chief, said spending rose 8 percent"; "Ruiz also said …"), or the person named with
/// the verb after it ("Spending rose 8 percent, said Ana Ruiz"; "…, Ruiz said"; "according to
/// Ana Ruiz").
struct FigureSpeaker {
    let text: FactText
    let view: DocumentView
    let entities: [Entity]

    /// The most words before a sentence's opening name (a title: "Senior economist Ana Ruiz").
    static let longestLead = 4

    /// The id of the person the sentence of `figure` reports it from, or nil.
    func speaker(of figure: Range<Int>) -> String? {
        let sentence = text.sentence(of: figure.lowerBound)
        guard !sentence.isEmpty else { return nil }
        // The nearest verb of saying before the figure: its subject says the clause after it.
        var c = figure.lowerBound - 1
        while c >= sentence.lowerBound, cueLength(at: c) == nil { c -= 1 }
        if c >= sentence.lowerBound {
            guard reports(from: c, upTo: figure.lowerBound) else { return nil }
            return subject(ofCue: c, in: sentence) ?? namedAfter(cue: c, in: sentence, leading: true)
        }
        // Else the first one after it: the figure is in what the cue reports ("…, said Ana Ruiz").
        c = figure.upperBound
        while c < sentence.upperBound, cueLength(at: c) == nil { c += 1 }
        guard c < sentence.upperBound else { return nil }
        return subject(ofCue: c, in: sentence, closing: true) ?? namedAfter(cue: c, in: sentence, leading: false)
    }

    /// Whether the figure at `figure` lies in what the cue at `c` reports, not in an adjunct of
    /// the saying ("said in front of a crowd of 1,000"): a cue followed by a preposition
    /// reports only what a "that" opens before the figure ("said in a statement that …").
    private func reports(from c: Int, upTo figure: Int) -> Bool {
        guard let length = cueLength(at: c), c + length < figure else { return false }
        let next = text.words[c + length].key
        guard text.grammar.isA(next, .preposition), !isPrepositionalCue(at: c) else { return true }
        return (c + length..<figure).contains { text.words[$0].key == Self.complementiser }
    }

    /// The word that opens a reported clause.
    private static let complementiser = "that"

    /// Whether the cue at `c` ends in a preposition that leads to its speaker ("according to").
    private func isPrepositionalCue(at c: Int) -> Bool {
        guard let length = cueLength(at: c) else { return false }
        return text.grammar.isA(text.words[c + length - 1].key, .preposition)
    }

    /// The length of the phrase of saying at token `t`, if one starts there: a lower-case cue
    /// of `speech-cues.txt` outside quotation marks.
    private func cueLength(at t: Int) -> Int? {
        let word = text.words[t]
        guard !word.capitalised, let phrases = SpeechText.cueWords[word.key] else { return nil }
        return phrases.first { phrase in
            t + phrase.count <= text.words.count && phrase.indices.allSatisfy { text.words[t + $0].key == phrase[$0] }
        }?.count
    }

    /// The person whose mention ends just before the cue at `c` (past adverbs and auxiliaries:
    /// "Ruiz also said", "Ruiz has said"); or, after an apposition ("Ana Ruiz, the mayor,
    /// said"), the person named at the sentence's opening and followed by a comma. With
    /// `closing`, the cue follows the figure, and only a name set off by a comma before it
    /// counts (", Ruiz said").
    private func subject(ofCue c: Int, in sentence: Range<Int>, closing: Bool = false) -> String? {
        var j = c - 1
        while j > sentence.lowerBound, text.grammar.isA(text.words[j].key, .adverb) || text.grammar.isA(text.words[j].key, .auxiliary) { j -= 1 }
        guard j >= sentence.lowerBound else { return nil }
        if let person = person(at: j) {
            guard closing else { return person.id }
            var start = j
            while start > sentence.lowerBound, view.mention(at: start - 1)?.entity == view.mention(at: j)?.entity { start -= 1 }
            return start > sentence.lowerBound && text.words[start - 1].key == "," ? person.id : nil
        }
        guard !closing, text.words[j].key == "," else { return nil }
        // The sentence opens with the person, after at most a short title.
        var first = sentence.lowerBound
        while first < min(j, sentence.lowerBound + Self.longestLead + 1), person(at: first) == nil { first += 1 }
        guard let person = person(at: first) else { return nil }
        var end = first
        while end + 1 < j, view.mention(at: end + 1)?.entity == view.mention(at: first)?.entity { end += 1 }
        return end + 1 < j && text.words[end + 1].key == "," ? person.id : nil
    }

    /// The person named right after the cue at `c`: after a cue that ends in a preposition and
    /// leads the figure ("according to Ruiz, …"), or after a cue that follows the figure's
    /// clause and its comma, the name ending the sentence or set off by a comma ("…, said Ana
    /// Ruiz, the mayor"; not "…, said he would …").
    private func namedAfter(cue c: Int, in sentence: Range<Int>, leading: Bool) -> String? {
        guard let length = cueLength(at: c), c + length < sentence.upperBound, let person = person(at: c + length) else { return nil }
        if leading { return isPrepositionalCue(at: c) ? person.id : nil }
        guard c > sentence.lowerBound, text.words[c - 1].key == "," else { return nil }
        var end = c + length
        while end < sentence.upperBound, view.mention(at: end)?.entity == view.mention(at: c + length)?.entity { end += 1 }
        return end == sentence.upperBound || text.words[end].kind == .punctuation ? person.id : nil
    }

    /// The person entity mentioned at token `t`.
    private func person(at t: Int) -> Entity? {
        guard let mention = view.mention(at: t), entities.indices.contains(mention.entity) else { return nil }
        let entity = entities[mention.entity]
        return entity.type == .person ? entity : nil
    }
}

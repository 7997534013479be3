/// The feature templates. A feature key is the hash of a template, the pass it belongs to and
/// the hashed values it reads; the numbers are part of the model file's format
/// (``ModelFile/featureVersion``).
enum Template: UInt64 {
    case bias = 1
    case word, wordBefore, wordAfter, wordTwoBefore, wordTwoAfter, exactWord
    case shape, shapeBefore, shapeAfter
    case shortShape, shortShapeBefore, shortShapeAfter, shortShapeTwoBefore, shortShapeTwoAfter
    case prefix, suffix
    case wordPairBefore, wordPairAfter
    case shapeTriple, shapePairBefore, shapePairAfter
    case wordBeforeShape, shapeWordAfter
    case flag, flagBefore, flagAfter
    case usageShape, usageWord
    case exactBefore, exactAfter, wordsAround, documentContextBefore, documentContextAfter
    case gazetteer, gazetteerBefore, gazetteerAfter, gazetteerShape
    case previousTag, previousTags, previousTagWord, previousTagShape
    // Second pass only.
    case firstPassTag, firstPassTagBefore, firstPassTagAfter, firstPassTagWord
    case documentType, documentMajority, documentMajorityShape, documentMajorityTag, documentOutside
    case documentOtherTag, documentOtherTagPair
}

extension DocumentFeatures {
    /// What the first pass said about a document: its tags, and for every token how the other
    /// capitalised occurrences of the same word were tagged.
    struct FirstPass {
        let tags: [EntityTag]
        /// Per token, lanes 0–3: other capitalised occurrences tagged as each entity type;
        /// lane 4: those tagged O.
        let others: [SIMD8<Int32>]
        /// The lane of `others` that counts O.
        static let outsideLane = EntityType.allCases.count

        init(tags: [EntityTag], document: DocumentFeatures) {
            var totals = [SIMD8<Int32>](repeating: .zero, count: document.lowerCount)
            var own = [SIMD8<Int32>](repeating: .zero, count: tags.count)
            for (i, form) in document.forms.enumerated() where form.isCapitalized {
                own[i][tags[i].type?.rawValue ?? Self.outsideLane] = 1
                totals[Int(document.lowerIDs[i])] &+= own[i]
            }
            others = document.forms.indices.map { i in
                document.forms[i].isCapitalized ? totals[Int(document.lowerIDs[i])] &- own[i] : .zero
            }
            self.tags = tags
        }
    }

    /// The affix lengths (as lanes of ``TokenForms/affixes``) both passes read; the first
    /// pass reads the shorter ones too.
    static let secondPassAffixLanes = 2..<TokenForms.affixLength

    /// Appends the keys of the features of token `i` that do not depend on the tags being
    /// chosen in this pass: those of its own word, then those of its context.
    func appendKeys(at i: Int, in sentence: Range<Int>, pass: Pass, firstPass: FirstPass?, to keys: inout [UInt32]) {
        appendWordKeys(at: i, pass: pass, to: &keys)
        appendContextKeys(at: i, in: sentence, pass: pass, firstPass: firstPass, to: &keys)
    }

    /// Appends the keys of the features that read nothing but token `i`'s own word (its forms,
    /// affixes and flags), so that every occurrence of one word has the same ones
    /// (see ``wordIDs``).
    func appendWordKeys(at i: Int, pass: Pass, to keys: inout [UInt32]) {
        let salt = pass.rawValue
        @inline(__always) func add(_ template: Template, _ a: UInt64) {
            keys.append(FeatureKey.fold(FeatureHash.combine(template.rawValue << 2 | salt, a)))
        }
        let current = forms[i]
        add(.bias, 0)
        add(.word, current.lower)
        add(.exactWord, current.exact)
        add(.shape, current.shape)
        add(.shortShape, current.shortShape)
        let affixLanes = pass == .first ? 0..<TokenForms.affixLength : Self.secondPassAffixLanes
        for lane in affixLanes where current.affixes[lane] != 0 {
            add(.prefix, current.affixes[lane])
            add(.suffix, current.affixes[TokenForms.affixLength + lane])
        }
        add(.flag, UInt64(current.flags.rawValue))
    }

    /// Appends the keys of the features of token `i` that read its neighbours, the rest of the
    /// document or the first pass, and do not depend on the tags being chosen in this pass.
    func appendContextKeys(at i: Int, in sentence: Range<Int>, pass: Pass, firstPass: FirstPass?, to keys: inout [UInt32]) {
        let salt = pass.rawValue
        @inline(__always) func add(_ template: Template, _ a: UInt64) {
            keys.append(FeatureKey.fold(FeatureHash.combine(template.rawValue << 2 | salt, a)))
        }
        @inline(__always) func add(_ template: Template, _ a: UInt64, _ b: UInt64) {
            keys.append(FeatureKey.fold(FeatureHash.combine(FeatureHash.combine(template.rawValue << 2 | salt, a), b)))
        }
        @inline(__always) func form(_ offset: Int) -> TokenForms {
            let j = i + offset
            if j < sentence.lowerBound { return .beforeSentence }
            if j >= sentence.upperBound { return .afterSentence }
            return forms[j]
        }
        let current = forms[i]
        let before = form(-1), after = form(1), twoBefore = form(-2), twoAfter = form(2)

        add(.wordBefore, before.lower)
        add(.wordAfter, after.lower)
        add(.shortShapeBefore, before.shortShape)
        add(.shortShapeAfter, after.shortShape)
        add(.wordPairBefore, before.lower, current.lower)
        add(.wordPairAfter, current.lower, after.lower)
        add(.shapePairBefore, before.shortShape, current.shortShape)
        add(.shapePairAfter, current.shortShape, after.shortShape)
        add(.wordBeforeShape, before.lower, current.shortShape)
        add(.shapeWordAfter, current.shortShape, after.lower)
        add(.wordsAround, before.lower, after.lower)
        // The finer context: the second pass leaves it out, as the first pass's tags sum it up
        // (calibrated on eng.testa: no loss in F1, a third fewer lookups in the second pass).
        if pass == .first {
            add(.wordTwoBefore, twoBefore.lower)
            add(.wordTwoAfter, twoAfter.lower)
            add(.shapeBefore, before.shape)
            add(.shapeAfter, after.shape)
            add(.shortShapeTwoBefore, twoBefore.shortShape)
            add(.shortShapeTwoAfter, twoAfter.shortShape)
            add(.shapeTriple, FeatureHash.combine(before.shortShape, current.shortShape), after.shortShape)
            add(.flagBefore, UInt64(before.flags.rawValue))
            add(.flagAfter, UInt64(after.flags.rawValue))
            add(.exactBefore, before.exact)
            add(.exactAfter, after.exact)
            for other in otherOccurrences[Int(otherRanges[i].lowerBound)..<Int(otherRanges[i].upperBound)] {
                add(.documentContextBefore, neighbours[Int(other)].before)
                add(.documentContextAfter, neighbours[Int(other)].after)
            }
        }
        let usage = UInt64(self.usage[i].rawValue)
        add(.usageShape, usage, current.shortShape)
        add(.usageWord, usage, current.lower)
        appendGazetteerKeys(gazetteer[i], .gazetteer, add)
        if i > sentence.lowerBound { appendGazetteerKeys(gazetteer[i - 1], .gazetteerBefore, add) }
        if i + 1 < sentence.upperBound { appendGazetteerKeys(gazetteer[i + 1], .gazetteerAfter, add) }
        if gazetteer[i] != 0 { add(.gazetteerShape, UInt64(gazetteer[i]), current.shortShape) }

        guard let firstPass else { return }
        let tag = UInt64(firstPass.tags[i].index)
        add(.firstPassTag, tag)
        add(.firstPassTagBefore, i > sentence.lowerBound ? UInt64(firstPass.tags[i - 1].index) : 0xFF, tag)
        add(.firstPassTagAfter, tag, i + 1 < sentence.upperBound ? UInt64(firstPass.tags[i + 1].index) : 0xFF)
        add(.firstPassTagWord, tag, current.lower)
        for other in otherOccurrences[Int(otherRanges[i].lowerBound)..<Int(otherRanges[i].upperBound)] {
            let otherTag = UInt64(firstPass.tags[Int(other)].index)
            add(.documentOtherTag, otherTag)
            add(.documentOtherTagPair, otherTag, tag)
        }
        let others = firstPass.others[i]
        var majority: Int?
        for type in EntityType.allCases where others[type.rawValue] > 0 {
            add(.documentType, UInt64(type.rawValue), UInt64(min(others[type.rawValue], 2)))
            if majority == nil || others[type.rawValue] > others[majority!] { majority = type.rawValue }
        }
        if let majority {
            add(.documentMajority, UInt64(majority))
            add(.documentMajorityShape, UInt64(majority), current.shortShape)
            add(.documentMajorityTag, UInt64(majority), tag)
        } else if others[FirstPass.outsideLane] > 0 {
            add(.documentOutside, 1)
        }
    }

    /// Appends the keys of the features that read the tags already chosen for the two tokens
    /// before token `i`: those of the tags alone, then those of the tag before and the word.
    func appendHistoryKeys(at i: Int, previous: EntityTag, beforePrevious: EntityTag, pass: Pass, to keys: inout [UInt32]) {
        Self.appendTagPairKeys(previous: previous, beforePrevious: beforePrevious, pass: pass, to: &keys)
        appendTagWordKeys(at: i, previous: previous, pass: pass, to: &keys)
    }

    /// Appends the keys of the features that read nothing but the two tags before a token, the
    /// same for every token (see ``TagPairScores``).
    static func appendTagPairKeys(previous: EntityTag, beforePrevious: EntityTag, pass: Pass, to keys: inout [UInt32]) {
        let tag = UInt64(previous.index)
        keys.append(historyKey(.previousTag, tag, 0, pass: pass))
        keys.append(historyKey(.previousTags, UInt64(beforePrevious.index), tag, pass: pass))
    }

    /// Appends the keys of the features that read the tag before token `i` with its word.
    func appendTagWordKeys(at i: Int, previous: EntityTag, pass: Pass, to keys: inout [UInt32]) {
        let tag = UInt64(previous.index)
        keys.append(Self.historyKey(.previousTagWord, tag, forms[i].lower, pass: pass))
        keys.append(Self.historyKey(.previousTagShape, tag, forms[i].shortShape, pass: pass))
    }

    @inline(__always)
    private static func historyKey(_ template: Template, _ a: UInt64, _ b: UInt64, pass: Pass) -> UInt32 {
        FeatureKey.fold(FeatureHash.combine(FeatureHash.combine(template.rawValue << 2 | pass.rawValue, a), b))
    }

    private func appendGazetteerKeys(_ marks: UInt32, _ template: Template, _ add: (Template, UInt64) -> Void) {
        var rest = marks
        while rest != 0 {
            let bit = rest.trailingZeroBitCount
            add(template, UInt64(bit))
            rest &= rest - 1
        }
    }
}

/// Reads slot values out of a line's entities into the conversation's facts.
enum SlotFilling {
    /// Merges what the line says into the state; returns the slots it filled.
    @discardableResult
    /// What a line told, in a few words, for the slots it filled ("a dull ache, 3 days ago").
    static func describe(_ slots: Set<Slot>, in state: ConversationState, knowledge: KnowledgeBase) -> String {
        let facts = state.facts
        let order: [Slot] = [.bodyPart, .swelling, .spread, .painKind, .painLevel, .when, .trend, .distance, .urine]
        let said: [String] = order.filter(slots.contains).compactMap { slot in
            switch slot {
            case .bodyPart: return state.areas.isEmpty ? nil : "your \(knowledge.names(of: state.areas))"
            case .swelling: return facts.swelling.map { $0 ? "some swelling" : "no swelling" }
            case .painKind: return facts.painKind.map { $0 == "dull" ? "a dull ache" : "\($0) pain" }
            case .painLevel: return facts.painLevel.map { "\($0) out of 10" }
            case .when: return facts.daysAgo.map { $0 < 1 ? "today" : $0 < 2 ? "since yesterday" : "\(Int($0)) days" }
            case .trend: return facts.trend.map { $0 == .easing ? "easing" : $0 == .same ? "about the same" : "getting worse" }
            case .distance:
                return facts.distanceKm.map { km in
                    let number = Int(km.rounded())
                    // "an 8 km run", "an 11 km run", "an 80 km run": said with a vowel sound.
                    let an = number == 8 || number == 11 || number == 18 || (80...89).contains(number)
                    return "\(an ? "an" : "a") \(number) km run"
                }
            case .urine: return facts.urine.map { "urine \($0.rawValue)" }
            case .spread: return facts.spread.map { $0 == .pinpoint ? "on one spot" : "spread out" }
            default: return nil
            }
        }
        return said.joined(separator: ", ")
    }

    static func absorb(_ understanding: Understanding, into state: inout ConversationState, pending: PendingQuestion?)
        -> Set<Slot>
    {
        let entities = understanding.entities
        // The line's words, split once (in order, and as a set) for the readings below.
        let lineWords = understanding.normalized.split(separator: " ").map(String.init)
        let wordsOfLine = Set(lineWords)
        var filled: Set<Slot> = []
        // Areas: "not my knees" removes; a new area replaces unless the line adds ("and my quads too").
        if !entities.negatedBodyParts.isEmpty {
            state.areas.removeAll { entities.negatedBodyParts.contains($0) }
        }
        // An area named inside the answer to another question ("sharp when I go up on my toes") describes;
        // it moves the questions only when it corrects ("actually my calves").
        // A warning sign told of an area in an answer is of that area, whatever else the line says ("ok cheers, and my
        // left calf is hot and red now" to "how far?"): it is added, so the warning names it.
        let reportsAnother =
            Self.reportsAnotherArea(understanding, besides: state.areas)
            || !entities.redFlags.isEmpty && !state.areas.isEmpty && entities.bodyParts.contains { !state.areas.contains($0) }
        let describing =
            pending.map { $0.question.slot != .bodyPart && $0.question.slot != .clarify } ?? false
            && !Self.corrects(understanding) && !Self.adds(understanding) && !reportsAnother
        if !entities.bodyParts.isEmpty, !describing || state.areas.isEmpty {
            let adds =
                (!wordsOfLine.isDisjoint(with: ["and", "also", "too", "plus", "both", "well"]) || reportsAnother && pending != nil)
                && pending?.question.slot != .bodyPart
            let fresh = entities.bodyParts.filter { !state.areas.contains($0) }
            // Other areas now: "both sides" said of the old ones is not said of these.
            if !adds, Set(entities.bodyParts) != Set(state.areas) { state.facts.soreBothSides = false }
            state.areas = adds ? state.areas + fresh : entities.bodyParts
            filled.insert(.bodyPart)
        }
        // "everything", "both legs" to "where?": asked which hurts most; said again, the legs' big muscles.
        if pending?.question.slot == .bodyPart, entities.bodyParts.isEmpty, (pending?.attempts ?? 0) >= 2,
            Self.saysWholeLegs(understanding)
        {
            state.areas = Self.wholeLegs
            filled.insert(.bodyPart)
        }
        // A fact the line states fills its slot.
        func fill<Value>(_ fact: WritableKeyPath<Facts, Value?>, with value: Value?, _ slot: Slot) {
            guard let value else { return }
            state.facts[keyPath: fact] = value
            filled.insert(slot)
        }
        // A bare number meant for the question asked ("10" asked how far; "3" asked when, read as 3 days) is no new
        // pain level once one is known; one told as a change ("worse, 9", "9 now") still is.
        let numberAnswersPending =
            switch pending?.question.slot {
            case .distance?: entities.trend == nil && !lineWords.contains("now")
            case .when?: entities.daysAgo != nil
            default: false
            }
        let bareNumberElsewhere =
            numberAnswersPending && state.facts.painLevel != nil && lineWords.count <= 3
            && !lineWords.contains { $0 == "out" || $0.contains("/") }
        // "zero" (or "zero, none at all") asked about swelling: none, not a pain of 0.
        let noneAsANumber =
            pending?.question.slot == .swelling && lineWords.first.map(Self.noneWords.contains) == true
            && !lineWords.dropFirst().contains { $0.first?.isNumber == true || $0 == "out" || $0.contains("/") }
        fill(\.painLevel, with: bareNumberElsewhere || noneAsANumber ? nil : entities.painLevel, .painLevel)
        fill(\.painKind, with: entities.painKind, .painKind)
        fill(\.swelling, with: entities.swelling, .swelling)
        fill(\.daysAgo, with: entities.daysAgo, .when)
        fill(\.distanceKm, with: entities.distanceKm, .distance)
        state.symptoms.formUnion(entities.symptoms)
        // (The knocked area only: "upped my mileage, shin sore, also banged my knee" knocked the knee.)
        state.facts.knockedAreas.formUnion(entities.knockedAreas)
        state.runner.facts.removeAll { entities.runnerFactsWithdrawn.contains($0) }
        for fact in entities.runnerFacts where !state.runner.facts.contains(fact) { state.runner.facts.append(fact) }
        if let minutes = entities.minutesAvailable { state.runner.minutes = minutes }
        // (Not breathlessness in the reps that passed, told as an answer: no pain began during the run.)
        if entities.duringRun, !entities.vetoedRedFlags.contains("chest") {
            state.facts.duringRun = true
            if state.facts.daysAgo == nil {
                fill(\.daysAgo, with: 0, .when)
            }
        }
        if entities.mentionsUrine { state.facts.urineMentioned = true }
        // Asked about a sign, "yeah it's fine", "looks normal to me" say there is none; not so "yes, not normal"
        // or "yes but it's fine" (a yes, with a view on it).
        var answer = entities.answer
        if let slot = pending?.question.slot, slot == .swelling || slot == .urine, Self.saysAllClear(understanding) { answer = .no }
        // "looks the same as the other side", "zero": no swelling.
        if pending?.question.slot == .swelling, noneAsANumber || Self.sameAsTheOtherSide(lineWords), entities.symptoms.isEmpty {
            answer = .no
        }
        // With back pain the urine question screens bladder and bowel control: a yes or a no answers it (a warning
        // sign in other words is raised by safety from the words themselves).
        if let pending, pending.question.slot == .urine, pending.question.area == "back", !filled.contains(.urine) {
            // "yes", "a bit", "some": a change, which safety reads as a warning sign. "Not sure", or a line that
            // answers something else ("4", taken as how bad), is no all-clear: the question is asked again, then
            // said in the outcome as not checked.
            // "some leaking" is a yes in its own words; another sign told with it ("no, but my calf is worse every day") is not.
            let change =
                answer == .yes || entities.redFlags.contains("cauda-equina")
                || !Set(entities.symptoms).isDisjoint(with: ["bladder-bowel", "saddle", "saddle-numbness"])
            if change { state.facts.bladderChange = true }
            if change || answer == .no { fill(\.urine, with: .normal, .urine) }
        }
        // Asked about swelling, warmth or redness, a bruise or a hot, red patch is a yes; not the heat of a bath
        // asked about instead ("ice bath tonight, or is hot better?").
        // (Nor a swelling of the hands or face: "my fingers swelled up during the marathon".)
        if pending?.question.slot == .swelling, state.facts.swelling == nil, entities.baths.isEmpty, !entities.aboutHandsOrFace,
            !Set(entities.symptoms).isDisjoint(with: ["swelling", "heat", "redness", "muscle-tear-signs", "big-bruise", "hardness"])
        {
            fill(\.swelling, with: true, .swelling)
        }
        // "puffier than normal, both of them": swelling on both sides.
        let saysSwollen =
            entities.swelling == true || pending?.question.slot == .swelling && (state.facts.swelling == true || answer == .yes)
        let bothSides = Self.saysBothSides(lineWords)
        // Both sides told of the areas ("thighs and bum, both sides" where it hurts), not of anything else ("after
        // both of my long runs").
        if bothSides, !entities.bodyParts.isEmpty || pending?.question.slot == .bodyPart { state.facts.soreBothSides = true }
        // (Both sides told before, then "thighs look swollen": both; "the left one is puffy": one side.)
        // ("thighs look swollen", "his legs are swollen": swelling told of an area in the plural, and no side, is of both.)
        let pluralSwollen = !Self.namesASide(lineWords) && !Self.pluralSides.isDisjoint(with: lineWords)
        if saysSwollen, bothSides || pluralSwollen || state.facts.soreBothSides && !Self.namesASide(lineWords) {
            state.facts.swollenBothSides = true
            // (Only "gone down" or "went down" by the morning or overnight, not denied: "hasn't gone down overnight" stays.)
            let settled = lineWords.indices.contains { index in
                index >= 1 && index + 2 < lineWords.count && ["gone", "went"].contains(lineWords[index]) && lineWords[index + 1] == "down"
                    && (lineWords[index + 2] == "overnight"
                        || lineWords[index + 2] == "by" && lineWords[min(index + 3, lineWords.count - 1)] == "morning")
                    && !["not", "never", "hasnt", "hadnt", "havent"].contains(lineWords[index - 1])
            }
            if settled { state.facts.swellingSettledOvernight = true }
        }
        // "the back of my knee", "swollen behind it" of a knee: where the calf's deep vein runs.
        if state.areas.contains("knees") || entities.bodyParts.contains("knees"),
            Self.saysBehindTheKnee(lineWords, answeringSwelling: pending?.question.slot == .swelling)
        {
            state.facts.behindTheKnee = true
        }
        // Trend and spread are read from any line; a urine colour only when the line is about urine or answers
        // the question ("red" and "pale" mean other things elsewhere).
        if let trend = entities.trend, pending?.question.slot == .trend || trend == .worse || state.facts.daysAgo != nil {
            fill(\.trend, with: trend, .trend)
        }
        // A brown colour said on its own where the urine matters ("reddish brown" typed at the pain question after a
        // 100k) is the urine's, though another question was asked; not where a colour describes the skin.
        let colourAlone =
            entities.urine == .brown && state.urineMatters && lineWords.count <= 4
            && entities.bodyParts.isEmpty && ![Slot.swelling, .painKind, .bodyPart].contains(pending?.question.slot ?? .swelling)
        // Nor is "ok cool, should I do an ice bath?" a normal colour, nor "bit red from chafing on my inner thigh" a red
        // one: a request says "ok" to the question, and a colour of the skin is no urine's.
        let okBeforeARequest =
            entities.urine == .normal && !entities.mentionsUrine
            && (!entities.baths.isEmpty || !entities.techniques.isEmpty || DialoguePolicy.looksLikeRequest(understanding))
        let skinColour = !entities.mentionsUrine && !Self.skinWords.isDisjoint(with: lineWords)
        if let urine = entities.urine, !okBeforeARequest, !skinColour,
            pending?.question.slot == .urine || entities.redFlags.contains("rhabdo")
                || entities.cautions.contains("dark-yellow-urine") || colourAlone
        {
            fill(\.urine, with: urine, .urine)
        } else if entities.urine == nil, pending?.question.slot == .urine, pending?.question.area != "back",
            EntityExtractor.saysLittleUrine(lineWords)
        {
            // A long answer telling how little ("hardly anything, only been once since yesterday and it was a tiny amount").
            fill(\.urine, with: .scanty, .urine)
        }
        // (A yes or no answers the back's and the buttock's question, "does it spread down your leg?", but not the
        // shin's, which offers two places: "yes" to "one spot, or spread along the edge?" is asked again.)
        let saysWhere =
            !entities.bodyParts.isEmpty || entities.answer != nil && pending?.question.area != nil
            || !wordsOfLine.isDisjoint(with: ["leg", "legs", "back", "stays", "down", "both", "buttock", "bum", "thigh", "foot"])
            // (Where on a joint or tendon, "outer side", "just above the heel": a place, so not one spot of a bone.)
            || pending?.question.area.map { ["knees", "ankles", "achilles"].contains($0) } == true
                && !wordsOfLine.isDisjoint(with: Self.placeWords)
        if pending?.question.slot == .spread, let spread = entities.spread ?? (saysWhere ? .diffuse : nil) {
            // Where it spreads (for the back, "down my leg") is read as spread out unless it is one spot.
            fill(\.spread, with: spread, .spread)
            if let area = pending?.question.area, ["back", "glutes"].contains(area) {
                // The question asks "or down one leg or both?": anything but "it stays" is taken as running down, so that
                // the nerve check follows ("both", "yes", "it spreads"); the nerve check is asked rather than assumed away.
                state.facts.painRunsDownLeg = wordsOfLine.isDisjoint(with: Self.staysOrDenies)
                state.facts.painRunsDownBothLegs = state.facts.painRunsDownLeg && !wordsOfLine.isDisjoint(with: Self.bothLegsWords)
            }
        }
        // A sign check ("any numbness down that leg?"): a "yes", or one of its signs in the words, is a sign; "no" is none.
        // A kind of pain ("a dull ache") is kept, but it does not answer the check: asked again, then given up on.
        // The pain-kind question asks "anything else with it, such as numbness...?" too: a sign in its answer settles a
        // check that is due ("yes, numb" to it, with pain down the leg).
        let askedWithThePainKind = pending?.question.slot == .painKind && pending?.question.check == nil
        // A bare "yes" to "anything else with it, such as numbness...?" is asked again, which of them; said again, it is
        // taken as one of them (a new user's two yeses ended at ordinary soreness with the full routine).
        let yesAgain = Self.bareYes(understanding) && (pending?.attempts ?? 1) >= 2
        let checkAnswered =
            pending?.question.check
            ?? (askedWithThePainKind
                ? SignCheck.allCases.first { $0 != .otherSigns && $0.isDue(in: state) && !$0.signs.isDisjoint(with: entities.symptoms) }
                : nil)
        // A yes that describes the pain instead ("sort of bruised feeling", "a bit sore" to "any numbness...?") is no yes to
        // the check (ordinary conversations of the blind batches ended as a trapped nerve or a hip fracture for it); "yes,
        // it's sore" to "does it hurt to hop?" is.
        func saysYes(to check: SignCheck) -> Bool {
            guard answer == .yes else { return false }
            // ("yes it's sharp", "yeah, a stabbing pain" are yes; "sort of bruised feeling" only hedges a description.)
            if let first = lineWords.first, Self.yesWords.contains(first) { return true }
            return entities.painKind == nil && (check == .hipLoad || !entities.generalSoreness && !entities.discomfort)
        }
        if let check = checkAnswered, state.facts.signCheckAnswers[check] == nil {
            // "no, can hop fine" names the sign only to deny it: the flag's own veto settles the check as a no.
            if entities.vetoedRedFlags.contains(check.flag(state.facts)) {
                state.facts.signCheckAnswers[check] = false
            } else if !check.signs.isDisjoint(with: entities.symptoms) || saysYes(to: check) && (check != .otherSigns || yesAgain) {
                state.facts.signCheckAnswers[check] = true
                // "numb in both": the answer can tell that both legs are affected.
                if check == .legNerve, !wordsOfLine.isDisjoint(with: Self.bothLegsWords) { state.facts.painRunsDownBothLegs = true }
            } else if answer == .no || Self.saysAllClear(understanding)
                || check == .otherSigns && answer != .yes && !DialoguePolicy.looksLikeRequest(understanding)
                    && !(Self.tellsOnlyOfWeakness(understanding) && (pending?.attempts ?? 1) < 2)
            {
                // To "anything else with it?", whatever is told was read by the detector like any line; a bare "yes"
                // says nothing of what, so it is asked again, and a request or a question ("walk me through it", "why
                // do you need to know?") answers nothing (a tester's were taken for a no).
                state.facts.signCheckAnswers[check] = false
            }
            if state.facts.signCheckAnswers[check] != nil { filled.insert(.painKind) } else { filled.remove(.painKind) }
        }
        // The pain-kind question asks "anything else?" itself.
        if askedWithThePainKind, state.facts.signCheckAnswers[.otherSigns] == nil, !Self.bareYes(understanding) || yesAgain,
            !(Self.tellsOnlyOfWeakness(understanding) && (pending?.attempts ?? 1) < 2)
        {
            state.facts.signCheckAnswers[.otherSigns] = yesAgain
            if yesAgain { filled.insert(.painKind) }
        }

        if let pending {
            let slot = pending.question.slot
            switch answer {
            case .yes? where slot == .swelling && !filled.contains(.swelling):
                fill(\.swelling, with: true, .swelling)
            case .no? where slot == .swelling && !filled.contains(.swelling):
                fill(\.swelling, with: false, .swelling)
            case .no? where slot == .urine && !filled.contains(.urine):
                fill(\.urine, with: .normal, .urine)  // "no, nothing unusual"
            case .no? where slot == .trend && !filled.contains(.trend):
                fill(\.trend, with: .same, .trend)  // "no change"
            // "fine now", "all good", "gone": asked how it is going, it has eased.
            case _
            where slot == .trend && !filled.contains(.trend) && entities.redFlags.isEmpty && entities.symptoms.isEmpty
                && !Self.wellWords.isDisjoint(with: lineWords) && lineWords.count <= 4:
                fill(\.trend, with: .easing, .trend)
            case .unknown?, .skip?:
                if !filled.contains(slot) {
                    state.facts.giveUp(on: pending.question)
                    filled.insert(slot)
                }
            default:
                break
            }
            // Asked how bad it is, "a bit" or "a little" is mild.
            if slot == .painLevel, !filled.contains(.painLevel),
                [" a bit ", " a little ", " slightly "].contains(where: (" " + understanding.normalized + " ").contains)
            {
                fill(\.painLevel, with: 2, .painLevel)
            }
            // "yes" to "how bad" is no number; a bare "no" to pain is zero pain.
            if slot == .painLevel, filled.isEmpty, entities.answer == .no, lineWords.count <= 2 {
                fill(\.painLevel, with: 0, .painLevel)
            }
        }
        return filled
    }

    /// Words of an answer about where the pain goes that name both legs ("both", "down my legs", "into my feet").
    static let bothLegsWords: Set<String> = ["both", "legs", "feet"]

    /// "just the left one", "only one side".
    static func saysOnlyOneSide(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).contains {
            ["only", "just"].contains($0) && ["the", "one", "my", "left", "right", "on"].contains($1)
        }
    }

    /// A side named: "the left one", "my right calf", "just the one".
    static func namesASide(_ words: [String]) -> Bool {
        saysOnlyOneSide(words) || !EntityExtractor.sideWords.isDisjoint(with: words)
    }

    /// "behind my knee", "the back of the knee"; in answer to a knee's swelling question, also "behind it", "at the
    /// back", "back there". Not "behind my kneecap", nor "at the back of the pack".
    static func saysBehindTheKnee(_ words: [String], answeringSwelling: Bool) -> Bool {
        let pairs = Array(zip(words, words.dropFirst()))
        guard !words.contains("kneecap"), !pairs.contains(where: { $0 == "knee" && $1 == "cap" }) else { return false }
        for (index, word) in words.enumerated() where word == "behind" || word == "back" {
            let next = words[(index + 1)...].prefix(3)
            let leads = word == "behind" || next.first == "of"
            if leads, next.contains("knee") || next.contains("knees") { return true }
            guard answeringSwelling else { continue }
            if word == "behind", next.first == "it" { return true }
            if word == "back", next.isEmpty || next.first == "there" || next.first == "," { return true }
        }
        return false
    }

    /// Words of an answer to "does it stay in your back (buttock), or run down your leg?" that say it stays.
    static let staysOrDenies: Set<String> = [
        "stays", "stay", "stayed", "only", "just", "not", "doesn't", "doesnt", "never", "don't", "dont", "put",
    ]

    /// "yes", "yeah I do": a yes that tells nothing else ("kind of a bruised ache" is a kind of pain).
    static func bareYes(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        return entities.answer == .yes && entities.painKind == nil && entities.symptoms.isEmpty && entities.painLevel == nil
            && understanding.normalized.split(separator: " ").count <= 4
    }

    /// Asked how it is going: it has eased ("fine now", "all good").
    static let wellWords: Set<String> = ["fine", "good", "gone", "ok", "okay", "great", "recovered", "grand", "alright"]
    /// "weak", "my legs feel weak and wobbly": weakness told with no other sign, no flag and no kind of pain, which may be
    /// tired legs or a leg that gives way: asked which, once.
    static func tellsOnlyOfWeakness(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        let said = Set(understanding.normalized.split(separator: " ").map(String.init))
        return entities.redFlags.isEmpty && entities.painKind == nil && !said.isDisjoint(with: weakWords)
            && entities.symptoms.allSatisfy { $0 == "weakness" }
    }
    static let weakWords: Set<String> = ["weak", "weakness", "weaker", "wobbly", "jelly"]

    /// A colour said with one of these is the skin's, not the urine's.
    static let skinWords: Set<String> = [
        "skin", "chafing", "chafe", "chafed", "rash", "graze", "grazed", "sunburn", "sunburnt", "sunburned", "blister", "bruise",
        "bruised", "bruising", "scratch", "scratches",
    ]
    /// A clear yes as a first word: unlike `EntityExtractor.yesWords`, no hedge ("slightly", "some", "sure"), which before a
    /// description only qualifies it.
    static let yesWords: Set<String> = ["yes", "yeah", "yep", "yup", "yea", "ya", "aye", "definitely", "absolutely", "y"]
    /// Where on a joint or a tendon ("the outer side", "just above the heel").
    static let placeWords: Set<String> = [
        "outside", "outer", "inside", "inner", "front", "side", "sides", "top", "around", "round", "all", "whole", "edge", "above",
        "below", "under", "underneath", "behind", "middle", "along", "bottom", "lateral", "medial",
    ]
    /// Areas of both legs when said in the plural.
    static let pluralSides: Set<String> = ["legs", "thighs", "calves", "quads", "hamstrings"]

    /// "both of them", "both legs are puffy", "swollen on both sides": both legs, not "both were fine yesterday" or
    /// "more swollen each day".
    static func saysBothSides(_ words: [String]) -> Bool {
        // ("just the left one", "only one side": one side, whatever else the line says)
        guard !saysOnlyOneSide(words) else { return false }
        let sides: Set<String> = ["legs", "calves", "thighs", "sides", "quads", "hamstrings", "feet", "ankles", "shins", "knees"]
        let afterBoth = sides.union(["are", "look", "feel", "swollen", "puffy"])
        // "both of them", "both of my calves"; not "after both of my long runs".
        func bothOfSides(_ index: Int) -> Bool {
            words[index...].dropFirst(2).prefix(2).contains { $0 == "them" || sides.contains($0) }
        }
        return words.contains("bilateral")
            || zip(words.indices, zip(words, words.dropFirst())).contains { index, pair in
                pair.0 == "both" && (afterBoth.contains(pair.1) || pair.1 == "of" && bothOfSides(index))
                    || pair.0 == "each" && ["leg", "side"].contains(pair.1)
            }
    }

    /// "my knees ache", said while the questions are about the calves: a report of discomfort that opens
    /// with an area not yet under discussion (and no correction): the area is added, not dropped.
    static func reportsAnotherArea(_ understanding: Understanding, besides areas: [String]) -> Bool {
        let entities = understanding.entities
        guard !areas.isEmpty, entities.opensWithArea, entities.answer == nil, !corrects(understanding) else { return false }
        let reports = entities.discomfort || entities.painKind != nil || !entities.symptoms.isEmpty
        return reports && entities.bodyParts.contains { !areas.contains($0) }
    }

    /// The areas "my whole legs" stands for, when the runner names no one part.
    static let wholeLegs = ["calves", "quads", "hamstrings"]

    /// "everything", "both legs", "all over": an answer to "where?" that names no one part.
    static func saysWholeLegs(_ understanding: Understanding) -> Bool {
        let text = " " + understanding.normalized.replacingOccurrences(of: ",", with: " ") + " "
        return [
            " everything ", " everywhere ", " all over ", " legs ", " leg ", " all of it ", " all of them ", " the lot ",
            " whole body ", " all ",
        ].contains(where: text.contains)
    }

    /// "yeah it's fine", "all normal", "looks normal to me": nothing wrong, said in a few words with no sign,
    /// negation, "but" or comparison ("puffier than normal" is a yes).
    static func saysAllClear(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        guard entities.symptoms.isEmpty, entities.redFlags.isEmpty, entities.answer != .unknown else { return false }
        let words = understanding.normalized.split(separator: " ").map(String.init)
        return words.count <= 6 && !Set(words).isDisjoint(with: ["fine", "normal", "unremarkable", "usual", "ordinary"])
            && Set(words).isDisjoint(with: ["not", "no", "never", "but", "although", "though", "except", "unable", "than", "more", "bit"])
    }

    /// A count of none said as a number, in answer to a yes-or-no question.
    static let noneWords: Set<String> = ["zero", "0", "nil", "zilch", "nada"]

    /// "looks the same as the other side", "same as the other leg": the side that hurts looks like the other.
    static func sameAsTheOtherSide(_ words: [String]) -> Bool {
        guard words.count <= 10, Set(words).isDisjoint(with: ["not", "no", "but", "bigger", "more", "than", "unable"]) else { return false }
        return words.indices.contains { index in
            words[index] == "same" && words[(index + 1)...].prefix(4).contains("other")
        }
    }

    /// "my quads too", "and my hamstrings", "plus my calves".
    static func adds(_ understanding: Understanding) -> Bool {
        let words = Set(understanding.normalized.split(separator: " ").map(String.init))
        return !words.isDisjoint(with: ["too", "also", "plus", "both"]) || understanding.normalized.hasPrefix("and ")
    }

    /// "actually it's my calves", "sorry, I meant...", "not my knees, my shins".
    static func corrects(_ understanding: Understanding) -> Bool {
        let words = Set(understanding.normalized.split(separator: " ").map(String.init))
        return !understanding.entities.negatedBodyParts.isEmpty
            || !words.isDisjoint(with: ["actually", "meant", "sorry", "wait", "correction"])
    }
}

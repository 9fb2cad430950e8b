/// Which clauses of a line tell of the past rather than of a sign now: another person's history ("my dad had a DVT
/// years ago"), a reason for care ("...so I wear flight socks"), and the runner's own healed injury ("tore my hamstring
/// back in 2020, fully rehabbed"). Their tokens are marked negated for red-flag detection only: the runner's facts
/// (a previous clot is a risk) are read from the line as it is.
struct PastReading {
    /// The words of another person (`someone_else` in `runner-facts.yaml`).
    let someoneElse: Set<String>

    /// The tokens with each clause about the past marked as negated. A line that compares now with then ("feels like
    /// it did then", "the same again") is left alone, and so is "numb since last year" (a sign now).
    /// - Parameter ownPast: whether the runner's own healed past is read too (the caller reads the line again
    ///   without it when a sign is told outside it).
    func withoutThePast(_ tokens: [Token], ownPast: Bool = true) -> [Token] {
        // Every reading needs another person, a story or a word of healing: most lines have none and are left at once.
        guard
            tokens.contains(where: {
                !$0.classes.isDisjoint(with: [.pastClue, .someoneElse]) || Self.storyWords.contains($0.text)
            })
        else { return tokens }
        let line = Line(texts: tokens.map(\.text))
        guard !line.comparesWithThen else { return tokens }
        var marked = tokens
        var start = 0
        for end in 0...tokens.count where end == tokens.count || tokens[end].isBreak || Self.breaks.contains(line.texts[end]) {
            let clause = start..<end
            let past =
                storyBesideTheRunnersOwn(line, clause, end)
                || (aboutSomeoneElse(line, clause)
                    ? line.precautionFollows(end) || line.contrastFollows(clause, end) || diagnosisTold(line, clause, end)
                        || line.saysDistantPast(in: clause, Self.distantPast) || line.saysTheyAreFine(after: end)
                    : ownPast && line.saysDistantPast(in: clause, Self.ownDistantPast) && line.saysHealed(after: clause))
            if past { for index in clause { marked[index].negated = true } }
            start = end + 1
        }
        return marked
    }

    /// The tokens with each clause that opens with "he" or "she" marked as negated, so that what is said of another
    /// person ("he's fine now") vetoes no sign of the runner's ("felt crushing chest pain on the run with my brother,
    /// he's fine now"). ("They" may be the runner's toes: "numb toes, they warmed up after five minutes".)
    static func withoutOthers(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: { $0.text == "he" || $0.text == "she" }) else { return tokens }
        var marked = tokens
        var start = 0
        for end in 0...tokens.count where end == tokens.count || tokens[end].isBreak || breaks.contains(tokens[end].text) {
            if start < end, ["he", "she"].contains(tokens[start].text) { for index in start..<end { marked[index].negated = true } }
            start = end + 1
        }
        return marked
    }

    /// Whether a clause is about another person: one is its subject ("my dad had a DVT"), not a companion ("on the run
    /// with my brother"), a comparison ("swelled up just like my mum's did") or a clinician's view of the runner ("the
    /// GP thinks it's a stress fracture"); and the runner is not in it ("I got chest pain when I was out with my mate").
    private func aboutSomeoneElse(_ line: Line, _ clause: Range<Int>) -> Bool {
        let texts = line.texts
        let subject = clause.contains { index in
            someoneElse.contains(texts[index])
                && !texts[max(clause.lowerBound, index - 2)..<index].contains(where: Self.companionWords.contains)
        }
        return subject && !line.speaksOfTheRunner(clause)
            && !clause.contains(where: { Self.clinicianWords.contains(texts[$0]) })
    }

    /// "saw someone collapse at the finish, poor guy, my quads are wrecked", "watching a documentary about DVT, anyway my
    /// hamstrings are tight", "a guy at parkrun heard a pop in his achilles today, my calves are just tight": a stranger's
    /// story, or something seen or read, with the runner's own complaint told in a later clause that names no one else.
    /// (New users got a 999 call for a bystander's collapse.) Not when the runner's own body is in the story's clause
    /// ("a guy at parkrun said my calf looked swollen"), nor for someone close, whose signs may be why the runner asks.
    private func storyBesideTheRunnersOwn(_ line: Line, _ clause: Range<Int>, _ end: Int) -> Bool {
        let texts = line.texts
        let story = clause.contains { index in
            Self.storyWords.contains(texts[index]) || ["someone", "somebody", "people"].contains(texts[index])
                // ("a guy at parkrun", "the runner beside me"; not "lady bits".)
                || Self.strangers.contains(texts[index]) && index > clause.lowerBound && Self.determiners.contains(texts[index - 1])
        }
        guard story, !line.speaksOfTheRunner(clause, besides: Self.toldWords) else { return false }
        // The runner's own body in the clause: "my" before anything but a person ("my coach told me about...").
        let ownBody = clause.contains { index in
            texts[index] == "mine"
                || texts[index] == "my" && !(index + 1 < clause.upperBound && someoneElse.contains(texts[index + 1]))
        }
        return !ownBody && runnerComplains(line, after: end, notIn: Self.storyWords)
    }

    /// Whether a clause after the break at `end` tells the runner's own complaint and names no one else (nor any of
    /// `notIn`): "..., but I'm the one asking, my calves are just tight".
    private func runnerComplains(_ line: Line, after end: Int, notIn: Set<String> = []) -> Bool {
        end < line.texts.count
            && line.clauses(after: end).contains { later in
                later.contains(where: Self.ownComplaint.contains) && !later.contains(where: someoneElse.contains)
                    && !later.contains(where: notIn.contains)
            }
    }

    /// "my wife had a stress fracture training for London, but I'm the one asking, my calves are just tight", "my mum's
    /// on warfarin for clots, I'm just here for my feet": another person's named condition beside the runner's own
    /// complaint, in a later clause that names no one else. Only a named condition (another person's signs now still
    /// warn: "my husband had a fall and his ankle looks bent"), and nothing recent in the line.
    private func diagnosisTold(_ line: Line, _ clause: Range<Int>, _ end: Int) -> Bool {
        clause.contains(where: { Self.diagnoses.contains(line.texts[$0]) }) && !line.texts.contains(where: Self.recent.contains)
            && runnerComplains(line, after: end)
    }

    /// A line's words, with the phrase tests of the readings.
    private struct Line {
        let texts: [String]

        /// Whether the runner speaks of themselves in the clause ("I", "found me collapsed"; not "which scared me", the
        /// runner's feeling about the other person's story).
        /// - Parameter besides: words after which "me" is told to, not the runner's own ("told me about").
        func speaksOfTheRunner(_ clause: Range<Int>, besides: Set<String> = []) -> Bool {
            clause.contains { index in
                ["i", "myself"].contains(texts[index])
                    || texts[index] == "me"
                        && !(index > 0 && (PastReading.feelings.contains(texts[index - 1]) || besides.contains(texts[index - 1])))
            }
        }

        /// Whether `phrase` is said at `index`.
        func says(_ phrase: [String], at index: Int) -> Bool {
            index + phrase.count <= texts.count && texts[index..<(index + phrase.count)].elementsEqual(phrase)
        }

        /// "the same again", "feels like it did then", "had it before" ("both the same" is two sides alike, and "before
        /// my op" a time, not a comparison with then).
        var comparesWithThen: Bool {
            texts.indices.contains { index in
                switch texts[index] {
                case "same": !texts[max(0, index - 3)..<index].contains("both")
                case "before":
                    index + 1 == texts.count || texts[index + 1] == "," || (index > 0 && ["as", "like"].contains(texts[index - 1]))
                // "so did I", "so have I", "and me as well": the runner has had it too.
                case "so":
                    index + 2 < texts.count && ["did", "have", "am", "do", "was"].contains(texts[index + 1]) && texts[index + 2] == "i"
                case "as": index + 1 < texts.count && texts[index + 1] == "well"
                // "I did too", "mine's brown too" (not "too fast", "way too much water").
                case "too": index + 1 == texts.count || [",", ".", "now", "today", "and", "but"].contains(texts[index + 1])
                default: PastReading.thenWords.contains(texts[index])
                }
            }
        }

        /// The clauses after the break at `end`, as word slices.
        func clauses(after end: Int) -> [ArraySlice<String>] {
            guard end < texts.count else { return [] }
            var result: [ArraySlice<String>] = []
            var start = end + 1
            for index in start...texts.count where index == texts.count || texts[index] == "," || PastReading.breaks.contains(texts[index])
            {
                result.append(texts[start..<index])
                start = index + 1
            }
            return result
        }

        /// "years ago", "last summer", "at uni", "as a teenager", "back in 2016", "used to": a time long gone (not after
        /// "since", "for", "from" or "over": "numb since last year" is a sign now).
        func saysDistantPast(in clause: Range<Int>, _ markers: [[String]]) -> Bool {
            clause.contains { index in
                guard index == 0 || !["since", "for", "from", "over"].contains(texts[index - 1]) else { return false }
                if markers.contains(where: { index + $0.count <= clause.upperBound && says($0, at: index) }) { return true }
                // "had brown wee after a 100 miler once and ended up on a drip": once, said after what happened (not
                // "once he got home", a time now).
                // (Not when the runner's own is told after it and is not said to be fine: "..., mine is brown now".)
                if texts[index] == "once", index > clause.lowerBound,
                    index + 1 == clause.upperBound || ["and", "years", "before"].contains(texts[index + 1]),
                    !runnerTellsTheirs(after: clause.upperBound)
                {
                    return true
                }
                // "when I was 16", "when I was a kid" (not "when I was out this morning").
                if says(["when", "i", "was"], at: index), index + 3 < clause.upperBound {
                    let next = texts[index + 3]
                    return Int(next).map { $0 < 40 } ?? ["a", "young", "younger", "little", "small"].contains(next)
                }
                // "in 2017", "back in 2016", "in my teens" (not "in my 40s", an age now, or "in 90s heat").
                guard texts[index] == "in", index + 1 < clause.upperBound else { return false }
                let next = texts[index + 1] == "my" && index + 2 < clause.upperBound ? texts[index + 2] : texts[index + 1]
                return PastReading.isPastYear(next) || texts[index + 1] == "my" && ["teens", "twenties"].contains(next)
            }
        }

        /// "nothing since", "fully rehabbed", "long gone", or a later clause of now that plays it down ("today it's just
        /// my quads"): the past injury healed.
        /// "nothing since", "fully rehabbed", "long gone": the past injury healed (not "hasn't healed").
        func saysHealed(after clause: Range<Int>) -> Bool {
            (clause.upperBound..<texts.count).contains { index in
                PastReading.healed.contains { says($0, at: index) }
                    && !texts[max(clause.upperBound, index - 3)..<index].contains(where: ["not", "never", "no", "nothing"].contains)
            }
        }

        /// "..., mine is brown now": the runner's own told after another person's, and not said to be fine ("mine's
        /// normal").
        func runnerTellsTheirs(after end: Int) -> Bool {
            (end..<texts.count).contains { index in
                texts[index] == "mine"
                    && !texts[(index + 1)...].prefix(3).contains(where: ["fine", "normal", "ok", "okay", "clear", "good"].contains)
            }
        }

        /// "teammate collapsed in the heat, she's ok now": the other person is said to be fine again.
        func saysTheyAreFine(after end: Int) -> Bool {
            clauses(after: end).contains { later in
                // ("she's ok" reads "she ok": the 's is dropped.)
                let words = later.filter { !["is", "are", "s"].contains($0) }
                return words.count >= 2 && ["she", "he", "they"].contains(words[words.startIndex])
                    && ["ok", "okay", "fine", "alright", "recovered", "grand"].contains(words[words.startIndex + 1])
            }
        }

        /// "...so I'm (a bit) paranoid", "so I wear flight socks": what went before is why the runner takes care, not a
        /// sign now: "so I" and a habit, or "so I'm" and a word of care or worry.
        func precautionFollows(_ end: Int) -> Bool {
            guard end + 2 < texts.count, texts[end] == "so", texts[end + 1] == "i" else { return false }
            if PastReading.habits.contains(texts[end + 2]) { return true }
            guard texts[end + 2] == "am" else { return false }
            let next = texts[(end + 3)...].first { !PastReading.degrees.contains($0) }
            return next.map(PastReading.care.contains) ?? false
        }

        /// "my husband tore his hamstring..., mine is just mild DOMS in comparison": someone else's past injury set
        /// against the runner's milder one (only a finished event: "my wife's calf is swollen, mine is fine" still warns).
        func contrastFollows(_ clause: Range<Int>, _ end: Int) -> Bool {
            guard clause.contains(where: { PastReading.events.contains(texts[$0]) }), end < texts.count else { return false }
            return (end + 1..<texts.count).contains { index in
                PastReading.contrasts.contains { says($0, at: index) } || says(["in", "comparison"], at: index)
            }
        }
    }

    static func isPastYear(_ word: String) -> Bool {
        guard word.count == 4, let year = Int(word) else { return false }
        return (1950...2025).contains(year)
    }

    // (Words of the readings; grammar, not content.)
    /// The words that every phrase of healing has (`WordClass.pastClue`): with no other person in it, a line says one of
    /// these or tells nothing of the past.
    static let clues: Set<String> = [
        "since", "issues", "problems", "recovered", "rehabbed", "rehabilitated", "healed", "gone", "scar", "cleared", "fine",
    ]
    static let breaks: Set<String> = ["but", "so", "and", "though", "although", "however", "whereas", "while", "now", "today", "tonight"]
    /// (With "too", "also", "so did I": the runner has it as well, so the other person's clause is not set aside.)
    static let thenWords: Set<String> = ["again", "same", "similar", "then", "before", "recurring", "returned", "also"]
    static let distantPast: [[String]] = [
        ["years", "ago"], ["year", "ago"], ["years", "back"], ["last", "year"], ["last", "season"], ["as", "a", "kid"],
        ["as", "a", "child"], ["as", "a", "teenager"], ["as", "a", "teen"], ["last", "week"], ["last", "month"], ["weeks", "ago"],
        ["months", "ago"], ["freaked", "me", "out"], ["last", "summer"], ["last", "winter"], ["last", "spring"], ["last", "autumn"],
        ["decades", "ago"], ["ages", "ago"], ["long", "ago"], ["at", "uni"], ["at", "university"], ["at", "school"],
        ["at", "college"], ["in", "high", "school"],
    ]
    /// The runner's own time long gone: years, not weeks ("last week I coughed up blood" may be a sign still).
    static let ownDistantPast: [[String]] = [
        ["years", "ago"], ["year", "ago"], ["years", "back"], ["last", "year"], ["last", "season"], ["as", "a", "kid"],
        ["as", "a", "child"], ["as", "a", "teenager"], ["as", "a", "teen"], ["decades", "ago"], ["long", "ago"], ["ages", "ago"],
        ["at", "uni"],
        ["at", "university"], ["at", "school"], ["at", "college"], ["in", "high", "school"],
    ]
    /// Before another person ("on the run with my brother", "just like my mum's did"): a companion or a comparison, not
    /// the subject.
    static let feelings: Set<String> = ["scared", "freaked", "frightened", "worried", "terrified", "shocked", "upset", "spooked"]
    static let companionWords: Set<String> = ["with", "beside", "alongside", "behind", "to", "for", "into", "and", "like", "as"]
    /// A clinician's view is of the runner ("the doctor said he thinks it might be a DVT").
    static let clinicianWords: Set<String> = [
        "doctor", "doc", "gp", "physio", "physiotherapist", "nurse", "consultant", "surgeon", "paramedic", "paramedics", "medic",
        "medics", "said", "says", "thinks", "think", "suspects", "reckons", "told", "might", "could", "may", "possibly",
    ]
    static let healed: [[String]] = [
        ["nothing", "since"], ["nothing", "like", "that", "since"], ["no", "issues"], ["no", "problems"], ["recovered"],
        ["rehabbed"], ["rehabilitated"], ["healed"], ["long", "gone"], ["all", "good", "since"], ["fine", "since"],
        ["fine", "ever", "since"], ["fine", "for"], ["just", "a", "scar"], ["has", "not", "since"], ["cleared", "by"],
        ["marathons", "since"], ["races", "since"],
    ]
    /// Something seen, read or heard: the clause is a story, not the runner's sign. (Nouns only: "just saw the pee is the
    /// colour of cola", "saw the left calf was swollen" tell the runner's own sign, as a reviewer showed; so does a worry
    /// with its reason, "worried about rhabdo since my pee was dark brown", which is why a worry is no story.)
    static let storyWords: Set<String> = [
        "documentary", "documentaries", "article", "articles", "podcast", "programme", "program", "film", "movie", "novel",
        "book", "news", "video", "telly", "tv", "youtube", "reddit", "forum", "instagram", "tiktok", "episode",
    ]
    /// People the runner does not know, unlike "my friend": their signs are no reason for the runner to ask. (After a
    /// determiner; "someone", "somebody" and "people" alone.)
    static let strangers: Set<String> = [
        "guy", "bloke", "woman", "lady", "man", "lad", "runner", "runners", "stranger", "girl", "fella", "dude", "chap",
    ]
    static let determiners: Set<String> = ["a", "an", "some", "this", "that", "the", "another", "one", "other"]
    /// "told me about", "showed me": "me" told to, not the runner's own.
    static let toldWords: Set<String> = ["told", "showed", "sent", "warned", "telling"]
    static let habits: Set<String> = ["wear", "always", "know", "drank", "check", "watch", "keep", "take", "make", "never"]
    static let care: Set<String> = [
        "careful", "paranoid", "nervous", "worried", "anxious", "cautious", "wary", "twitchy", "jumpy", "squeamish",
        "watching", "keeping", "aware", "neurotic", "jittery", "edgy",
    ]
    static let degrees: Set<String> = [
        "a", "bit", "little", "really", "very", "quite", "super", "extra", "being", "always", "pretty", "so",
    ]
    static let contrasts: [[String]] = [["mine", "is", "only"], ["mine", "is", "just"], ["i", "am", "nothing", "like", "that"]]
    static let events: Set<String> = [
        "did", "tore", "broke", "had", "got", "ruptured", "snapped", "fractured", "was", "were", "unable", "could",
    ]
    static let diagnoses: Set<String> = [
        "dvt", "clot", "clots", "fracture", "fractures", "syndrome", "surgery", "op", "operation", "rupture", "thrombosis",
        "embolism", "diagnosed", "warfarin", "rhabdo", "rhabdomyolysis", "cellulitis", "sepsis",
    ]
    /// (The words of now that make a supposition the runner's own, `SupposedSign.presentMarkers`, less "since", which
    /// dates the past here, plus "recently".)
    static let recent: Set<String> = SupposedSign.presentMarkers.subtracting(["since"]).union(["recently"])
    /// The runner's own body or soreness: "I'm just here for my feet", "calves stiff" (not a bare "I": "can I massage
    /// it for him?" asks about the other person).
    static let ownComplaint: Set<String> = [
        "my", "mine", "myself", "sore", "stiff", "tight", "achy", "aching", "heavy", "tired", "doms",
    ]
}

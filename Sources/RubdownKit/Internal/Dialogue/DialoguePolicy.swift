/// Where each line goes: the decisions of the dialogue, apart from the plugins that answer.
enum DialoguePolicy {
    /// Below this confidence a line is out of scope; a line about the domain (an area, a technique,
    /// soreness) needs less, since out-of-scope questions rarely name those.
    static let outOfScopeThreshold = 0.35
    static let inDomainThreshold = 0.2
    /// A line that does not answer a pending question interrupts it only when understood at least this well.
    static let digressionThreshold = 0.45

    struct Route {
        var plugin: String
        var intent: String
    }

    /// The plugin and intent for a line on its own, without conversation state.
    static func route(_ understanding: Understanding, plugins: PluginRegistry, table: IntentTable) -> Route {
        if let handler = screeningRoute(understanding, plugins: plugins, table: table) { return handler }
        let threshold = understanding.inDomain ? inDomainThreshold : outOfScopeThreshold
        // Declined by the plugin with the out-of-scope capability, as "<its name>.out_of_scope" (the contract's
        // "fallback.out_of_scope").
        let fallback = plugins.plugin(with: .outOfScope)?.name ?? "fallback"
        let declined = Route(plugin: fallback, intent: fallback + ".out_of_scope")
        guard let top = understanding.top, top.score >= threshold else { return declined }
        // The scope model (scope-model.yaml) overrules the ranking only when almost sure, and only to decline: "press a
        // shirt before the race", which the table's words would answer. (Bringing in a line the table declines was tried
        // and took "is a cold beer ok after the long run" to the baths: see README, "The line models".)
        if let scope = understanding.scope, scope.outOfScope > scope.declineAbove, !plugins.isOutOfScope(top.plugin) {
            return declined
        }
        return Route(plugin: top.plugin, intent: top.intent)
    }

    /// The plugin with the red-flags capability (triage), which screens possibly serious lines and
    /// reports of discomfort, with its best intent for the line; nil when the line is neither a red flag
    /// nor worth screening, unless `always`.
    static func screeningRoute(_ understanding: Understanding, plugins: PluginRegistry, table: IntentTable, always: Bool = false) -> Route?
    {
        // A possibly serious line is screened, unless it is a clear request of its own ("cold soak for
        // swollen ankles?" is about a bath) that some plugin answers. A sign that is serious on its own
        // ("sciatica flaring up, anything I can massage?") is screened even in a request, and a caution
        // sign ("tweaked my back", "pee is dark yellow, is that bad?") whenever it is not a request.
        let entities = understanding.entities
        let request =
            looksLikeRequest(understanding) && !plugins.isOutOfScope(understanding.top?.plugin ?? "")
            && understanding.confidence >= clearRequest
        let screen =
            entities.techniques.isEmpty && entities.baths.isEmpty
            && (Safety.needsScreening(understanding) && (!request || entities.symptomStandsAlone)
                || !entities.cautions.isEmpty && !request && understanding.confidence < exampleMatch
                    && (!entities.bodyParts.isEmpty || entities.urine != nil || entities.discomfort))
        guard always || !understanding.entities.redFlags.isEmpty || screen, let handler = plugins.plugin(with: .redFlags)
        else { return nil }
        let intent =
            understanding.ranking.first { $0.plugin == handler.name }?.intent
            ?? table.firstIntent(of: handler.name)?.id
        return Route(plugin: handler.name, intent: intent ?? handler.name)
    }

    /// Whether the line talks about the body or a run: such a line is never taken as a bare command.
    static func mentionsTheBody(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        return !entities.bodyParts.isEmpty || !entities.symptoms.isEmpty || !entities.cautions.isEmpty || entities.distanceKm != nil
            || entities.painLevel != nil || entities.generalSoreness || entities.painKind != nil
    }

    /// "my heel kills first thing", "got a blister on my toe": a body area with soreness, a symptom or a
    /// caution sign, and no technique or bath asked about. Such a line gets the questions, never a clarifying one.
    static func reportsDiscomfort(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        // "hamstrings feel a bit tight, anything to loosen them?": a report first, then a question about it.
        // "Hot 25k this morning, legs are sore. What should I massage?": a report in a sentence of its own,
        // then the question, is a report too.
        func opensWithReport() -> Bool { (entities.opensWithArea || tellsBeforeAsking(understanding)) && !opensAsRequest(understanding) }
        // ("shin of beef for slow cooking" names an area and a soreness word, in other senses; a strain or a
        // symptom is told whatever the other words.)
        guard understanding.inDomain || !entities.cautions.isEmpty || !entities.symptoms.isEmpty, entities.techniques.isEmpty,
            entities.baths.isEmpty,
            !looksLikeRequest(understanding) || opensWithReport() || asksWhetherItIsNormal(understanding)
                || feelsRoughAfterARun(understanding)
        else {
            return false
        }
        let discomfort =
            entities.generalSoreness || entities.discomfort || entities.painKind != nil || entities.painLevel != nil
            || !entities.symptoms.isEmpty || !entities.cautions.isEmpty
            || understanding.keywordIntents.contains { $0.hasPrefix("triage.") }
            || entities.areaToldOf && !looksLikeRequest(understanding) && !saysAnotherPluginsKeyword(understanding)
        return discomfort && (!entities.bodyParts.isEmpty || entities.generalSoreness || entities.areaToldOf)
    }

    /// "post-run routine for hamstrings", "best self massage for feet after a long run": a keyword of a plugin other than
    /// the triage's, the core's or the fallback's, a request even without a question mark.
    static func saysAnotherPluginsKeyword(_ understanding: Understanding) -> Bool {
        understanding.keywordIntents.contains { !$0.hasPrefix("triage.") && !$0.hasPrefix("core.") && !$0.hasPrefix("fallback.") }
    }

    /// "calf is sore now, roller or massage gun?", "anything I can rub on this knee niggle?": a request for massage of an
    /// area the line says hurts. It gets what it asks for, and the first of the questions with it.
    static func asksToMassageWhatHurts(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        guard !entities.bodyParts.isEmpty, entities.baths.isEmpty else { return false }
        return entities.generalSoreness || entities.discomfort || entities.painKind != nil || entities.painLevel != nil
            || tellsOfAnInjury(understanding) || understanding.normalized.split(separator: " ").contains { hurtWords.contains(String($0)) }
    }
    static let hurtWords: Set<String> = ["hurt", "hurts", "hurting", "sore"]

    /// "tripped and hurt her foot", "twisted my knee": an injury, for which massage may be wrong (a fresh sprain):
    /// massage asked for it gets the questions first. A strain's own words ("pulled", "twisted", "sprained") are the
    /// strain caution's (`cautions.yaml`); these are the mishaps that cause one. (Not "rolled": a runner's calves are
    /// rolled on a foam roller; a rolled ankle is the strain caution's.)
    static func tellsOfAnInjury(_ understanding: Understanding) -> Bool {
        !understanding.entities.cautions.isEmpty || !understanding.entities.symptoms.isEmpty
            || understanding.normalized.split(separator: " ").contains { mishapWords.contains(String($0)) }
    }
    static let mishapWords: Set<String> = [
        "tripped", "tripping", "fell", "fallen", "falling", "twisting", "injured", "injury", "landed", "knocked",
        "whacked",
    ]

    /// "is it normal to still be sore 3 days after a half", "everything aches after week one of couch to 5k, is that
    /// normal?": a question whether the runner's own soreness is normal that says where it is, when it began or what
    /// run it follows tells as much as a report, and the questions answer it better than the list of warning signs.
    /// (Asked with nothing of the runner's own, "is it normal to be this sore" still gets the signs.)
    static func asksWhetherItIsNormal(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        guard entities.daysAgo != nil || entities.distanceKm != nil || !entities.bodyParts.isEmpty else { return false }
        let words = understanding.normalized.split(separator: " ").map(String.init)
        // "is it ok to be this achy after a 5k?", "is this alright after a half?"
        let asksIfOK =
            words.count >= 3 && words[0] == "is" && ["it", "this", "that"].contains(words[1])
            && ["ok", "okay", "alright", "fine"].contains(words[2])
        return asksIfOK || words.contains { normalWords.contains($0) }
    }
    /// "feeling pretty rough after today's half, what should I stretch tonight": feeling rough after a run, whatever it
    /// asks next, is told first; the questions find out what is wrong (it may be more than the legs).
    static func feelsRoughAfterARun(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        guard entities.generalSoreness, entities.bodyParts.isEmpty else { return false }
        return understanding.normalized.split(separator: " ").contains { LineReadings.roughWords.contains(String($0)) }
    }
    static let normalWords: Set<String> = ["normal", "usual", "expected", "common", "worried", "worry", "worrying", "concerned"]

    /// A report of discomfort that starts the questions: unless it is, nearly word for word, an example of another
    /// intent and asks for something ("what's good for tight hamstrings" is a request; "tight hammys", which the
    /// matcher finds nearly as close to it, tells and asks nothing, and is a report), or is word for word an
    /// example that asks nothing ("the log of my sore legs").
    /// An area said alone ("calf", "ugh my hammies") is where it hurts, and starts them too.
    static func startsQuestions(_ understanding: Understanding) -> Bool {
        if understanding.entities.namesOnlyAreas, understanding.inDomain, !looksLikeRequest(understanding) { return true }
        let asExample = looksLikeRequest(understanding) ? exampleMatch : exactExample
        return reportsDiscomfort(understanding) && understanding.confidence < asExample
    }

    /// A line this well understood is, word for word, an example of its intent (whose words the matcher
    /// sees all of: "the log of my sore legs" is the journal's).
    static let exactExample = 0.99

    /// "I don't have a foam roller", "I'm on warfarin", "I've got ten minutes": a line that only tells
    /// about the runner, reporting nothing and asking for nothing.
    static func onlyTellsAboutTheRunner(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        guard !entities.runnerFacts.isEmpty || !entities.runnerFactsWithdrawn.isEmpty || entities.minutesAvailable != nil else {
            return false
        }
        return !mentionsTheBody(understanding) && !entities.discomfort && entities.baths.isEmpty && !looksLikeRequest(understanding)
    }

    /// "im 30 weeks pregnant, can i do an ice bath?", "I'm on warfarin, how do I use a tennis ball?": a fact of the
    /// runner's told beside a request for a bath or a technique, which is what is answered, fitted to the fact.
    /// (Or of the time the runner has, or a fact taken back: "I have 5 minutes and no equipment, what can I do for my
    /// quads?", "I'm not diabetic, how do I drum my calves?".)
    static func asksBesideAFact(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        let tellsOfThemselves =
            !entities.runnerFacts.isEmpty || !entities.runnerFactsWithdrawn.isEmpty || entities.minutesAvailable != nil
        let asksOfTheDomain = !(entities.baths.isEmpty && entities.techniques.isEmpty) || !entities.bodyParts.isEmpty
        return tellsOfThemselves && asksOfTheDomain && looksLikeRequest(understanding)
    }

    /// The route of such a line, when the note of the runner's facts has won its ranking: its best intent that is
    /// neither that note nor out of scope.
    static func requestBesideAFact(_ understanding: Understanding, plugins: PluginRegistry) -> Route? {
        let aboutTheRunner = plugins.aboutTheRunnerIntent
        guard asksBesideAFact(understanding), understanding.top?.intent == aboutTheRunner,
            let asked = understanding.ranking.first(where: { $0.intent != aboutTheRunner && !plugins.isOutOfScope($0.plugin) })
        else { return nil }
        return Route(plugin: asked.plugin, intent: asked.intent)
    }

    /// Whether a line is an answer to the pending question rather than something new.
    /// - Parameter outOfScope: the line on its own would go to the fallback; mid-question that is
    ///   an answer that could not be read, to be asked again, not a change of subject.
    static func isAnswer(
        _ understanding: Understanding, to pending: PendingQuestion, filled: Bool, fillsOther: Bool, outOfScope: Bool
    ) -> Bool {
        if filled { return true }
        // An out-of-scope question is answered by the fallback; anything else out of scope is
        // an answer that could not be read ("purple banana"), so the question is asked again.
        if outOfScope { return !looksLikeRequest(understanding) }
        // A word or two that tell nothing readable ("normal" when asked how far) are a try at an answer, asked
        // again, unless they name something of their own (another plugin's keyword, a technique, a bath, an area).
        let entities = understanding.entities
        let ownKeyword = understanding.keywordIntents.isEmpty || understanding.top?.plugin == pending.plugin
        if understanding.input.split(separator: " ").count <= 2, !looksLikeRequest(understanding), ownKeyword,
            entities.techniques.isEmpty, entities.baths.isEmpty, entities.bodyParts.isEmpty, entities.redFlags.isEmpty
        {
            return true
        }
        guard let top = understanding.top, top.score >= digressionThreshold, top.intent != pending.intent else {
            return true
        }
        // A correction ("actually it's my hamstrings", "not my knees, my shins") is an answer.
        if fillsOther && SlotFilling.corrects(understanding) {
            return true
        }
        // Other facts count as an answer unless the line is clearly a request of its own
        // ("how do I use a foam roller on my quads" is not an answer).
        // A few words that tell another fact ("kinda tight" when asked how bad) answer too: asking for
        // something takes more words, or a question.
        // So does a statement that asks nothing ("the front of my lower leg, the shin muscle", told when asked when it
        // started): a technique list in the middle of the questions is what it got.
        let short = understanding.input.split(separator: " ").count <= 3 && !looksLikeRequest(understanding)
        let statement = !looksLikeRequest(understanding) && !understanding.input.utf8Contains(UInt8(ascii: "?"))
        return fillsOther && (top.plugin == pending.plugin || top.score < clearRequest || short || statement)
            && entities.techniques.isEmpty && entities.baths.isEmpty
    }

    /// A question or command rather than a statement: "what's the weather", "tell me a joke".
    static func looksLikeRequest(_ understanding: Understanding) -> Bool {
        understanding.input.utf8Contains(UInt8(ascii: "?")) || opensAsRequest(understanding)
    }

    /// Whether the line's first word is a question or command word, or its second after a word of reply ("ok how much
    /// ibuprofen can i take": a new user's "ok ..." about painkillers started the soreness questions).
    static func opensAsRequest(_ understanding: Understanding) -> Bool {
        // (The first words found on the bytes: this runs several times for every line.)
        let normalized = understanding.normalized
        let utf8 = normalized.utf8
        guard let start = utf8.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return false }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: " ")) ?? normalized.endIndex
        let first = String(normalized[start..<end])
        if requestWords.contains(first) { return true }
        guard LineReadings.leadFillers.contains(first), end < normalized.endIndex else { return false }
        let after = utf8.index(after: end)
        let secondEnd = utf8[after...].firstIndex(of: UInt8(ascii: " ")) ?? normalized.endIndex
        return requestWords.contains(String(normalized[after..<secondEnd]))
    }

    /// A whole line that asks to stop the questions.
    static func stopsTheQuestions(_ line: String) -> Bool {
        let said = wholeLine(line)
        // ("enough questions mate just tell me what to do", "no more questions pls": a new user's.)
        return stopLines.contains(said) || stopOpenings.contains { said == $0 || said.hasPrefix($0 + " ") }
    }
    /// A stop that asks for the advice now: "enough questions, just tell me what to do", "no more questions, just give me
    /// the advice".
    static func asksForTheAdviceNow(_ line: String) -> Bool {
        says(adviceNowPhrases, in: line) || waivesTheQuestions(line)
    }
    /// A line that asks for the advice now even without a stop ("can you just tell me what to do", "just give me the advice
    /// already", "skip the questions"): new users' lines got "Sorry, I couldn't read that as an answer".
    static func waivesTheQuestions(_ line: String) -> Bool { says(adviceNowAlonePhrases, in: line) }
    /// Whether any of the phrases is said, as whole words, anywhere in the line.
    private static func says(_ phrases: [String], in line: String) -> Bool {
        let said = " " + wholeLine(line) + " "
        return phrases.contains { said.contains(" " + $0 + " ") }
    }
    static let adviceNowPhrases = [
        "tell me what to do", "what do i do", "what should i do", "what can i do", "what do you recommend", "what do you suggest",
        "advice please", "give me the routine",
    ]
    static let adviceNowAlonePhrases = [
        "just tell me", "just give me", "give me the advice", "just the advice", "get to the point", "skip to the advice",
        "just the routine", "skip to the routine", "skip the questions",
    ]

    /// A short line that asks why, and names nothing of its own ("why do you ask?", "why does that matter", "why is that
    /// important"): asked while a question waits, it asks why that question (a new user's got the out-of-scope reply).
    static func asksWhyTheQuestion(_ line: String) -> Bool {
        let words = wholeLine(line).split(separator: " ")
        guard words.first == "why", words.count <= 6 else { return false }
        return words.dropFirst().allSatisfy { whyFillers.contains(String($0)) }
    }
    static let whyFillers: Set<String> = [
        "do", "does", "did", "you", "u", "ask", "asking", "need", "want", "to", "know", "that", "this", "it", "matter", "matters",
        "is", "important", "relevant", "the", "question", "d", "ya", "would",
    ]

    /// A whole line that asks the stopped questions to carry on.
    static func resumesTheQuestions(_ line: String) -> Bool { resumeLines.contains(wholeLine(line)) }

    /// A line's words, lower-cased, without marks ("Stop!" reads "stop"), to compare with a list of whole lines.
    private static func wholeLine(_ line: String) -> String {
        line.lowercased().split { !$0.isLetter && $0 != "'" }.joined(separator: " ")
    }
    static let resumeLines: Set<String> = [
        "continue", "ok continue", "go on", "ok go on", "go on then", "ok go on then", "carry on", "ok carry on", "where were we",
        "resume", "keep going", "let's continue", "lets continue", "go ahead", "ok go ahead", "back to the questions",
        "ask me the questions",
    ]
    static let stopLines: Set<String> = [
        "stop", "stop it", "stop please", "please stop", "cancel",
        "never mind", "nevermind", "nvm", "forget it", "enough",
    ]
    /// (A whole line too: `stopsTheQuestions` takes each alone or with words after it.)
    static let stopOpenings = [
        "no more questions", "enough questions", "stop asking", "stop the questions", "too many questions", "skip the questions",
        "enough with the questions",
    ]

    static let thingsAskedFor: Set<String> = ["massage", "rub", "bath", "baths", "roll", "routine"]
    static let requestWords = LineReadings.requestWords

    /// Whether the line tells something in a sentence of its own before it asks ("Day 3 after my half. Still
    /// sore. Is massage a good idea now?").
    static func tellsBeforeAsking(_ understanding: Understanding) -> Bool {
        // On the bytes: this runs for every line, and splitting into Characters cost as much as the matcher.
        let input = understanding.input
        let bytes = input.utf8
        func endsASentence(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") }
        // (Sentences are what lies between the marks; a mark with nothing before it ends none.)
        func isText(_ byte: UInt8) -> Bool { !endsASentence(byte) && byte != UInt8(ascii: " ") }
        guard input.utf8Contains(UInt8(ascii: "?")) else { return false }
        // "did my first ultra on Saturday, everything aches, where do I start?": the question in a clause of its own, when
        // it asks what to do, not for a massage or a bath ("..., how do I massage her calves?" gets the technique).
        let words = understanding.normalized.split(separator: " ")
        if let first = words.first, !requestWords.contains(String(first)),
            let comma = zip(words.indices, words.dropFirst()).first(where: { words[$0] == "," && requestWords.contains(String($1)) })?.0,
            !words[comma...].contains(where: { thingsAskedFor.contains(String($0)) })
        {
            return true
        }
        guard let start = bytes.firstIndex(where: isText), let end = bytes[start...].firstIndex(where: endsASentence),
            bytes[end...].contains(where: isText)
        else { return false }
        guard let first = input[start..<end].split(separator: " ", maxSplits: 1).first else { return false }
        return !requestWords.contains(first.lowercased())
    }

    /// Two in-scope intents of different plugins this close, neither a clear match, are worth a question.
    static let clarifyMargin = 0.04
    static let clarifyBelow = 0.9

    /// The two intents to offer when the line fits both about equally; nil when one is clearly better.
    static func ambiguity(_ understanding: Understanding, plugins: PluginRegistry, table: IntentTable) -> (IntentScore, IntentScore)? {
        guard understanding.entities.redFlags.isEmpty else { return nil }
        let inScope = understanding.ranking.filter {
            !plugins.isOutOfScope($0.plugin) && table.intent($0.intent)?.offer != nil
        }
        guard inScope.count >= 2, let first = understanding.top, first.intent == inScope[0].intent else { return nil }
        let second = inScope[1]
        let threshold = understanding.inDomain ? inDomainThreshold : outOfScopeThreshold
        // A keyword for the first and none for the second settles it.
        let keywords = understanding.keywordIntents
        if keywords.contains(first.intent) && !keywords.contains(second.intent) { return nil }
        guard first.plugin != second.plugin, first.score < clarifyBelow, second.score >= threshold,
            first.score - second.score < clarifyMargin
        else { return nil }
        return (first, second)
    }

    /// Which offered intent an answer to a clarifying question picks, if any.
    static func choice(_ understanding: Understanding, among options: [String]) -> String? {
        let words = understanding.normalized.split(separator: " ").map(String.init)
        if words.contains(where: ["first", "1", "former", "one", "a"].contains) && options.count > 0 && !words.contains("second") {
            if words.count <= 4 { return options[0] }
        }
        if words.contains(where: ["second", "2", "latter", "other", "b"].contains), options.count > 1 { return options[1] }
        if let best = understanding.ranking.first(where: { options.contains($0.intent) }), best.score >= 0.2 { return best.intent }
        if understanding.entities.answer == .yes, let first = options.first { return first }
        return nil
    }

    /// A line this well understood is, nearly word for word, an example of its intent.
    static let exampleMatch = 0.9

    /// A line this well understood is a request of its own.
    static let clearRequest = 0.6

    /// "what about my quads?", "and the other leg?": a short line that names something new and leans
    /// on the previous request for what to do with it.
    static func refersBack(_ understanding: Understanding) -> Bool {
        let entities = understanding.entities
        // (Or a fact of the runner's: "what about if I have high blood pressure", after a bath answer, got a clarifying
        // question, then the pressing card.)
        guard !entities.bodyParts.isEmpty || entities.otherSide || !entities.runnerFacts.isEmpty, entities.techniques.isEmpty,
            entities.baths.isEmpty
        else {
            return false
        }
        let text = understanding.normalized.replacingOccurrences(of: ",", with: "").split(separator: " ").joined(separator: " ")
        let leads = ["what about", "how about", "and ", "also ", "same for", "what of", "now ", "then ", "what if"]
        return leads.contains { text.hasPrefix($0) } || entities.otherSide
    }
}

import Foundation
import RubdownKit
import TestSupport
import Testing

@Suite struct DialogueTests {
    @Test func asksOnlyWhatItDoesNotKnow() {
        let turns = converse(["my calves hurt after a 10k yesterday", "no", "dull ache", "3", "about the same"])
        #expect(turns[0].awaiting == .swelling)
        #expect(turns.map(\.awaiting).contains(.when) == false)
        #expect(turns.map(\.awaiting).contains(.distance) == false)
        #expect(turns[4].triage?.level == .selfCare)
    }

    /// A change of mind that says an area is all right ("quads are fine") takes it out, as "not my quads" does.
    @Test func anAreaSaidToBeFineIsTakenOut() {
        let turns = converse([
            "my quads and calves are sore after a 15k", "actually wait, its just my calves, quads are fine", "no", "dull", "3", "yesterday",
            "easing",
        ])
        #expect(turns[1].reply.contains("Noted: your calves."), "\(turns[1].reply)")
        #expect(turns.last?.triage?.bodyParts == ["calves"], "\(turns.map(\.reply))")
        // Not when a side is named, the line goes on ("ok when I walk but..."), or asks ("ok to foam roll?").
        for (line, area) in [
            ("my left knee is fine, the right one hurts after my long run", "knees"),
            ("my hamstring is ok when i walk but hurts when i run", "hamstrings"),
            ("my calves are ok to foam roll after a marathon?", "calves"),
        ] {
            #expect(shippedCoach.classify(line).entities.bodyParts.contains(area), "\(line)")
        }
    }

    /// A fact told just after the outcome ("5k" once the questions are over) is taken in and the advice given
    /// again with it, not the out-of-scope reply; a question about something else still gets that reply.
    @Test func aLateAnswerAfterTheOutcomeIsTakenIn() {
        let turns = converse([
            "my calves are sore after a run", "no", "dull", "3", "yesterday", "same", "not sure", "5k", "what's the capital of France",
        ])
        #expect(turns[6].triage != nil)
        #expect(turns[7].plugin == "triage" && turns[7].triage != nil, "\(turns[7].reply)")
        #expect(turns[7].reply.hasPrefix("Noted: a 5 km run."), "\(turns[7].reply)")
        #expect(turns[8].plugin == "fallback")
    }

    /// A number told as a change ("worse, 9", "9 now", asked how far) is the new pain level, not a distance.
    @Test func aNumberToldAsAChangeIsThePainLevel() {
        for answer in ["worse, 9", "9 now"] {
            let turns = converse(["my calves are sore", "no", "a dull ache", "3", "yesterday", "same", answer])
            #expect(turns[5].awaiting == .distance)
            #expect(turns[6].reply.contains("9 out of 10"), "\(answer): \(turns[6].reply)")
        }
    }

    /// A question or a request in answer to "anything else with it?" answers nothing: the screen is asked again, not
    /// taken as a no (a tester's "why do you need to know?" and "walk me through it" were).
    @Test func aQuestionDoesNotAnswerTheOtherSignsScreen() {
        let turns = converse(["hamstrings tight after 15 miles yesterday, no swelling, 4/10", "why do you need to know?", "no"])
        #expect(turns[0].awaiting == .painKind && turns[0].reply.contains("Anything else"), "\(turns[0].reply)")
        #expect(turns[1].awaiting == .painKind && turns[1].reply.contains("Anything else"), "\(turns[1].reply)")
        #expect(turns[2].awaiting != .painKind, "\(turns[2].reply)")
    }

    /// Feeling rough after a run, with a question after it, starts the questions (safety-conversations.tuning-5: what
    /// is wrong may be more than the legs), and "thighs front and back" is both the quads and the hamstrings.
    @Test func feelingRoughAfterARunStartsTheQuestions() {
        let turns = converse(["feeling pretty rough after today's half in that heat tbh, what should I stretch tonight"])
        #expect(turns[0].plugin == "triage", "\(turns[0].reply)")
        #expect(turns[0].awaiting == .bodyPart, "\(turns[0].reply)")
        let thighs = converse([
            "legs still stiff a couple of days after the half, 3 out of 10, easing, no swelling", "thighs front and back",
            "nothing else", "pale",
        ])
        #expect(thighs[0].awaiting == .bodyPart)
        #expect(Set(thighs.last?.triage?.bodyParts ?? []) == ["quads", "hamstrings"], "\(thighs.map(\.reply))")
    }

    @Test func aDigressionIsAnsweredAndTheQuestionComesBack() {
        let turns = converse(["my calves hurt after a 10k", "how do I do drumming?"])
        #expect(turns[1].plugin == "techniques")
        #expect(turns[1].reply.contains("Back to your calves"))
        #expect(turns[1].awaiting == .swelling)
    }

    @Test func anUnreadableAnswerIsAskedAgainThenSkipped() {
        let turns = converse(["my calves hurt after a 10k", "no", "purple", "banana", "hmm"])
        #expect(turns[2].awaiting == .painKind)
        #expect(turns[2].reply.contains("For example"))
        #expect(turns[3].awaiting == .painLevel, "after two unreadable answers it moves on")
        #expect(turns[4].awaiting == .painLevel)
    }

    @Test func aRedFlagEndsTheQuestionsAtOnce() {
        let turns = converse(["my calves hurt after a 10k", "I heard a pop in my calf"])
        #expect(turns[1].triage?.level == .seekCare)
        #expect(turns[1].awaiting == nil)
        // A "yes" to swelling is held for the chest check, whose question already says not to massage and to get seen today.
        let swollen = converse(["my calves hurt after a 10k", "yes", "no"])
        #expect(swollen[1].triage == nil && swollen[1].reply.contains("don't massage") && swollen[1].reply.contains("today"))
        #expect(swollen[2].triage?.level == .seekCare)
        #expect(swollen[2].awaiting == nil)
    }

    @Test func noMassageAdviceForAFlaggedArea() {
        let turns = converse(["my calf is swollen and red", "how should I massage my calves?", "give me a routine"])
        #expect(turns[0].triage?.level == .seekCare)
        for turn in turns.dropFirst() {
            #expect(!turn.reply.contains("1. "), "massage steps given after a red flag: \(turn.reply)")
        }
    }

    @Test func restartForgetsTheConversation() {
        var conversation = shippedCoach.startConversation()
        _ = conversation.send("my calves hurt")
        let turn = conversation.send("start over")
        #expect(turn.plugin == "core")
        #expect(turn.awaiting == nil)
        #expect(conversation.state.areas.isEmpty)
    }

    /// Asking whether one's own soreness is normal, with when it began, what run it follows or where it is, is a
    /// report: the questions answer it. Asked with nothing of the runner's own, the warning signs answer it.
    @Test(arguments: [
        "is it normal to still be sore four days after a marathon", "my quads ache, is that normal?",
        "ran 15k on Sunday and I'm still sore, is that usual?",
    ])
    func askingWhetherOwnSorenessIsNormalStartsTheQuestions(line: String) {
        let turn = converse([line])[0]
        #expect(turn.plugin == "triage")
        #expect(turn.awaiting != nil, "\(line): \(turn.reply)")
    }

    @Test func askingWhetherSorenessIsNormalInGeneralGetsTheWarningSigns() {
        let turn = converse(["is it normal to be this sore"])[0]
        #expect(turn.intent == "triage.is_serious")
        #expect(turn.awaiting == nil)
    }

    @Test func outOfScopeGoesToFallback() {
        let turn = converse(["what is the capital of France"])[0]
        #expect(turn.plugin == "fallback")
    }

    // Scripts of answers through a pipe (issue 13, part 7): the README documents the question order.

    @Test func aFirstLineCanCarryEveryFact() {
        let turns = converse(["my calves hurt after a 10k yesterday, no swelling, a dull ache, about a 3, easing off"])
        #expect(turns[0].awaiting == nil)
        #expect(turns[0].triage?.level == .selfCare)
    }

    /// A kind of pain told before it was asked ("heavy", "tight") still gets the rest of that question, "anything else
    /// with it?", the screen for signs no other question asks about (safety-conversations.tuning-8: coughing blood,
    /// a numb foot told only there). It is never the one question left, and "anything else?" is not asked twice.
    @Test func aKindOfPainToldEarlyStillGetsAnythingElse() {
        let heavy = converse(["legs feel heavy after the half yesterday", "calves", "no", "yes, I've been coughing up a bit of blood"])
        #expect(heavy[2].awaiting == .painKind, "\(heavy[2].reply)")
        #expect(heavy[2].reply.contains("Anything else"))
        #expect(heavy[3].triage?.level == .seekCare)
        #expect(heavy[3].triage?.urgency == .emergency, "\(heavy[3].reply)")
        let numb = converse(["hamstring feels tight after my long run", "no", "pins and needles down to my foot"])
        #expect(numb[1].awaiting == .painKind)
        #expect(numb[2].entities.redFlags.contains("nerve") || numb[2].triage?.level == .seekCare, "\(numb[2].reply)")
        let fine = converse(["calves tight after a 10k yesterday", "no", "nothing else", "3", "easing"])
        #expect(fine[1].awaiting == .painKind)
        #expect(fine[2].awaiting == .painLevel)
        #expect(fine.last?.triage?.level == .selfCare)
        let asked = converse(["my calves hurt after a 10k", "no", "a dull ache"])
        #expect(asked[2].awaiting == .painLevel, "\(asked[2].reply)")
        // A bare "yes" says nothing of what: asked again.
        let yes = converse(["calves tight after a 10k yesterday", "no", "yes"])
        #expect(yes[2].awaiting == .painKind)
    }

    @Test func anAnswerGivenEarlyIsKeptForItsTurn() {
        let turns = converse(["my calves hurt after a 10k", "no swelling, and it's about a 3", "a dull ache"])
        #expect(turns[1].awaiting == .painKind)
        // The level was given before it was asked: the next question is the one after it.
        #expect(turns[2].awaiting == .when)
        #expect(turns.map(\.awaiting).contains(.painLevel) == false)
    }

    @Test func aScriptOfAnswersInTheREADMEOrderGivesTheSameOutcomeEveryTime() {
        // Where, swelling, kind, level, when, trend, distance: the order the README documents.
        let script = ["my calves are sore", "no", "a dull ache", "4", "yesterday", "easing", "10k"]
        let first = converse(script)
        let second = converse(script)
        #expect(first.map(\.reply) == second.map(\.reply))
        #expect(first.map(\.awaiting) == [.swelling, .painKind, .painLevel, .when, .trend, .distance, nil])
        #expect(first.last?.triage?.level == .selfCare)
    }

    // Found by a tester (session 5).

    @Test func whyWhileAQuestionWaitsSaysWhyItIsAsked() {
        let turns = converse(["my calves hurt", "why do you want to know that"])
        #expect(turns[1].reply.hasPrefix("Swelling, warmth or redness is the main thing"))
        #expect(turns[1].awaiting == .swelling)
    }

    /// A new user's (session 14): "why do you ask?" and "why does that matter" got the out-of-scope reply; "no more
    /// questions pls" was a no to swelling; "too early to tell" and "comes and goes" to the trend were not read; on the
    /// day of the run the trend is asked of the time since it.
    @Test(arguments: ["why do you ask?", "why does that matter", "why is that important"])
    func whyThisQuestionIsAnsweredThenAskedAgain(line: String) {
        let turns = converse(["my calves hurt after a 10k today", line, "no"])
        #expect(turns[1].intent == "core.why", "\(line): \(turns[1].reply)")
        #expect(turns[1].reply.hasPrefix("Swelling, warmth or redness is the main thing"))
        #expect(turns[2].awaiting == .painKind)
    }

    /// "weak" in answer to "anything else with it, such as ... weakness?" was taken as nothing else, and got the firm
    /// routine (a second new user, session 14): asked which weakness, once; a leg that gives way is a nerve sign.
    @Test(arguments: [("just tired and heavy", false), ("my left leg gives way", true), ("one leg drags a bit", true)])
    func weaknessToldToTheScreenIsAskedWhich(second: String, sign: Bool) {
        let opening = "did a half marathon yesterday, quads are tight, maybe a 3 out of 10, no swelling, getting better already"
        let turns = converse([opening, "my legs feel weak and wobbly", second, "normal"])
        #expect(turns[1].awaiting == .painKind && turns[1].reply.hasPrefix("Weak as in tired"), "\(turns[1].reply)")
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.triage?.reasons.contains("red-flag:nerve") == sign, "\(turns.map(\.reply))")
    }

    /// "and my left leg?" after the right calf's outcome: the same area on that side (a second new user's got the
    /// out-of-scope reply).
    @Test(arguments: ["and my left leg?", "what about the left one", "what about my other leg?"])
    func aSideNamedAfterTheAdviceIsThatAreaAgain(line: String) {
        let turns = converse(["my right calf hurts after a 10k", "no", "dull", "3", "yesterday", "same", line])
        #expect(turns[5].triage?.level == .selfCare)
        #expect(turns[6].plugin == "triage", "\(line): \(turns[6].reply)")
    }

    /// Asked for the advice without a stop ("can you just tell me what to do", "skip the questions"): the outcome from what
    /// was told, as with a stop; an answer given with it is taken and the questions go on.
    @Test(arguments: [
        "just tell me what to do", "can you just tell me what to do", "skip the questions", "just give me the advice already",
    ])
    func askingForTheAdviceMidQuestionsGetsIt(line: String) {
        let turns = converse(["shins sore after my run", line])
        #expect(turns[1].awaiting == nil && turns[1].triage?.level == .caution, "\(line): \(turns[1].reply)")
        let answered = converse(["shins sore after my run", "yes swollen, just tell me what to do"])
        #expect(answered[1].awaiting != nil && answered[1].triage == nil, "\(answered[1].reply)")
        // Nor with the urine told in it, stop or no stop (a reviewer's got advice with the urine question given up).
        for said in ["just tell me what to do, my pee is really dark", "enough questions, my pee is really dark"] {
            let ultra = converse(["quads wrecked after a 100 mile ultra", said])
            #expect(ultra[1].awaiting != nil && ultra[1].triage == nil, "\(said): \(ultra[1].reply)")
        }
    }

    /// How to do one technique on an area gets that technique's steps, not the area's whole list.
    @Test(arguments: ["how do i use a foam roller on my calves", "how should I foam roll my quads?"])
    func howToDoOneTechniqueOnAnAreaGetsItsSteps(line: String) {
        let turn = converse([line])[0]
        #expect(turn.reply.hasPrefix("Foam roller:") && !turn.reply.contains("Tennis ball"), "\(turn.reply)")
    }

    @Test(arguments: ["no more questions pls", "stop asking questions", "nvm"])
    func plainWaysToStopTheQuestions(line: String) {
        let turns = converse(["my calves hurt after a 10k today", line])
        #expect(turns[1].awaiting == nil, "\(line): \(turns[1].reply)")
        #expect(turns[1].reply.hasPrefix("OK, I'll stop the questions"), "\(line): \(turns[1].reply)")
    }

    /// "just tell me what to do" with the stop: the outcome from what was told, each question left given up on. The
    /// swelling never asked keeps hands off the calves (caution, stroking around the spot only) and is said unchecked.
    @Test(arguments: ["enough questions mate just tell me what to do", "no more questions, just give me the advice"])
    func aStopThatAsksForTheAdviceGetsItFromWhatWasTold(line: String) {
        let turns = converse(["my calves hurt after a 10k today", line])
        #expect(turns[1].awaiting == nil, "\(line): \(turns[1].reply)")
        #expect(turns[1].triage?.level == .caution, "\(line): \(turns[1].reply)")
        #expect(turns[1].triage?.bodyParts == ["calves"])
        #expect(turns[1].reply.contains("I couldn't find out whether there is swelling"), "\(turns[1].reply)")
        #expect(!turns[1].reply.contains("Foam roller"), "\(turns[1].reply)")
        // Told before the stop, the swelling is no longer unknown: ordinary soreness, its routine.
        let told = converse(["my calves hurt after a 10k today", "no swelling, a dull ache, about a 3", line])
        #expect(told[2].triage?.level == .selfCare, "\(told[2].reply)")
        // With no area yet there is nothing to advise on: the questions stop as before.
        let nowhere = converse(["my legs feel weird after my run", line])
        #expect(nowhere.last?.triage == nil, "\(nowhere.last?.reply ?? "")")
    }

    @Test(arguments: ["too early to tell", "comes and goes", "how would i know, i only just stopped running"])
    func trendAnswersOnTheDayOfTheRun(answer: String) {
        let turns = converse(["my calves hurt after a 10k today", "no", "dull ache", "4", answer])
        #expect(turns[3].awaiting == .trend)
        #expect(turns[3].reply.hasPrefix("Since the run, is it easing"), "\(turns[3].reply)")
        #expect(turns[4].triage?.level == .selfCare, "\(answer): \(turns[4].reply)")
    }

    @Test func knackeredHamstringsStartTheQuestions() {
        let turns = converse(["my hammies are knackered mate"])
        #expect(turns[0].intent == "triage.soreness")
        #expect(turns[0].awaiting == .swelling)
    }

    @Test(arguments: [("calves are not terrible, just stiff after parkrun", 3), ("not that awful really", 3), ("it's terrible", 8)])
    func aNegatedSeverityIsMild(line: String, level: Int) {
        #expect(shippedCoach.classify(line).entities.painLevel == level, "\(line)")
    }

    @Test func aFewWordsTellingAnotherFactAreAnAnswer() {
        let turns = converse(["my calves hurt", "no", "a dull ache", "kinda tight"])
        #expect(turns[3].plugin == "triage")
        #expect(turns[3].awaiting == .painLevel)
        #expect(turns[3].reply.hasPrefix("Noted: tight pain"))
    }

    /// "10" asked how far is no new pain level once the level is known (conversations.tuning-5: "4 i guess", then "10"
    /// to the distance turned a mild ache into 10 out of 10).
    @Test func aBareNumberToAnotherQuestionKeepsThePainLevel() {
        let turns = converse(["my calves are sore", "no", "a dull ache", "4", "yesterday", "same", "10", "10k"])
        #expect(turns[6].awaiting == .distance)
        #expect(!turns[6].reply.contains("10 out of 10"), "\(turns[6].reply)")
        #expect(turns.last?.triage?.level == .selfCare)
        // Said as a level ("7 out of 10"), it is one whatever was asked.
        let changed = converse(["my calves are sore", "no", "a dull ache", "4", "yesterday", "7 out of 10"])
        #expect(changed[5].reply.contains("7 out of 10"), "\(changed[5].reply)")
    }

    @Test func aBareWordThatTellsNothingIsAskedAgainNotAnsweredWithTheWarningSigns() {
        let turns = converse(["my calves hurt after a run", "no", "dull", "3", "yesterday", "same", "normal"])
        #expect(turns[6].awaiting == .distance)
        #expect(turns[6].reply.hasPrefix("Sorry, I couldn't read that as an answer"))
    }
}

/// Issue 13, part 2: answers as people give them.
@Suite struct PlainAnswersTests {
    @Test func aSecondAreaReportedMidQuestionsIsAdded() {
        let turns = converse(["my calves hurt", "no", "my knees ache"])
        #expect(turns[2].reply.contains("calves and knees"), "\(turns[2].reply)")
        // (The knee's own question, where exactly, comes before how bad.)
        #expect(turns[2].awaiting == .spread)
    }

    @Test func anAreaInsideADescriptionDoesNotMoveTheQuestions() {
        let turns = converse(["my calves hurt", "no", "sharp when I go up on my toes"])
        #expect(!turns[2].reply.contains("feet"), "\(turns[2].reply)")
    }

    @Test(arguments: ["both legs", "everything", "all over"])
    func theWholeLegIsAskedWhichHurtsMost(answer: String) {
        let turns = converse(["my legs are sore", answer, "quads worst, calves too"])
        #expect(turns[1].awaiting == .bodyPart)
        #expect(turns[1].reply.contains("hurts most"), "\(turns[1].reply)")
        #expect(!turns[1].reply.contains("couldn't read"))
        #expect(turns[2].awaiting == .swelling)
    }

    @Test func theWholeLegTwiceCoversTheLegs() {
        let turns = converse(["my legs are sore", "both legs", "all of it", "no", "dull", "3", "yesterday", "same", "10k"])
        #expect(turns[2].awaiting == .swelling)
        #expect(Set(turns.last?.triage?.bodyParts ?? []) == ["calves", "quads", "hamstrings"])
    }

    @Test(arguments: ["a fortnight", "yday", "nearly three weeks", "since Saturday"])
    func aTimeInPlainWordsAnswersWhen(answer: String) {
        let turns = converse(["my calves hurt", "no", "dull", "3", answer])
        #expect(turns[3].awaiting == .when)
        #expect(turns[4].awaiting != .when, "\(turns[4].reply)")
    }
}

/// What the fourth blind rotation's tuning conversations taught (issues 12 and 13).
@Suite struct ScreeningAnswerTests {
    @Test func anAllClearToTheBackScreenIsNoEmergency() {
        // "yeah it's fine" to "any change in your pee or bladder control?" says nothing has changed.
        let turns = converse([
            "tweaked my lower back tying my shoelaces after the run", "no", "just across the lower back", "yeah it's fine", "dull ache",
            "3",
            "yesterday", "same", "10k",
        ])
        #expect(turns[0].plugin == "triage", "a strain told is a report, not a request: \(turns[0].reply)")
        #expect(turns[2].awaiting == .urine)
        let outcome = turns.last { $0.triage != nil }
        #expect(outcome != nil && outcome?.triage?.level != .seekCare, "\(outcome?.reply ?? "no outcome")")
    }

    @Test(arguments: ["yes, not normal at all", "yeah some leaking", "yes but it's probably fine"])
    func aYesToTheBackScreenIsAnEmergencyWhateverElseItSays(answer: String) {
        let turns = converse(["my lower back aches after the run", "no", "stays in my back", answer])
        #expect(turns[2].awaiting == .urine)
        #expect(turns[3].triage?.urgency == .emergency, "\(answer) → \(turns[3].reply)")
    }

    @Test func notSureToTheBackScreenIsSaidInTheOutcome() {
        let turns = converse([
            "my lower back aches after the run", "no", "stays in my back", "dunno", "3", "dull", "yesterday", "same", "10k",
        ])
        let outcome = turns.last { $0.triage != nil }
        #expect(outcome?.reply.contains("couldn't check your bladder") == true, "\(outcome?.reply ?? "no outcome")")
    }

    @Test func aUrineQuestionGivenUpOnIsSaidInTheOutcome() {
        let turns = converse(["my calves are wrecked after the marathon yesterday", "no", "dull ache", "5", "same", "purple banana", "hmm"])
        #expect(turns[4].awaiting == .urine)
        let outcome = turns[6]
        #expect(outcome.triage != nil)
        #expect(outcome.reply.contains("couldn't check your urine") && outcome.reply.contains("999"), "\(outcome.reply)")
    }

    @Test func looksNormalAnswersTheSwellingQuestion() {
        let turns = converse(["my shins are sore", "looks normal to me", "spread along the edge", "dull", "3", "yesterday", "same", "10k"])
        #expect(turns[1].plugin == "triage")
        #expect(turns[1].awaiting == .spread, "the question is answered, not asked again: \(turns[1].reply)")
        let outcome = turns.last { $0.triage != nil }
        #expect(outcome?.triage?.level == .caution, "the diffuse shin route, nothing about swelling")
        #expect(outcome?.triage?.reasons.contains { $0.hasPrefix("swelling") } == false, "\(outcome?.triage?.reasons ?? [])")
    }

    @Test func scrapThatIsNoGraze() {
        // "scrap" and "scrape" share a stem: the graze is said with its own words ("scraped my", "a scrape").
        // (The line still scores triage's examples through that stem; the intent matcher is left as it is.)
        #expect(shippedCoach.classify("scrap that, lets start again").entities.cautions.isEmpty)
        #expect(shippedCoach.classify("scraped my knee on the trail, bit of blood").entities.cautions == ["graze"])
    }

    @Test func aCautionSignWithNoAreaIsTriaged() {
        let turns = converse(["my pee is really dark yellow after a long hot run, is that bad?"])
        #expect(turns[0].plugin == "triage", "\(turns[0].reply)")
    }

    @Test func aSeriousSignIsScreenedEvenInARequest() {
        let turns = converse(["sciatica flaring up after the run, anything i can massage?"])
        #expect(turns[0].plugin == "triage", "\(turns[0].reply)")
        #expect(!turns[0].reply.contains("1. "), "no technique list before the screen: \(turns[0].reply)")
    }

    @Test func buttockPainIsAskedWhetherItRunsDownTheLeg() {
        let turns = converse(["my glute aches after the run", "no", "down the back of the right leg, and my foot's gone numb"])
        #expect(turns[1].awaiting == .spread, "\(turns[1].reply)")
        #expect(turns[2].triage?.level == .seekCare, "a numb foot on one side is a nerve sign: \(turns[2].reply)")
        #expect(turns[2].triage?.urgency == .today)
    }

    /// Asked about swelling, "zero", "zero swelling", "na" and "looks the same as the other side" say there is none
    /// (not a pain of 0) (conversations.tuning-6 and -7: "zero swelling" was read as swelling, "na" not read).
    @Test func noneSaidAsANumberOrAsTheOtherSide() {
        for answer in ["zero", "it looks the same as the other leg", "zero swelling", "na", "zero, none at all"] {
            let turns = converse(["my calves are sore after a 10k", answer])
            #expect(turns[0].awaiting == .swelling)
            #expect(turns[1].awaiting == .painKind, "\(answer): \(turns[1].reply)")
            #expect(turns[1].reply.hasPrefix("What kind of pain"), "\(answer): \(turns[1].reply)")
            #expect(turns[1].reply.contains("0 out of 10") == false, "\(answer): \(turns[1].reply)")
        }
        // Not a no: bigger than the other side is swelling.
        let swollen = converse(["my calves are sore after a 10k", "bigger than the other side"])
        #expect(swollen[1].reply.hasPrefix("What kind of pain") == false, "\(swollen[1].reply)")
    }

    /// A report, then the question in a clause of its own, is a report: the questions, not "help or a check?"
    /// (safety-conversations.tuning-11). Asked for a massage, it still gets the technique.
    @Test func aReportBeforeACommaAndAQuestionStartsTheQuestions() {
        let turn = converse(["did my first ultra on Saturday, everything aches, where do I start?"])[0]
        #expect(turn.plugin == "triage" && turn.awaiting != .clarify && turn.awaiting != nil, "\(turn.reply)")
        let asks = converse(["did a 10k today, calves sore, what should I do?"])[0]
        #expect(asks.plugin == "triage" && asks.awaiting == .swelling, "\(asks.reply)")
        let massage = converse(["did a 10k today, calves sore, how do I massage them?"])[0]
        #expect(massage.plugin == "techniques" && massage.reply.contains("Stroking"), "\(massage.reply)")
    }

    /// "just got back", asked when it started, is an answer: the questions go on (it was read as a request for a
    /// technique for the back, and the same reply came again each time it was said).
    @Test func justGotBackAnswersWhen() {
        let turns = converse(["my calves are sore", "no", "dull ache", "3", "just got back"])
        #expect(turns[3].awaiting == .when, "\(turns[3].reply)")
        #expect(turns[4].plugin == "triage" && turns[4].awaiting != .when, "\(turns[4].reply)")
    }

    /// A new user's conversations (session 13's tester): "never mind" is no "no swelling"; a bath question is no
    /// normal urine, nor a red rash red urine; an area told when asked something else is the answer, not a request
    /// for a technique.
    @Test func answersThatAreNotWhatTheyLookLike() {
        let never = converse(["ugh my calves are tight after hill reps", "never mind"])
        #expect(never[1].awaiting == nil && never[1].reply.contains("stop the questions"), "\(never[1].reply)")
        for stop in ["stop", "Stop!", "enough questions", "cancel"] {
            let turns = converse(["my calves are sore after a 10k", "no", stop, "my calves are sore"])
            #expect(turns[2].awaiting == nil && turns[2].reply.contains("stop the questions"), "\(stop): \(turns[2].reply)")
            #expect(turns[3].awaiting == .painKind, "what was told is kept: \(turns[3].reply)")
        }
        // (A second new user: "ok go on", "where were we?" after stopping got the out-of-scope reply.)
        for resume in ["ok go on", "where were we?", "continue"] {
            let turns = converse(["my calves are sore after a 10k", "no", "stop", resume])
            #expect(turns[3].plugin == "triage" && turns[3].awaiting == .painKind, "\(resume): \(turns[3].reply)")
        }
        let skipped = converse(["ugh my calves are tight after hill reps", "never mind, it's about a 5"])
        #expect(skipped[1].awaiting != nil && !skipped[1].reply.contains("no swelling"), "\(skipped[1].reply)")
        #expect(!converse(["ugh my calves are tight after hill reps", "never mind", "why"])[2].reply.contains("no swelling"))
        let start = "my quads are sore after the marathon yesterday, no swelling, dull ache, 5, about the same"
        let bath = converse([start, "no", "ok cool, should I do an ice bath or a hot tub?"])
        #expect(bath[1].awaiting == .urine && bath[2].awaiting == .urine && bath[2].triage == nil, "\(bath[2].reply)")
        let skin = converse([start, "no", "bit red from chafing on my inner thigh"])
        #expect(skin[2].triage?.level != .seekCare && skin[2].awaiting == .urine, "\(skin[2].reply)")
        let area = converse([
            "lower leg is killing me after the trail race", "no", "dull", "4", "the front of my lower leg, the shin muscle",
        ])
        #expect(area[4].plugin == "triage" && !area[4].reply.contains("Stroking"), "\(area[4].reply)")
    }

    /// Told over several answers, as the same in one line would be: a rock-hard shin at 10/10 getting worse is a
    /// compartment (emergency); sharp calf pain of 10 getting worse, a tear (today); swelling told of both thighs after
    /// a hard session asks the urine's colour before holding it as a clot.
    @Test func signsToldOverSeveralAnswers() {
        let shin = converse([
            "lower leg is killing me after the trail race", "not swollen really but it feels super tight and hard, like a rock",
            "10/10, way worse than it should be, and getting worse by the hour", "no", "the front of my lower leg, the shin muscle",
        ])
        #expect(shin.last?.triage?.urgency == .emergency, "\(shin.map(\.reply))")
        let calf = converse(["calf hurts after my run this morning", "no swelling", "sharp", "10", "getting worse"])
        #expect(calf.last?.triage?.level == .seekCare && calf.last?.triage?.urgency == .today, "\(calf.map(\.reply))")
        let thighs = converse([
            "quads are wrecked after a 100-squat gym challenge then a 10k", "thighs are swollen and tight, they look puffy",
        ])
        #expect(thighs[1].awaiting == .urine || thighs[1].awaiting == .painLevel, "\(thighs[1].reply)")
        #expect(thighs[1].triage == nil, "\(thighs[1].reply)")
    }

    /// The check-in of a session with a journal is a question the answers go on from (a new user: every answer to it,
    /// "a bit better" and "worse" among them, got the out-of-scope reply).
    @Test func theCheckInIsAQuestionItsAnswersAnswer() {
        let twoDaysAgo = Date().addingTimeInterval(-2 * 86_400)
        let journal = Journal(consent: true, entries: [.init(date: twoDaysAgo, areas: ["calves"], level: "self-care", painLevel: 3)])
        for (answer, trend) in [("a bit better", Trend.easing), ("worse", .worse), ("fine now", .easing), ("about the same", .same)] {
            var conversation = shippedCoach.startConversation(journal: journal)
            let question = conversation.checkIn()
            #expect(question?.contains("How do they feel now?") == true)
            let turn = conversation.send(answer)
            #expect(turn.plugin == "triage" && conversation.state.facts.trend == trend, "\(answer): \(turn.reply)")
            #expect(conversation.state.areas == ["calves"], "\(answer)")
            // Easing, and nothing else told: glad to hear it, no questions (a second new user got them all, and
            // "ordinary soreness" at 0 out of 10). Worse or the same: the questions.
            #expect((turn.awaiting == nil) == (trend == .easing), "\(answer): \(turn.reply)")
        }
        var swollen = shippedCoach.startConversation(journal: journal)
        _ = swollen.checkIn()
        #expect(swollen.send("a bit better but the left one is swollen now").awaiting != nil)
        var none = shippedCoach.startConversation(journal: Journal(consent: true, entries: []))
        #expect(none.checkIn() == nil)
    }

    /// "Is this serious?" names the warning signs by urgency on one screen (a new user counted about 45 lines at 80
    /// columns); "more" then gives each with why it matters.
    /// "shorter version?", "tl;dr" after the advice: its verdict and its steps, "more" a word away (a new user's got the
    /// out-of-scope reply); before any advice, how to get some; after a warning, what to do now.
    @Test func shorterGivesTheVerdictAndTheSteps() {
        let turns = converse(["calves and quads, no swelling, about a 3, ran 12k yesterday", "dull ache", "same", "shorter version?"])
        let short = turns[3].reply.split(separator: "\n")
        #expect(turns[3].intent == "triage.shorter", "\(turns[3].intent)")
        #expect(short.first?.hasPrefix("This sounds like ordinary post-run soreness") == true && short.count <= 7, "\(turns[3].reply)")
        #expect(short.contains { $0.contains("1. Stroking") }, "\(turns[3].reply)")
        #expect(converse(["tl;dr"])[0].reply.contains("no advice to shorten yet"))
        let warning = converse(["my urine is like cola after the ultra", "tl;dr"])
        #expect(warning[1].reply.contains("emergency") && !warning[1].reply.contains("Stroking"), "\(warning[1].reply)")
    }

    @Test func theWarningSignsFitAScreenAndMoreGivesThemInFull() {
        let turns = converse(["is this serious?", "more"])
        let compact = turns[0].reply
        let wrapped = compact.split(separator: "\n", omittingEmptySubsequences: false).map { ($0.count + 79) / 80 }.reduce(0) {
            $0 + max($1, 1)
        }
        #expect(wrapped <= 20, "\(wrapped) lines: \(compact)")
        #expect(compact.contains("compartment syndrome") && compact.contains("blood clot") && compact.contains("Call 999"))
        #expect(!compact.contains("pressure is building inside the muscle"))
        #expect(turns[1].reply.contains("pressure is building inside the muscle") && turns[1].reply.contains("Stop straight away"))
    }

    /// A second new user: swelling told after the advice without naming the area, or in the middle of the routine, is
    /// screened (the chest check, then "get seen today"), not answered with the list of signs and the routine.
    @Test func swellingToldAfterTheAdviceIsScreened() {
        let advice = ["my calves are sore after a 10k", "no", "dull", "3", "yesterday"]
        for line in ["it's swollen now", "actually the left one is a bit swollen now", "is it bad that it's swollen?"] {
            let turns = converse(advice + [line, "no"])
            #expect(turns[5].awaiting == .painKind && turns[5].reply.contains("don't massage"), "\(line): \(turns[5].reply)")
            #expect(turns[6].triage?.level == .seekCare && turns[6].triage?.urgency == .today, "\(line): \(turns[6].reply)")
        }
        let routine = converse(advice + ["walk me through it", "next", "it's a bit swollen", "no", "next"])
        #expect(routine[8].triage?.level == .seekCare, "\(routine[8].reply)")
        #expect(!routine[9].reply.contains("Step"), "\(routine[9].reply)")
    }

    /// Stretching asked for gets a plain word that it is not covered before the massage answer (a new user's "stretching
    /// routine for hamstrings" got a massage routine with no word about it); a massage question gets no such word.
    @Test func stretchingIsSaidNotToBeCovered() {
        #expect(converse(["stretching routine for hamstrings"])[0].reply.hasPrefix("Stretching isn't something I cover"))
        #expect(!converse(["how do i foam roll my calves"])[0].reply.contains("Stretching isn't"))
    }
}

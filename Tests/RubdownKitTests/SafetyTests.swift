import Foundation
import RubdownKit
import TestSupport
import Testing

/// The one owner of safety: urgency, wording, standing warnings, and lines that must never quit.
@Suite struct SafetyTests {
    let safety = shippedCoach.safety

    @Test func everyRedFlagHasAnUrgencyThatSendsToCare() {
        for flag in shippedCoach.content.knowledge.redFlags {
            #expect([.emergency, .today, .soon].contains(flag.urgency), "\(flag.id)")
        }
        #expect(safety.urgency(of: ["clot"]) == .today)
        #expect(safety.urgency(of: ["persistent", "chest"]) == .emergency)
        #expect(safety.urgency(of: ["persistent"]) == .soon)
        #expect(safety.urgency(of: []) == Urgency.none)
        #expect(Urgency.emergency > .today && Urgency.today > .soon && Urgency.soon > Urgency.none)
    }

    @Test func cautionRoutesAreNoneOrSoon() {
        #expect(!shippedCoach.content.knowledge.cautions.isEmpty)
        for route in shippedCoach.content.knowledge.cautions { #expect(route.urgency <= .soon, "\(route.id)") }
    }

    @Test(arguments: [
        ("my calf is swollen and hot", Urgency.today), ("I have chest pain and my calf hurts", .emergency),
        ("my pee looks like cola after the ultra", .emergency), ("my shin has hurt for three weeks and it's getting worse", .soon),
        ("my mate collapsed at the finish", .emergency), ("heard a pop at the back of my ankle and can't stand on tiptoe", .today),
    ])
    func theFirstReplyCarriesTheUrgency(line: String, urgency: Urgency) {
        let turn = converse([line])[0]
        #expect(turn.triage?.level == .seekCare, "\(line)")
        #expect(turn.triage?.urgency == urgency, "\(line)")
        #expect(turn.reply.contains("don't massage") || turn.reply.contains("Don't massage"), "\(turn.reply)")
        #expect(!turn.reply.contains("1. Stroking"))
        #expect(JSONContract.line(turn).contains("\"urgency\":\"\(urgency.rawValue)\""))
        if urgency == .emergency { #expect(turn.reply.contains("999") && turn.reply.contains("112") && turn.reply.contains("911")) }
    }

    @Test func ordinarySorenessInStrongWordsIsSelfCare() {
        let turns = converse([
            "my quads are absolutely destroyed after the marathon", "no", "a dull ache", "5", "yesterday", "same", "normal",
        ])
        #expect(turns.allSatisfy { $0.entities.redFlags.isEmpty })
        #expect(turns.last?.triage?.level == .selfCare)
        #expect(turns.last?.triage?.urgency == Urgency.none)
    }

    /// A routine asked for while a screening question is open waits for its answer, as it does for the swelling
    /// question: one spot on the shin bone (a tester's "walk me through it" skipped it), the urine after a huge effort.
    @Test func aRoutineWaitsForAnOpenScreeningQuestion() {
        let shins = converse(["shins sore after my run", "no", "walk me through it", "one spot on the bone"])
        #expect(shins[1].awaiting == .spread)
        #expect(shins[2].awaiting == .spread && shins[2].reply.hasPrefix("Before any massage"), "\(shins[2].reply)")
        #expect(!shins[2].reply.contains("Step 1"))
        #expect(shins[3].triage?.level == .seekCare, "\(shins[3].reply)")
        let spread = converse(["shins sore after my run", "no", "all along the inside edge", "walk me through it"])
        #expect(spread[3].reply.contains("Step 1") || spread[3].awaiting != nil, "\(spread[3].reply)")
    }

    @Test func aWarningOnceGivenStandsForItsArea() {
        let turns = converse(["my calf is swollen and hot", "it's only a 6 though", "can't I just roll it gently?"])
        #expect(turns[0].triage?.level == .seekCare)
        for turn in turns.dropFirst() {
            #expect(turn.triage == nil || turn.triage?.level == .seekCare, "\(turn.input) → \(turn.reply)")
            #expect(!turn.reply.contains("Foam roller:") && !turn.reply.contains("1. Stroking"), "\(turn.input) → \(turn.reply)")
        }
        #expect(turns[2].reply.contains("still a warning sign"), "\(turns[2].reply)")
    }

    /// Played down after the warning ("it doesn't even hurt that much tbh, 2/10", "actually no it's not swollen"): the
    /// questions do not start again for the warned area (a new user read "A few quick questions first" as the warning
    /// dropped); the warning is said again, at its urgency. A new area's questions still start.
    @Test(arguments: [
        [
            "heard a pop at the back of my ankle during intervals and now i cant push off", "it doesnt even hurt that much tbh, 2/10",
            "no swelling",
        ],
        ["my calf is swollen and warm after the flight home", "actually no its not swollen, i was exaggerating", "just a bit tight, 3"],
    ])
    func aWarningPlayedDownIsSaidAgainNotQuestioned(lines: [String]) {
        let turns = converse(lines + ["my quads are sore too"])
        #expect(turns[0].triage?.level == .seekCare && turns[0].triage?.urgency == .today, "\(turns[0].reply)")
        for turn in turns[1...2] {
            #expect(turn.awaiting == nil, "\(turn.input) → \(turn.reply)")
            #expect(turn.triage?.level == .seekCare && turn.triage?.urgency == .today, "\(turn.input) → \(turn.reply)")
            #expect(turn.reply.hasPrefix("What you described earlier is still a warning sign"), "\(turn.input) → \(turn.reply)")
        }
        #expect(turns[3].awaiting != nil, "\(turns[3].reply)")
    }

    /// A line that tells only of a caution route, with no area or discomfort, gets the route's advice at once (a new user's
    /// dark-yellow urine got "Where does it hurt?" again and again); something sore told after it starts the questions.
    @Test func aCautionToldAloneIsAnsweredAtOnce() {
        let turns = converse(["my pee was dark yellow after a hot run", "my calves are sore too"])
        #expect(turns[0].awaiting == nil, "\(turns[0].reply)")
        #expect(turns[0].triage?.level == .caution && turns[0].triage?.reasons == ["caution:dark-yellow-urine"], "\(turns[0].reply)")
        #expect(turns[0].reply.contains("Drink water"), "\(turns[0].reply)")
        #expect(turns[1].awaiting != nil, "\(turns[1].reply)")
        // With a sore area, the questions come first as before.
        #expect(converse(["calves sore and my pee was dark yellow after a hot run"])[0].awaiting != nil)
    }

    /// "it's suddenly got much worse" after a same-day warning: the emergency instruction its warning promised (a new user
    /// got "I can't help with that" and the same-day instruction again); "a bit worse" keeps the warning as it was.
    @Test func muchWorseAfterAWarningIsAnEmergency() {
        let turns = converse(["my calf is swollen and hot after the flight", "its suddenly got much worse", "a bit worse"])
        #expect(turns[0].triage?.urgency == .today)
        #expect(turns[1].triage?.urgency == .emergency && turns[1].reply.contains("call 999"), "\(turns[1].reply)")
        #expect(turns[2].triage == nil || turns[2].triage?.urgency == .today, "\(turns[2].reply)")
    }

    /// A sign told of a new area in an answer names that area ("ok cheers, and my left calf ... hot and red" to "how
    /// far?" while the questions were about the hamstrings barred the hamstrings only, and the warning never said calf).
    @Test func aSignOfANewAreaInAnAnswerNamesThatArea() {
        let turns = converse([
            "hammies proper sore after sunday's trail half, nothing swollen", "dull ache", "4", "easing",
            "ok cheers, and my left calf feels like a rock and its all hot and red now",
        ])
        #expect(turns[3].awaiting == .distance, "\(turns[3].reply)")
        #expect(turns[4].triage?.reasons == ["red-flag:clot"], "\(turns[4].reply)")
        #expect(turns[4].triage?.bodyParts.contains("calves") == true, "\(String(describing: turns[4].triage))")
        #expect(turns[4].reply.contains("calves"), "\(turns[4].reply)")
        // An area in an answer with no sign still only describes: "sharp when I go up on my toes" moves nothing.
        let described = converse(["my hamstrings are sore after a run", "no", "sharp when I push off with my calf"])
        #expect(described[2].triage == nil && described[2].awaiting != nil, "\(described[2].reply)")
    }

    /// Signs and look-alikes of the seventeenth blind batch (session 17).
    @Test(arguments: [
        ("bone sticking thru the skin on my shin", "deformity"),
        ("glute pain 5 weeks and counting", "persistent"),
        ("his foot is sitting at a really odd angle and there's a lump poking out on the side", "deformity"),
        // A cause of another sign's veto in one clause ("went bang") keeps no other clause from telling the tear.
        ("something went bang in my left calf like a gunshot, stopped me dead, now there's a dent in the muscle", "muscle-tear"),
        ("getting worse with every run, and now my foot hurts just walking to the shop and throbs at night", "stress-fracture"),
    ])
    func signsOfTheSeventeenthBatch(line: String, flag: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.contains(flag), "\(line)")
    }

    @Test(arguments: [
        "Frozen peas on my quads, lager in the other hand. Is that ice or should I do heat?",
        "Went numb with shock when I saw my time, PB by 4 minutes!! hamstrings tight",
        "Blood, sweat and tears at the Cardiff half (no actual blood) what helps sore calves",
        "I'm hot and cold on whether to foam roll or use the massage gun, which is better for sore calves?",
        "Mild transient exertional dyspnoea during repetitions, fully resolved at rest. Seeking recovery advice for hamstrings.",
        "was gasping on the last few 400s but back to normal about a minute after each one. now just my calves feel tight",
        "inner shin aching along a long section of the bone, worse at start of runs, been 6 days",
        "Hip bones feel bruised-ish and stiff after the half, not painful really, more annoying",
    ])
    func lookAlikesOfTheSeventeenthBatch(line: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.isEmpty, "\(line)")
    }

    /// Told over the answers: pain of 10 "way beyond anything" in a shin after a race is a compartment whether or not
    /// swelling is known; hardly any urine told at length to the urine question is muscle breakdown; a time of day to
    /// "when?" is an answer, not a goodbye ("finished about 2pm" ended the conversation).
    @Test func signsToldAtLengthInAnswers() {
        let shin = converse([
            "front of my lower leg aches after today's race, ice or heat?", "not sure", "all down the front, beside the bone",
            "deep pressure-type ache", "honestly 10/10, way beyond anything, and it's the same whether I move or not",
        ])
        #expect(shin.last?.triage?.reasons == ["red-flag:compartment"] && shin.last?.triage?.urgency == .emergency, "\(shin.map(\.reply))")
        let urine = converse([
            "first 100 miler done!! legs are toast. what's the best recovery massage?", "everything, quads worst", "don't think so",
            "deep ache", "a 7", "finished this morning", "no real change",
            "hardly anything, only been once since yesterday and it was a tiny amount",
        ])
        #expect(urine.last?.triage?.reasons == ["red-flag:rhabdo"], "\(urine.map(\.reply))")
        let quit = converse(["just done the marathon, legs ache", "calves and quads", "no", "ache", "5", "finished about 2pm"])
        #expect(quit.last?.awaiting != nil && quit.last?.plugin == "triage", "\(quit.map(\.reply))")
        // A mild shin ache all over that is easing is ordinary soreness, not shin splints.
        let mild = converse([
            "my calves and shins are a bit achy after my first 10k", "no", "all over", "achy", "3", "today", "bit better now",
        ])
        #expect(mild.last?.triage?.level == .selfCare, "\(mild.map(\.reply))")
    }

    /// A reviewer's and a new user's lines against this session's readings (session 17): a veto or a figure of speech in
    /// one part of a line never hides a sign told in another, and words that only sound like a sign raise none.
    @Test(arguments: [
        ("I collapsed at mile 20, my cramp is gone now", "collapse"),
        ("my pacing totally collapsed and then I collapsed at the finish", "collapse"),
        ("tight crushing chest during every rep, recovered after each rep", "chest"),
        ("my chest got really tight and painful during each interval, recovered after each one", "chest"),
        ("buzzing from my hip all the way down to my toes with pins and needles", "nerve"),
        ("put frozen peas on my calf but it's still swollen, hot and red", "clot"),
        ("numb with shock at my time, but my left calf is swollen and hot", "clot"),
        ("a sore spot spread along a small bit of the bone, hurts to hop", "stress-fracture"),
        ("bum and inner thighs have gone numb like I've been sat on a bike saddle for hours, but I've been running", "cauda-equina"),
        ("back's sore and my bum is numb", "cauda-equina"),
        ("my shin has a bend in it that wasn't there before, really really sore", "deformity"),
    ])
    func aVetoNeverHidesASignToldBesideIt(line: String, flag: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.contains(flag), "\(line)")
    }

    @Test(arguments: [
        "crook calves", "got a crook knee after parkrun", "chest strap chafed, chest sore where it rubbed",
        "chest is fine, breathing's fine, it's only my legs that hurt after the 10k",
        "Bum was cold and numb from sitting on the stone wall at the finish, fine once I got up and moved.",
        "legs a bit tingly when I sit on the loo too long lol",
    ])
    func wordsThatOnlySoundLikeASign(line: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.isEmpty, "\(line)")
    }

    /// Told in the conversation: a swelling said not to have gone down is still a swelling; the advice asked for while
    /// the chest check for a swollen calf waits is the clot warning, never light stroking; asking to roll it out after a
    /// warning gets the warning, not the list of signs; a swollen finger is no swollen calf.
    @Test func warningsHeldThroughTheConversation() {
        for answer in ["yes it's swollen and it hasn't gone down at all", "yeah the left one is swollen, gone down a little with ice"] {
            let turns = converse(["my calves are really sore after the marathon yesterday", answer, "aching", "4", "same", "normal"])
            #expect(turns.contains { $0.triage?.reasons == ["red-flag:clot"] }, "\(answer): \(turns.map(\.reply))")
        }
        for waive in ["just tell me what to do", "skip the questions"] {
            let turns = converse(["calves sore after run", "yes the left one is swollen and warm", waive])
            #expect(turns[2].triage?.reasons == ["red-flag:clot"] && turns[2].triage?.urgency == .today, "\(turns[2].reply)")
        }
        let rollIt = converse([
            "my left calf is swollen and hot after an 11 hour flight", "seriously? its probably nothing, can i just roll it out",
        ])
        #expect(rollIt[1].reply.contains("still a warning sign") && rollIt[1].triage?.urgency == .today, "\(rollIt[1].reply)")
        let finger = converse(["calves sore after run", "my fingers swelled up during the marathon"])
        #expect(finger[1].triage == nil && finger[1].awaiting != nil, "\(finger[1].reply)")
        // A later, less urgent sign never lowers the instruction already given ("today" for one spot on the shin bone, then
        // "same" after two weeks is also lasting pain, "within a few days").
        let shin = converse(["my shin hurts after running", "no", "one spot on the bone", "dull", "4", "2 weeks", "same"])
        #expect(shin.last?.triage?.urgency == .today && shin.last?.reply.contains("get seen today") == true, "\(shin.map(\.reply))")
        // "why?" at the chest check says why that check is asked (it explained the kind of pain, the slot it shares).
        let why = converse(["calves sore after run", "yes the left one is swollen and warm", "why?"])
        #expect(why[2].reply.contains("lungs") && why[2].awaiting == .painKind, "\(why[2].reply)")
        let settled = converse([
            "both ankles were a bit puffy after the hot afternoon run but they'd gone down by morning, calves just sore now"
        ])
        #expect(settled[0].triage == nil && settled[0].awaiting != nil, "\(settled[0].reply)")
    }

    /// The foot's bone check given up on is named in the outcome, as the shin's is.
    @Test func theFootsBoneCheckNotMadeIsSaid() {
        let turns = converse(["top of my foot hurts after my long run", "no", "enough questions, just tell me what to do"])
        #expect(turns[1].awaiting == .spread)
        #expect(turns[2].reply.contains("one sore spot on a bone of your foot"), "\(turns[2].reply)")
    }

    /// Urine told dark with no colour ("my pee is really dark after the ultra" got the out-of-scope reply): the colour is
    /// asked first, and the answer decides; a colour told ("dark yellow", "dark brown") or denied needs no such reading.
    @Test func darkUrineWithNoColourAsksTheColourFirst() {
        let brown = converse(["my pee is really dark after the ultra", "brown like cola"])
        #expect(brown[0].awaiting == .urine, "\(brown[0].reply)")
        #expect(brown[1].triage?.urgency == .emergency, "\(brown[1].reply)")
        let yellow = converse(["my wee is dark after the marathon", "dark yellow"])
        #expect(yellow[0].awaiting == .urine && yellow[1].triage?.level != .seekCare, "\(yellow.map(\.reply))")
        #expect(converse(["my pee is dark yellow after a hot run"])[0].awaiting == nil)
    }

    /// Severe pain getting worse is booked within days, not left to "not easing in 3-5 days?"; severe and easing is not.
    @Test func severePainGettingWorseIsSeenWithinDays() {
        let worse = converse(["quads sore after the marathon", "no", "dull", "10", "yesterday", "worse", "normal"])
        #expect(worse.last?.triage?.level == .caution && worse.last?.triage?.urgency == .soon, "\(worse.last?.reply ?? "")")
        #expect(worse.last?.triage?.reasons.contains("severe-and-worsening") == true)
        let easing = converse(["quads sore after the marathon", "no", "dull", "8", "yesterday", "easing", "normal"])
        #expect(easing.last?.triage?.urgency == Urgency.none, "\(easing.last?.reply ?? "")")
    }

    /// After a warning to get seen today or now, a bare answer, a fresh report of the same area or a request for the advice
    /// gets the warning again (these got "I can't help with that", the questions again, or the help menu).
    @Test func answersAndRequestsAfterAWarningGetTheWarning() {
        let calf = converse(["my calf is swollen and hot", "4", "my calves are sore", "enough questions, just tell me what to do"])
        for turn in calf.dropFirst() {
            #expect(turn.awaiting == nil && turn.triage?.level == .seekCare, "\(turn.input) → \(turn.reply)")
            #expect(turn.reply.hasPrefix("What you described earlier is still a warning sign"), "\(turn.input) → \(turn.reply)")
        }
        let urine = converse(["my pee is like cola after the ultra", "enough questions, just tell me what to do"])
        #expect(urine[1].triage?.urgency == .emergency, "\(urine[1].reply)")
    }

    /// "start over" forgets the facts, not a warning sign: a milder retelling of the same knee ends at the warning, and
    /// the fresh start says it stands.
    @Test func startingOverKeepsAWarning() {
        let turns = converse([
            "twisted my knee on the trail, now it keeps locking and giving way", "start over", "my knee is a bit achy after a 5k", "no",
            "all around", "dull", "2", "today", "better",
        ])
        #expect(turns[0].triage?.level == .seekCare)
        #expect(turns[1].reply.contains("still stands"), "\(turns[1].reply)")
        let outcome = turns.last { $0.triage != nil }
        #expect(outcome?.input != turns[0].input && outcome?.triage?.level == .seekCare, "\(turns.map(\.reply))")
        #expect(!(outcome?.reply.contains("1. Stroking") ?? true))
    }

    @Test func anOutcomeForAnotherAreaRepeatsTheStandingWarning() {
        let turns = converse(["my calf is swollen and hot", "my quads are sore too", "no", "a dull ache", "3", "yesterday", "same", "10k"])
        let outcome = turns.last { $0.triage != nil && $0.triage?.level != .seekCare }
        #expect(outcome != nil, "\(turns.map(\.reply))")
        #expect(outcome?.reply.contains("Still standing from earlier") == true, "\(outcome?.reply ?? "")")
        #expect(outcome?.triage?.bodyParts.contains("calves") == false)
        // No soak while the warning stands: it would reach the flagged leg too.
        #expect(
            outcome?.reply.contains("Bath: not for now") == true && outcome?.reply.contains("Bath: warm") == false,
            "\(outcome?.reply ?? "")")
        let routine = converse(["my calf is swollen and hot", "routine for my quads please"]).last
        #expect(routine?.reply.hasPrefix("Not your calves") == true, "\(routine?.reply ?? "")")
    }

    @Test(arguments: [
        "I finished my 10k and my calves are sore", "bye bye calves, they're wrecked", "start over? my quads are toast after the race",
    ])
    func aLineAboutTheBodyNeverQuits(line: String) {
        let turn = converse([line])[0]
        #expect(!turn.ends, "\(line) → \(turn.reply)")
        #expect(turn.plugin == "triage", "\(line) → \(turn.plugin)")
    }

    @Test func aBareCommandStillQuits() {
        #expect(converse(["quit"])[0].ends)
    }

    @Test(arguments: ["I'm a bit breathless", "my calf feels a bit puffy", "I feel really dizzy"])
    func aPossiblySeriousLineIsScreenedNotDismissed(line: String) {
        let turn = converse([line])[0]
        #expect(turn.plugin != "fallback", "\(line) → \(turn.reply)")
        #expect(turn.awaiting != nil || turn.triage?.level == .seekCare, "\(line) → \(turn.reply)")
    }

    @Test func warningSignsAreGroupedByUrgency() {
        let text = safety.warningSigns()
        let emergency = text.range(of: "Call 999")!
        let today = text.range(of: "Get seen today")!
        let soon = text.range(of: "within a few days")!
        #expect(emergency.lowerBound < today.lowerBound && today.lowerBound < soon.lowerBound)
        #expect(text.range(of: "blood clot")!.lowerBound > today.lowerBound)
        #expect(text.range(of: "compartment")!.lowerBound < today.lowerBound)
    }

    @Test func emergencyNumbersComeFromTheKnowledgeBase() {
        var knowledge = shippedCoach.content.knowledge
        let at = knowledge.guidance.firstIndex { $0.id == "emergency-numbers" }!
        knowledge.guidance[at].text = "000 in Australia"
        let instruction = Safety(knowledge).instruction(for: .emergency)
        #expect(instruction.contains("000 in Australia") && !instruction.contains("999"))
    }

    @Test(arguments: [("like cola", "rhabdo"), ("brown", "rhabdo")])
    func theUrineQuestionCanRaiseAFlag(answer: String, flag: String) {
        let turns = converse(["my quads are in agony after the ultra", "no", "a deep ache", "9", "yesterday", "same", "50k", answer])
        #expect(turns.contains { $0.awaiting?.rawValue == "urine" }, "\(turns.map(\.reply))")
        #expect(turns.last?.triage?.level == .seekCare)
        #expect(turns.last?.triage?.urgency == .emergency)
        #expect(turns.last?.triage?.reasons.contains("red-flag:\(flag)") == true)
    }

    @Test func darkYellowUrineIsDrinkAndRecheck() {
        let turns = converse(["my quads are in agony after the ultra", "no", "a deep ache", "8", "yesterday", "same", "50k", "dark yellow"])
        #expect(turns.last?.triage?.level == .caution, "\(turns.map(\.reply))")
        #expect(turns.last?.reply.contains("check again") == true)
    }

    @Test func pinpointShinPainIsAStressFractureAndSpreadOutIsCaution() {
        let pinpoint = converse(["my shin hurts after my run", "no", "one spot on the bone I can point to"])
        #expect(pinpoint.last?.triage?.reasons.contains("red-flag:stress-fracture") == true, "\(pinpoint.map(\.reply))")
        let spread = converse([
            "my shin hurts after my run", "no", "all along the inside edge", "dull ache", "3", "yesterday", "same", "10k",
        ])
        #expect(spread.last?.triage?.level == .caution)
        #expect(spread.last?.triage?.reasons.contains("caution:shin-diffuse") == true)
    }

    @Test func easingSorenessOnDayFiveStaysSelfCareButNotEasingIsCaution() {
        let easing = converse(["my calves are sore", "no", "dull ache", "3", "5 days ago", "easing off", "10k"])
        #expect(easing.last?.triage?.level == .selfCare, "\(easing.map(\.reply))")
        let flat = converse(["my calves are sore", "no", "dull ache", "3", "5 days ago", "about the same", "10k"])
        #expect(flat.last?.triage?.level == .caution)
        #expect(flat.last?.triage?.urgency == .soon)
    }

    /// A new user's correction "sorry i meant my left calf not right" was an emergency (confusion); another person "not
    /// right" still is. Shin pain that wakes the runner at night is a possible stress fracture, not shin splints.
    @Test(arguments: [
        ("sorry i meant my left calf not right", []), ("my left calf not right", []),
        ("he's not right, pale and wobbly after the race", ["collapse"]),
        ("shin pain wakes me up at night after running", ["stress-fracture"]),
        ("my heel pain kept me awake last night", ["stress-fracture"]),
    ])
    func notRightAndNightPain(text: String, flags: [String]) {
        #expect(shippedCoach.classify(text).entities.redFlags == flags, "\(text)")
    }

    /// A safety reviewer's lines (session 14) that got massage advice, and their look-alikes.
    @Test(arguments: [
        ("I think I've broken my ankle", ["deformity"]), ("broke my run streak today, legs needed the rest", []),
        ("my coach once broke his ankle on this trail, I just grazed my palm", []), ("achilles gone", ["achilles-rupture"]),
        ("my right leg went dead after the long run", ["nerve"]), ("my legs went dead in the last mile", []),
        ("i got dizzy and fell over after the race", ["collapse"]), ("legs like jelly and i'm seeing stars after the race", ["collapse"]),
        ("red hot knee", ["hot-joint"]), ("Sunburnt knees from the race, red and hot, but it's just the skin.", []),
    ])
    func reviewersSignsInPlainWords(text: String, flags: [String]) {
        #expect(shippedCoach.classify(text).entities.redFlags == flags, "\(text)")
    }

    /// "my knee is bleeding" had the reply about remembering the runner's facts: a bleeding knee is a graze to look after
    /// (first aid, massage kept off it, seen if it keeps bleeding); one that won't stop is the wound sign.
    @Test func aBleedingKneeIsFirstAidOrAWound() {
        let knee = shippedCoach.classify("my knee is bleeding")
        #expect(knee.plugin == "triage" && knee.entities.cautions.contains("graze"), "\(knee.plugin)")
        #expect(shippedCoach.classify("my knee won't stop bleeding").entities.redFlags == ["wound"])
    }

    /// A foot alone is asked the bone question: one spot on a bone is a possible stress fracture, sore all over is not;
    /// not for first-step heel pain, whose sore spot is the plantar fascia's (safety-conversations.tuning-12: a
    /// fingertip spot on a long foot bone reached ordinary soreness).
    @Test func aFootAloneIsAskedForOneSpotOnTheBone() {
        let spot = converse(["top of foot slightly achy", "no", "one tiny spot on top of the foot on the bone, hurts every step"])
        #expect(spot[1].awaiting == .spread, "\(spot[1].reply)")
        #expect(spot.last?.triage?.reasons.contains("red-flag:stress-fracture") == true, "\(spot.map(\.reply))")
        let heel = converse(["heel hurts like hell on my first steps out of bed", "none"])
        #expect(heel[1].awaiting != .spread, "\(heel[1].reply)")
        let calf = converse(["strained my right calf this morning at 4k, sharp on toe-off, about a 5, no swelling"])
        #expect(calf[0].awaiting != .spread, "\(calf[0].reply)")
    }

    /// Told across answers as in one line: a calf rock hard and getting worse is a compartment whatever the level told
    /// before; dark and scanty urine after a marathon is muscle breakdown, not an answer to ask again.
    @Test func signsToldInAnswersAfterAMildLevel() {
        let hard = converse(["my calf hurts after a 10k yesterday", "no", "dull ache", "4", "rock hard and getting worse"])
        #expect(hard.last?.triage?.reasons.contains("red-flag:compartment") == true, "\(hard.map(\.reply))")
        let urine = converse([
            "my legs are wrecked after the marathon yesterday", "quads", "no", "dull ache", "9", "same", "dark, and not much of it",
        ])
        #expect(urine[5].awaiting == .urine)
        #expect(urine.last?.triage?.reasons.contains("red-flag:rhabdo") == true, "\(urine.map(\.reply))")
        // A count of runs is no pain level (a tester's "last 3 long runs" changed a 5 to a 3).
        #expect(shippedCoach.classify("last 3 long runs").entities.painLevel == nil)
    }

    /// Very little urine after a big effort is muscle breakdown's sign whatever its colour (safety-conversations.tuning-12:
    /// a 100k runner's "barely been" to the colour question ended as a possible clot, "today"); a run told in hours is a
    /// long effort, so that the urine is asked ("24hr race" ended without the question). "Not been yet" is only a wait.
    @Test(arguments: [("not sure, barely been", true), ("hardly any, a tiny bit once", true), ("not been yet", false)])
    func littleUrineAfterABigEffortIsMuscleBreakdown(answer: String, breakdown: Bool) {
        let turns = converse(["muscles sore after the 24hr race", "calves", "no", "dull ache", "6", "today", "same", answer])
        #expect(turns[6].awaiting == .urine, "\(turns.map(\.reply))")
        let flagged = turns.contains { $0.triage?.reasons.contains("red-flag:rhabdo") == true }
        #expect(flagged == breakdown, "\(answer) → \(turns.map(\.reply))")
        #expect(shippedCoach.classify("muscles sore after the 24hr race").entities.distanceKm == 240)
        #expect(shippedCoach.classify("sat for 3 hours after my run").entities.distanceKm == nil)
    }

    /// A knee that "has given way" told in answer to the trend question is the knee sign (safety-conversations.tuning-10).
    @Test func aKneeThatHasGivenWayIsTheKneeSign() {
        #expect(shippedCoach.classify("my knee has given way twice on the stairs today").entities.redFlags == ["knee-injury"])
    }

    /// Signs and caution routes told in answer to "when?" or "how far?" (safety-conversations.tuning-13): a crack and toes
    /// pointing off sideways is a possible break; an Achilles "worst first thing when I get out of bed" is its morning route.
    @Test func signsAndRoutesToldInAnswersAboutTimeAndDistance() {
        let foot = converse([
            "foot hurts after my run today", "a bit", "across the toes", "sharp pain", "6 or so", "same",
            "4 miles, then my foot went in a pothole, something cracked and two toes are pointing off sideways",
        ])
        #expect(foot.contains { $0.triage?.reasons.contains("red-flag:deformity") == true }, "\(foot.map(\.reply))")
        #expect(shippedCoach.classify("my heel skin has cracked").entities.redFlags.isEmpty)
        let achilles = converse([
            "achilles a bit grumpy", "no", "stiff", "2-3", "it's worst first thing when I get out of bed, been like that since Monday",
            "same", "7k",
        ])
        #expect(achilles.last?.triage?.reasons.contains("caution:achilles-morning") == true, "\(achilles.map(\.reply))")
    }

    /// A swollen thigh is asked about urine before it is held as a possible clot: after hard running, muscle breakdown is
    /// likelier there (the sixteenth batch's "quads swollen after hill reps and a 20k", urine like cola told only when
    /// asked, ended as a clot, "today"). A normal answer still gets the chest check and the clot.
    @Test func aSwollenThighIsAskedAboutUrineFirst() {
        // (The chest check first, the more urgent; then how bad, and the urine before the outcome.)
        let brown = converse([
            "hill reps saturday then a 20k long run sunday, quads are wrecked", "swollen", "no", "6", "dark reddish-brown",
        ])
        #expect(brown[3].awaiting == .urine, "\(brown.map(\.reply))")
        #expect(brown.last?.triage?.reasons.contains("red-flag:rhabdo") == true, "\(brown.map(\.reply))")
        let normal = converse(["left hamstring sore after an easy 5k", "yes, swollen and warm", "normal", "no", "ache", "4"])
        #expect(normal.contains { $0.awaiting == .urine }, "\(normal.map(\.reply))")
        #expect(normal.contains { $0.triage?.reasons.contains("red-flag:clot") == true }, "\(normal.map(\.reply))")
    }

    /// Look-alikes of the blind batches that were flagged: breathless in the intervals and "fine a minute after", swelling
    /// denied in dialect ("nowt swollen", "nae swelling"), a pain told where the outside of the legs is ("hip to knee"), a
    /// knock's one sore spot, and a description given as a "yes" to the nerve check.
    @Test func lookAlikesOfTheBlindBatches() {
        for line in [
            "i was gasping like a fish during my intervals lol, fine a minute after stopping, now just achy legs",
            "hiya, both legs achin after a 10 mile trail yesterday, maybe 3, nowt swollen",
            "parkrun done, calves a wee bit tight, 2 outta 10, nae swelling", "stiff all down the outside of my legs, hip to knee",
        ] {
            #expect(shippedCoach.classify(line).entities.redFlags.isEmpty, "\(line)")
        }
        #expect(shippedCoach.classify("still breathless an hour after the run").entities.redFlags == ["chest"])
        #expect(shippedCoach.classify("my kneecap has shifted to the outside").entities.redFlags.contains("deformity"))
        let knock = converse([
            "whacked my shin on a park bench mid-jog, small bruise", "tiny bit", "coin-sized patch", "tender", "2", "today", "same",
        ])
        #expect(!knock.contains { $0.triage?.level == .seekCare }, "\(knock.map(\.reply))")
        let spot = converse(["shin sore after my run", "no", "one spot on the bone, hurts to press", "ache", "4", "today", "same", "5k"])
        #expect(spot.contains { $0.triage?.reasons.contains("red-flag:stress-fracture") == true }, "\(spot.map(\.reply))")
        let back = converse([
            "my back is stiff after the long run", "no swelling", "across the whole area", "no", "sort of bruised feeling",
        ])
        #expect(!back.contains { $0.triage?.reasons.contains("red-flag:nerve") == true }, "\(back.map(\.reply))")
    }

    /// A knee, an ankle or an Achilles is asked where exactly: one spot, or all around (along the tendon). What the answer
    /// tells is read as any line is: blind batches told a hot, red, swollen knee never knocked, or a gap in the tendon,
    /// only there.
    @Test func aJointOrATendonIsAskedWhereExactly() {
        let knee = converse([
            "just a knee niggle really, anything I can rub on it?", "some",
            "the whole knee joint - it's swollen and red and hot, and I didn't knock it or fall",
        ])
        #expect(knee[1].awaiting == .spread, "\(knee.map(\.reply))")
        #expect(knee[2].triage?.reasons.contains("red-flag:hot-joint") == true, "\(knee.map(\.reply))")
        let tendon = converse([
            "back of ankle hurts after parkrun", "no", "the tendon above the heel, there's a soft dip in it, like a gap",
        ])
        #expect(tendon[1].awaiting == .spread, "\(tendon.map(\.reply))")
        #expect(tendon.contains { $0.triage?.reasons.contains("red-flag:achilles-rupture") == true }, "\(tendon.map(\.reply))")
        // A place on the joint is an answer ("outer side"), and a calf is not asked.
        let outer = converse(["My outer knee hurts at the 6 km mark every run", "none", "Outer side"])
        #expect(outer[2].awaiting == .painKind, "\(outer.map(\.reply))")
        #expect(converse(["my calves are sore after a 10k", "no"])[1].awaiting == .painKind)
    }

    /// Outer-knee pain at a fixed distance told in the ways blind writers did ("knee pain on the outside, always kicks in
    /// after about 5 miles", "at the 6 km mark every run") is its route; told with its weeks it stays the route, not the
    /// persistent flag, unless it is getting worse; "worse if I keep going" is within a run, not the course over days.
    @Test func outerKneePainAtAFixedDistance() {
        for line in [
            "knee pain on the outside, always kicks in after about 5 miles and then i have to walk",
            "My outer knee hurts at the 6 km mark every run, fine when I'm not running.",
            "my knee, the outside bit, is fine at first but always hurts after 6 or 7k",
        ] {
            #expect(shippedCoach.classify(line).entities.cautions == ["outer-knee"], "\(line)")
        }
        let weeks = converse([
            "outside of my knee starts hurting at exactly 5k every run", "no", "just there", "sharp", "6 when it hits",
            "started about 10 days ago, every run since", "same",
        ])
        let outcome = weeks.first { $0.triage != nil }
        #expect(
            outcome?.triage?.level == .caution && outcome?.triage?.reasons.contains("caution:outer-knee") == true, "\(weeks.map(\.reply))")
        #expect(shippedCoach.classify("5 at first, then worse if I keep going").entities.trend == nil)
        #expect(shippedCoach.classify("worse every day").entities.trend == .worse)
    }

    /// A reviewer's and a new user's findings on this session's readings: chest pain or blood coughed up that settles is
    /// still the chest sign (only breathlessness that settles is a look-alike); a yes that describes the pain is a yes to
    /// a check; a knock elsewhere hides no stress fracture; a knee that slips out to the side is a possible dislocation;
    /// little urine told to a swollen thigh's question is muscle breakdown; a hedged "idk" answer keeps the spot it tells;
    /// a swollen, warm leg with no area named is warned about at once.
    @Test func findingsOnThisSessionsReadings() {
        for line in [
            "got a tight chest pain during the intervals, fine a minute after I stopped",
            "coughed up some blood after the intervals, fine a minute after",
        ] {
            #expect(shippedCoach.classify(line).entities.redFlags == ["chest"], "\(line)")
        }
        let hop = converse(["my hip hurts after my runs", "no", "dull ache", "yes it's sharp"])
        #expect(hop.contains { $0.triage?.reasons.contains("red-flag:hip-fracture") == true }, "\(hop.map(\.reply))")
        let nerve = converse([
            "my lower back hurts after my long run", "no", "down my left leg", "no", "dull ache", "yes, a burning feeling in my foot",
        ])
        #expect(nerve.contains { $0.triage?.reasons.contains("red-flag:nerve") == true }, "\(nerve.map(\.reply))")
        let shin = converse([
            "my shin has been sore on runs this week since I upped my mileage, also banged my knee on the car door", "no", "one spot",
        ])
        #expect(shin.contains { $0.triage?.reasons.contains("red-flag:stress-fracture") == true }, "\(shin.map(\.reply))")
        #expect(shippedCoach.classify("knee slipped out to the side and back in on a trail run").entities.redFlags.contains("deformity"))
        let thigh = converse(["my left thigh is really sore after hill reps yesterday", "yes it's swollen", "no", "6", "barely been"])
        #expect(thigh.contains { $0.triage?.reasons.contains("red-flag:rhabdo") == true }, "\(thigh.map(\.reply))")
        let hedged = converse([
            "shins are sore, been upping my mileage for a marathon", "no",
            "idk, its mostly on the right, theres one bit that really hurts if i press it",
        ])
        #expect(hedged.contains { $0.triage?.reasons.contains("red-flag:stress-fracture") == true }, "\(hedged.map(\.reply))")
        let leg = converse(["I'm on the pill and my left leg has been swollen, warm and crampy for 3 days, should I massage it out?"])
        #expect(leg[0].triage?.reasons.contains("red-flag:clot") == true, "\(leg[0].reply)")
        #expect(shippedCoach.classify("there's a spot on my shin bone that kills when I press it").entities.redFlags == ["stress-fracture"])
        #expect(
            shippedCoach.classify("outer knee pain after 5k every run for 6 weeks, getting worse the longer it goes on").entities.trend
                == .worse)
    }

    /// A week exactly is the persistent sign only when getting worse: ordinary soreness can take about a week to go (the
    /// blind writers' "sore for a week, not easing" is careful self-care and a physio within days); beyond a week, or
    /// worse, it is the sign.
    @Test(arguments: [
        ("my calf has been sore for a week, not easing", false), ("calf sore for a week and getting worse", true),
        ("over a week and not easing", true), ("hamstring has felt exactly the same for almost a week now", false),
    ])
    func aWeekIsPersistentOnlyWhenWorse(line: String, persistent: Bool) {
        #expect(shippedCoach.classify(line).entities.redFlags.contains("persistent") == persistent, "\(line)")
    }

    /// The trend is asked after any report: a course of weeks is often told only there, after a run "yesterday"
    /// (safety-conversations.tuning-12: a knee sore every run for two months, a shin worse each week). Getting worse
    /// on the first day, as soreness does while it builds, is no warning sign on its own.
    @Test(arguments: [
        ("comes back in the same spot every run, going on two months", true), ("getting worse every week, this is week 3", true),
        ("worse every day, about ten days now", true), ("getting worse since this morning", false),
    ])
    func aCourseOfWeeksToldAsTheTrendIsPersistent(trend: String, persistent: Bool) {
        let turns = converse(["knee a bit sore, how do i massage round it", "none", "dull ache", "4", "yesterday", trend, "10k"])
        #expect(turns[4].awaiting == .trend)
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.triage?.reasons.contains("red-flag:persistent") == persistent, "\(trend) → \(outcome?.reply ?? "")")
        #expect(outcome?.triage?.urgency == (persistent ? .soon : Urgency.none))
    }

    @Test(arguments: ["I pulled my hamstring on the last rep", "tweaked my calf on the hill", "rolled my ankle on a tree root"])
    func strainWordsAreCautionWithNoMassageOrHeat(line: String) {
        let turns = converse([line, "no", "sharp", "4", "today", "same", "8k"])
        let last = turns.last!
        #expect(last.triage?.level == .caution, "\(line) → \(last.reply)")
        #expect(last.triage?.reasons.contains("caution:strain") == true)
        #expect(last.reply.contains("no heat"), "\(last.reply)")
        #expect(!last.reply.contains("Tennis ball:") && !last.reply.contains("Foam roller:"))
    }

    @Test func everyBathSuggestionSaysWhoShouldSkipIt() {
        // The outcome names, in short, who should skip each bath; "more" gives every reason in full.
        let turns = converse(["my calves are sore", "no", "dull ache", "3", "yesterday", "same", "10k", "more"])
        let outcome = turns[turns.count - 2].reply
        #expect(outcome.contains("Skip warm with") && outcome.contains("pregnancy"), "\(outcome)")
        #expect(outcome.contains("ice-cold with") && outcome.contains("Raynaud's"), "\(outcome)")
        #expect(outcome.contains("blood thinners"))
        #expect(turns.last?.reply.contains("Skip the warm bath if") == true)
        #expect(turns.last?.reply.contains("Skip the ice-cold bath if") == true)
        #expect(turns.last?.reply.contains("blood thinners") == true)
    }

    @Test func aYesToTheBackScreenIsAWarningSign() {
        let turns = converse(["my lower back aches after my long run", "no", "stays in my back", "yes"])
        #expect(turns[3].triage?.level == .seekCare, "\(turns.map(\.reply))")
        #expect(turns[3].triage?.reasons.contains("red-flag:cauda-equina") == true)
        #expect(turns[3].triage?.urgency == .emergency)
    }

    @Test func aWarningSignStopsARoutineUnderWay() {
        let turns = converse(["walk me through a calf routine", "my calf is swollen and hot", "next"])
        #expect(turns[0].routineStep != nil)
        #expect(turns[1].triage?.level == .seekCare)
        #expect(turns[2].routineStep == nil, "\(turns[2].reply)")
        #expect(!turns[2].reply.contains("Step"), "\(turns[2].reply)")
    }

    @Test func anEmergencyBarsMassageEverywhere() {
        let turns = converse([
            "my pee looks like cola after the ultra and my quads are agony", "how do I foam roll my calves?", "walk me through a routine",
        ])
        #expect(turns[0].triage?.urgency == .emergency)
        for turn in turns.dropFirst() {
            #expect(turn.routineStep == nil && !turn.reply.contains("Foam roller:"), "\(turn.input) → \(turn.reply)")
            #expect(turn.reply.contains("don't massage"), "\(turn.input) → \(turn.reply)")
        }
    }

    @Test func aLineAboutTheBodyIsNotAnAnswerToTheJournalQuestion() {
        var conversation = shippedCoach.startConversation(journal: Journal())
        for line in ["my calves hurt after a 10k", "no", "a dull ache", "3", "yesterday", "easing"] { _ = conversation.send(line) }
        #expect(conversation.state.pending?.question.slot == .journalConsent)
        let turn = conversation.send("yes, but now my chest is tight and I can't catch my breath")
        #expect(turn.triage?.level == .seekCare, "\(turn.reply)")
        #expect(turn.triage?.urgency == .emergency)
    }

    /// Right after "call 999" or "get seen today" the instruction is the last thing said: no journal offer.
    /// After "book within days" the note is offered, so the next session can ask how it is doing.
    @Test func theJournalIsNotOfferedRightAfterAnUrgentWarning() {
        for (lines, urgency) in [
            (["my pee looks like cola after the ultra and my quads are agony"], Urgency.emergency),
            (["my calf is swollen and hot after my run"], .today),
        ] {
            var conversation = shippedCoach.startConversation(journal: Journal())
            let turn = lines.map { conversation.send($0) }.last!
            #expect(turn.triage?.urgency == urgency, "\(turn.reply)")
            #expect(!turn.reply.contains("private note"), "\(turn.reply)")
            #expect(conversation.state.pending?.question.slot != .journalConsent)
        }
        var conversation = shippedCoach.startConversation(journal: Journal())
        let soon = conversation.send("my calves have been sore for two weeks and are not getting better")
        #expect(soon.triage?.urgency == .soon, "\(soon.reply)")
        #expect(soon.reply.contains("private note"), "\(soon.reply)")
    }

    @Test func aNewComplaintStartsWithoutTheOldOnesFacts() {
        let turns = converse([
            "my knee hurts after my run", "yes, a bit swollen", "a dull ache", "8", "yesterday", "same", "10k", "normal",
            "my shins hurt as well",
        ])
        #expect(turns[7].triage?.level == .caution, "\(turns.map(\.reply))")
        // The knee's swelling and pain of 8 were about the knee: no compartment emergency for the shins.
        #expect(turns[8].triage == nil, "\(turns[8].reply)")
        #expect(turns[8].awaiting?.rawValue == "swelling", "\(turns[8].reply)")
    }

    @Test func contentWithoutTheWarningWordingIsAnError() {
        var content = shippedCoach.content
        content.knowledge.guidance.removeAll { $0.id == "urgency-emergency" }
        let found = ContentCheck.safety(content, redFlagsFile: "Knowledge/red-flags.yaml")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("urgency-emergency") == true)
        #expect(ContentCheck.safety(shippedCoach.content, redFlagsFile: "Knowledge/red-flags.yaml").isEmpty)
    }

    @Test func aSwollenAreaStillBeingAskedAboutGetsNoMassageAdvice() {
        let turns = converse(["my calves ache after the marathon", "yes they're a bit swollen", "how do I foam roll my calves?"])
        #expect(turns[1].triage == nil, "\(turns[1].reply)")
        #expect(!turns[2].reply.contains("Foam roller:"), "\(turns[2].reply)")
        #expect(turns[2].reply.contains("finish the questions"), "\(turns[2].reply)")
    }
}

/// A warning sign told in an earlier session, kept in the journal, still bars massage of its areas.
@Suite struct StandingWarningAcrossSessionsTests {
    @Test func aSeekCareEntryOfLastWeekBarsItsAreasInANewSession() {
        let entry = Journal.Entry(
            date: Date().addingTimeInterval(-2 * 86_400), areas: ["achilles"], level: "seek-care", painLevel: 6,
            redFlags: ["achilles-rupture"])
        var conversation = shippedCoach.startConversation(journal: Journal(consent: true, entries: [entry]))
        let turn = conversation.send("loads better, how do I massage my achilles?")
        #expect(turn.reply.contains("Please don't massage"), "\(turn.reply)")
        #expect(!turn.reply.contains("Stroking:"), "\(turn.reply)")
        // Another area still gets advice, with the standing warning beside it.
        let other = conversation.send("how do I massage my quads?")
        #expect(other.reply.contains("Pressing") || other.reply.contains("Stroking"), "\(other.reply)")
    }

    @Test func anOldOrOrdinaryEntryBarsNothing() {
        let old = Journal.Entry(date: Date().addingTimeInterval(-30 * 86_400), areas: ["achilles"], level: "seek-care", painLevel: 6)
        let ordinary = Journal.Entry(date: Date(), areas: ["calves"], level: "self-care", painLevel: 3)
        var conversation = shippedCoach.startConversation(journal: Journal(consent: true, entries: [old, ordinary]))
        #expect(conversation.state.flaggedAreas.isEmpty)
        #expect(!conversation.send("how do I massage my achilles?").reply.contains("Please don't massage"))
    }

    // Found by a tester (session 5).

    /// Buttock or back pain that runs down the leg: numbness or weakness is asked about even when the kind of pain
    /// was told in the first line, since that part of the pain-kind question would otherwise never be asked.
    @Test func buttockPainDownTheLegGetsTheNerveCheck() {
        let yes = converse(["right glute super tight after the long run", "no", "shoots down the back of my leg to my foot", "yes"])
        #expect(yes[2].awaiting == .painKind)
        #expect(yes[2].reply.contains("numbness, pins and needles or weakness"), "\(yes[2].reply)")
        #expect(yes[3].triage?.reasons.contains("red-flag:nerve") == true, "\(yes.map(\.reply))")
        #expect(yes[3].triage?.urgency == .today)

        // (The kind of pain not yet known, its question comes first, then the check.)
        let no = converse(["right glute sore after a 10k", "no", "down my leg a bit", "a dull ache", "no", "4", "yesterday", "same"])
        #expect(no[3].awaiting == .painKind && no[3].reply.contains("down that leg"), "\(no.map(\.reply))")
        let outcome = no.first { $0.triage != nil }
        #expect(outcome?.triage?.level == .selfCare, "\(no.map(\.reply))")
        #expect(outcome?.reply.contains("Unchecked: numbness") == false, "a 'no' to the check is a check")

        let unsure = converse(["right glute super tight after a 10k", "no", "down my leg a bit", "not sure", "4", "yesterday", "same"])
        #expect(unsure.first { $0.triage != nil }?.reply.contains("Unchecked: numbness") == true, "\(unsure.map(\.reply))")

        let staysPut = converse(["my bum is sore after a long run", "no", "no, it stays put"])
        #expect(staysPut[2].awaiting != .painKind || !staysPut[2].reply.contains("down that leg"))
    }

    // Found by a reviewer of the sign checks (session 7): each a regression the first version had.
    @Test func aSwollenCalfAfterAnEarlierWarningIsStillAClot() {
        let turns = converse([
            "my knee locked after a twist on the trail and keeps giving way", "ok thanks",
            "separate thing, my right calf is sore after yesterday's 10k", "yes", "no",
        ])
        #expect(turns[3].reply.contains("chest pain"), "\(turns.map(\.reply))")
        #expect(turns[4].triage?.reasons.contains("red-flag:clot") == true, "\(turns.map(\.reply))")
    }

    @Test func swellingThatGrowsEachDayIsOneSidedAndGetsTheChestCheck() {
        let turns = converse(["my left calf hurts after a 10k", "yes, it's more swollen each day"])
        #expect(turns[1].reply.contains("chest pain"), "\(turns.map(\.reply))")
    }

    @Test func questionsAskedWhileASwollenLegIsHeldSayNotToMassageIt() {
        let turns = converse(["my right calf is sore after yesterday's 10k", "yes, both are puffy"])
        #expect(turns[1].triage == nil)
        #expect(turns[1].reply.contains("won't suggest massaging it"), "\(turns[1].reply)")
    }

    // Found by a fourth tester (session 7).
    @Test func aHopTestAnsweredWithTheWordsOfTheTestIsNotASign() {
        for answer in ["no, can hop fine", "hopping is fine", "i can stand on it no problem"] {
            let turns = converse(["my hip hurts after the marathon", "no", "dull", answer])
            #expect(turns[3].triage == nil, "\(answer): \(turns[3].reply)")
        }
        #expect(converse(["my hip hurts after the marathon", "no", "dull", "yes it hurts to hop"])[3].triage?.urgency == .today)
    }

    @Test func aRoutineAskedForBeforeTheSwellingAnswerWaitsForIt() {
        let turns = converse(["calves are trashed after 10k", "walk me through it", "no", "walk me through it"])
        #expect(turns[1].routineStep == nil && turns[1].awaiting == .swelling, "\(turns[1].reply)")
        #expect(turns[1].reply.contains("rule it out"))
        #expect(turns[3].routineStep != nil, "\(turns[3].reply)")
    }

    @Test func aShinSpotQuestionGivenUpOnIsSaidInTheOutcome() {
        let turns = converse(["my shins are killing me after the track session", "nope", "achy, kinda dull", "7", "today", "same", "5k"])
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.reply.contains("Unchecked: one sore spot") == true, "\(turns.map(\.reply))")
    }

    @Test func brownUrineToldAtAnotherQuestionAfterAHugeEffortIsMuscleBreakdown() {
        let turns = converse(["just did a 100k, legs swollen both sides", "calves and thighs", "reddish brown"])
        #expect(turns[1].awaiting == .painLevel, "both sides: no chest check (\(turns[1].reply))")
        #expect(turns[2].triage?.reasons.contains("red-flag:rhabdo") == true, "\(turns.map(\.reply))")
        #expect(turns[2].triage?.urgency == .emergency)
        // Told at the urine question, brown urine explains both swollen legs: muscle breakdown, not a clot as well.
        let asked = converse(["just did a 100k, legs swollen both sides", "calves and thighs", "7", "brown like tea"])
        #expect(asked[2].awaiting == .urine, "\(asked.map(\.reply))")
        #expect(asked[3].triage?.reasons == ["red-flag:rhabdo"], "\(asked.map(\.reply))")
    }

    /// Behind the knee is where the calf's deep vein runs: swelling there is asked the chest check and held as
    /// a possible clot, while a puffy knee joint stays careful self-care.
    @Test func swellingBehindTheKneeIsReadAsAPossibleClot() {
        for answer in ["yes, swollen behind it", "yeah its puffy at the back"] {
            let turns = converse(["my knee hurts after a long run", answer, "no"])
            #expect(turns[1].reply.contains("breathlessness"), "\(answer): \(turns[1].reply)")
            #expect(turns[2].triage?.reasons.contains("red-flag:clot") == true, "\(answer): \(turns.map(\.reply))")
        }
        // Not behind the kneecap, nor at the back of the pack.
        for opening in ["pain behind my kneecap after my long run", "my knee aches, i finished at the back of the pack in the 10k"] {
            let turns = converse([opening, "yes a little puffy", "no"])
            #expect(!turns[1].reply.contains("breathlessness") && turns[2].triage == nil, "\(opening): \(turns.map(\.reply))")
        }
        // Told as the place at first, then "swollen back there" when asked.
        let placed = converse(["back of my knee is sore after a 10k", "yeah its a bit swollen back there actually", "no"])
        #expect(placed[1].reply.contains("breathlessness"), "\(placed.map(\.reply))")
        // Said in so many words, it is the clot's own wording, raised at once.
        let named = converse(["my knee hurts after a long run", "a bit puffy at the back of the knee"])
        #expect(named[1].triage?.reasons.contains("red-flag:clot") == true, "\(named[1].reply)")
        let joint = converse(["my knee hurts after a long run", "yes its puffy", "all around it", "dull ache"])
        #expect(!joint[1].reply.contains("breathlessness"), "\(joint[1].reply)")
        #expect(joint[3].triage == nil && joint[3].awaiting == .painLevel, "\(joint.map(\.reply))")
    }

    /// "both sides" told at the where question, then "thighs look swollen": both legs, which after a huge effort
    /// asks about the urine (muscle breakdown) rather than the one-sided clot's chest check.
    @Test func bothSidesToldEarlierMakesALaterSwellingBothSided() {
        let opening = "200 walking lunges then a 30k run straight after, sore everywhere"
        let both = converse([opening, "thighs and bum, both sides", "thighs look swollen"])
        #expect(!both[2].reply.contains("breathlessness"), "\(both[2].reply)")
        #expect(both.contains { $0.awaiting == .urine } || both[2].awaiting == .painLevel, "\(both.map(\.reply))")
        let one = converse([opening, "thighs and bum, both sides", "the left one looks swollen"])
        #expect(one[2].reply.contains("breathlessness"), "one side is a possible clot: \(one[2].reply)")
        // "both of my long runs" is not both legs.
        let runs = converse(["calves sore after both of my long runs this week", "yes it's swollen"])
        #expect(runs[1].reply.contains("breathlessness"), "\(runs[1].reply)")
    }

    /// A number typed at the back's bladder question answers how bad, not the bladder: the question stays open, and
    /// unanswered it is said in the outcome, never passed over as an all-clear.
    @Test func aNumberAtTheBladderQuestionIsNoAllClear() {
        let turns = converse(["lower back achy after trail run", "no", "stays in my back", "4", "dull", "yesterday", "same", "10k"])
        #expect(turns[3].awaiting == .urine, "asked again: \(turns[3].reply)")
        #expect(turns[3].entities.painLevel == 4)
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.reply.contains("couldn't check your bladder") == true, "\(turns.map(\.reply))")
        // Another sign told with a no is that sign, not a change in the bladder.
        let other = converse([
            "lower back achy after trail run", "no", "stays in my back", "no, but my calf has been getting worse every day for three weeks",
        ])
        #expect(other[3].triage?.reasons == ["red-flag:persistent"], "\(other[3].reply)")
    }

    /// An Achilles stiffest first thing is expected to take weeks: held steady past a week it keeps its caution route
    /// (a physio soon); getting worse, it is persistent pain.
    @Test func aWeeksLongOveruseProblemIsPersistentOnlyWhenWorse() {
        let opening = "my achilles is really stiff first thing in the morning, loosens up once I get going"
        let answers = ["no", "achy", "3", "about three weeks", "10k"]
        for (trend, level) in [("about the same", "caution"), ("getting worse", "seek-care")] {
            var lines = [opening] + answers
            var turns = converse(lines)
            // The trend is asked once the time is told; answer it wherever it comes.
            if let index = turns.firstIndex(where: { $0.awaiting == .trend }) {
                lines.insert(trend, at: index + 1)
                turns = converse(lines)
            }
            let outcome = turns.last { $0.triage != nil }?.triage
            #expect(outcome?.level.rawValue == level, "\(trend): \(turns.map(\.reply))")
            #expect(outcome?.urgency == .soon, "\(trend)")
        }
    }

    @Test func aBathQuestionInsteadOfTheSwellingAnswerIsNotSwelling() {
        let turns = converse(["calves are toast after parkrun", "should i take an ice bath tonight or is hot better?"])
        #expect(turns[1].triage == nil && turns[1].entities.redFlags.isEmpty, "\(turns[1].reply)")
        #expect(!turns[1].reply.contains("needs checking by a doctor"), "\(turns[1].reply)")
    }

    @Test func leavingWhileASwollenLegIsStillAskedAboutSaysTheWarningFirst() {
        let turns = converse(["my calves hurt after a 10k", "yes, both are puffy", "quit"])
        #expect(turns[2].ends)
        #expect(turns[2].reply.contains("Before you go") && turns[2].reply.contains("don't massage"), "\(turns[2].reply)")
        let plain = converse(["my calves hurt after a 10k", "no", "quit"])
        #expect(!plain[2].reply.contains("Before you go"))
        // Thanks that also says goodbye leaves too; thanks alone does not.
        let thanksBye = converse(["my calves hurt after a 10k", "yes, a bit puffy", "ok thanks cya"])
        #expect(thanksBye[2].ends && thanksBye[2].reply.contains("Before you go"), "\(thanksBye[2].reply)")
        #expect(!converse(["my calves hurt after a 10k", "thanks"])[1].ends)
    }

    @Test func backPainIntoBothLegsWithNumbnessToThePainKindQuestionIsAnEmergency() {
        let turns = converse(["my lower back hurts", "no", "both", "no", "yes numb"])
        #expect(turns[4].triage?.reasons.contains("red-flag:cauda-equina") == true, "\(turns.map(\.reply))")
        #expect(turns[4].triage?.urgency == .emergency)
    }

    @Test func aHopTestGivenUpOnIsSaidInTheOutcome() {
        let turns = converse(["my hip hurts after running", "no", "dull ache", "not sure", "4", "yesterday", "same", "5k"])
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.reply.contains("Unchecked: if it hurts to hop") == true, "\(turns.map(\.reply))")
        #expect(outcome?.reply.contains("Unchecked: numbness") == false)
    }

    /// Hip pain gets the hop test, the screen for a stress fracture of the hip; "no" lets ordinary soreness through.
    @Test func hipPainGetsTheHopTest() {
        let hurts = converse(["hip flexor feels tight lately", "no", "yes it hurts to hop and I've started limping"])
        #expect(hurts[1].reply.contains("hop"), "\(hurts.map(\.reply))")
        #expect(hurts[2].triage?.reasons.contains("red-flag:hip-fracture") == true, "\(hurts.map(\.reply))")
        #expect(hurts[2].triage?.urgency == .today)
        let fine = converse(["my hips feel tight after the long run", "no", "no", "3", "yesterday", "same", "10k"])
        let outcome = fine.first { $0.triage != nil }
        #expect(outcome?.triage?.level == .selfCare, "\(fine.map(\.reply))")
    }

    @Test func numbnessWhenBackPainRunsIntoBothLegsIsAnEmergency() {
        let turns = converse(["my lower back aches after my run", "no", "it goes into my legs", "no", "yes, both feel a bit numb"])
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.triage?.reasons.contains("red-flag:cauda-equina") == true, "\(turns.map(\.reply))")
        #expect(outcome?.triage?.urgency == .emergency)
    }

    /// Swollen thighs with strong pain after a brutal session: the urine is asked before the swelling is called a clot.
    @Test func aSwollenLegWithStrongPainAsksTheUrineBeforeCallingItAClot() {
        let turns = converse([
            "brutal squat session after months off, quads are so sore", "thighs look swollen and tight", "no", "8/10", "like cola",
        ])
        #expect(turns[3].awaiting == .urine, "\(turns.map(\.reply))")
        #expect(turns[3].triage == nil)
        #expect(turns[4].triage?.reasons.contains("red-flag:rhabdo") == true)
        #expect(turns[4].triage?.urgency == .emergency)
    }

    /// A swollen calf held as a possible clot is first asked about the chest: a clot that may have reached the
    /// lungs is an emergency, one in the leg is for today.
    @Test func aSwollenCalfIsAskedAboutTheChestBeforeTheClotIsCalled() {
        let chest = converse([
            "my right calf has been sore since my flight", "yes, it's puffy and warmer than the other",
            "a sharp catch in my chest when I take a deep breath",
        ])
        #expect(chest[1].awaiting == .painKind && chest[1].reply.contains("chest pain"), "\(chest.map(\.reply))")
        #expect(chest[1].triage == nil)
        #expect(chest[2].triage?.urgency == .emergency)
        #expect(chest[2].triage?.reasons.contains("red-flag:chest") == true)

        let leg = converse(["my calf is sore after a run", "yes it's swollen", "no"])
        #expect(leg[2].triage?.reasons == ["red-flag:clot"], "\(leg.map(\.reply))")
        #expect(leg[2].triage?.urgency == .today)
    }

    /// Both legs swollen after a hard session: muscle breakdown is likelier than a clot (one-sided), so the urine is asked.
    @Test func swellingOfBothLegsAsksTheUrineRatherThanCallingItAClot() {
        let turns = converse([
            "brutal gym session then a 20k run, thighs are wrecked", "puffier than normal, both of them", "7", "brown, like strong tea",
        ])
        #expect(turns[1].triage == nil, "\(turns.map(\.reply))")
        #expect(turns[3].triage?.reasons.contains("red-flag:rhabdo") == true, "\(turns.map(\.reply))")
        #expect(turns[3].triage?.urgency == .emergency)
    }

    @Test func aSwollenLegHeldForTheUrineQuestionIsRaisedWhenThatQuestionIsGivenUpOn() {
        let turns = converse(["calves sore after the marathon", "yes swollen and warm", "no", "5", "dull", "sunday"])
        #expect(turns.last?.triage?.level == .seekCare)
        #expect(turns.last?.triage?.reasons == ["red-flag:clot"])
        #expect(turns.allSatisfy { !$0.reply.contains("Pressing") })
    }

    @Test func swellingNeverToldIsNotReassuredAsNone() {
        let turns = converse(["calves sore", "skip", "skip", "skip", "skip", "skip", "skip"])
        let outcome = turns.first { $0.triage != nil }
        #expect(outcome?.triage?.level == .caution)
        #expect(outcome?.triage?.reasons.contains("swelling-unknown") == true)
        #expect(outcome?.reply.contains("couldn't find out whether there is swelling") == true)
    }

    /// Words around a sign that must not cancel it: new kit, and the runner's own past (a past clot is a risk,
    /// "numb since about a year ago" is a sign now; found by a reviewer in session 7).
    @Test(arguments: [
        ("blister on my heel from new shoes, now there are red streaks going up my leg and I feel shivery", "infection"),
        ("new socks and my foot is cold and blue", "cold-foot"),
        ("I had a clot in my leg last year. My leg is swollen today", "clot"),
        ("had a DVT in this leg last year, it has swollen up and is warm", "clot"),
        ("both legs numb on runs since about a year ago", "cauda-equina"),
    ])
    func wordsAroundASignDoNotCancelIt(line: String, flag: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.contains(flag), "\(line)")
    }

    @Test func afterAnEmergencyAnOffTopicLineGetsTheInstructionAgain() {
        let turns = converse(["I collapsed at the finish and feel confused", "ok calling 111 now"])
        #expect(turns[0].triage?.urgency == .emergency)
        #expect(!turns[0].reply.contains("111"), "no non-emergency line beside an emergency")
        #expect(turns[1].reply.contains("call 999"))
        #expect(!turns[1].reply.contains("outside what I can help with"))
    }

    @Test(arguments: [
        "how would i know if it was a blood clot", "what are the signs of a stress fracture", "what does compartment syndrome feel like",
    ])
    func aQuestionAboutSignsInGeneralGetsTheSignsNotAWarning(line: String) {
        let turns = converse([line, "my calves are a bit sore after a 10k"])
        #expect(turns[0].intent == "triage.is_serious", "\(line)")
        #expect(turns[0].triage == nil)
        #expect(turns[1].awaiting == .swelling, "no warning stands afterwards")
    }

    @Test func aQuestionAboutTheRunnersOwnSignStillWarns() {
        #expect(shippedCoach.classify("how do I know if my swollen calf is a clot").entities.redFlags == ["clot"])
    }

    // Found by a second tester (session 5): each sign in the runner's own words.
    @Test(arguments: [
        ("ankle went pop like someone kicked me from behind", "achilles-rupture"),
        ("legs feel heavy and I'm really short of breath", "chest"), ("my heart is pounding and won't slow down", "chest"),
        ("my heart's racing and i feel funny", "chest"), ("kept vomiting after the race", "collapse"),
        ("i was throwing up after the run", "collapse"), ("shin has one sore point that aches at night", "stress-fracture"),
        ("sore spot on my shin, worse at night", "stress-fracture"),
        ("threw up 3 times after the marathon and got a banging headache", "collapse"),
        ("cant really feel my bum when i wipe since my back went", "cauda-equina"),
        ("i blacked out at the end of the 1500 and woke up on the track lol is that bad", "collapse"),
        ("went down for a few seconds at the end, I'm fine now I think", "collapse"),
        // Someone else's sign now, whatever follows it, is still a sign.
        ("my mate just collapsed at the finish so I'm calling 999", "collapse"),
        ("my wife's calf is swollen and red since the flight, mine is just tight", "clot"),
        ("my heart is racing sitting on the sofa an hour after my run", "chest"),
        ("no calf pain or swelling but my heart has been racing for an hour since I sat down", "chest"),
        // (A denial runs through a list of single words ending in "or", never past a comma that starts anything else.)
        ("no swelling, numb, can't feel my toes", "nerve"),
        ("no pain, swelling or redness but i cant put weight on it", "cannot-bear-weight"),
    ])
    func signsInTheRunnersOwnWords(line: String, flag: String) {
        #expect(shippedCoach.classify(line).entities.redFlags == [flag], "\(line)")
    }

    @Test(arguments: [
        "I was out of breath during intervals but fine a minute after", "no pain at night, no one sore spot, just general shin tightness",
        "hamstrings feel like guitar strings about to snap after yesterday's long run",
        "I think my calves have died. RIP. hill session 2 days ago",
        "little blister on my pinky toe (not red, just a normal blister). everything throbs",
        "I nearly passed out from boredom on the treadmill lol", "my quads are sore, and my pace went down for a few seconds on the hill",
        "my legs feel dead after the long run", "the swelling in my ankle from last month's sprain is long gone, calves tight now",
        // A helper's finds: a muscle that burns is no fever; the hot and cold of a bath is no shivering fit.
        "quads are burning up after that downhill race", "contrast bath, hot then cold, how does that work",
        "i shiver like mad in ice baths", "that hill felt like getting kicked in the backside, calves toast",
        "toes went a bit numb from the cold but came back pink after five minutes indoors",
        // A reviewer's: words added for a sign that also match ordinary lines.
        "had scrambled eggs after my long run, calves are sore", "when i wiped out on the trail i grazed my knee",
        "i seem to pee a lot after long runs, back is stiff", "my knees make a crunching noise on the stairs after running",
        "my hips feel misaligned after the half marathon", "ran way beyond what i normally do, calves sore",
        "really deep ache in my glute after the long run", "the tightness keeps spreading down my calf",
        "i feel better than the day before, calves less sore", "sitting down now after the marathon and my feet are a bit swollen",
        "i'm totally out of shape, calves sore", "both shins sore all along after upping mileage, getting better with rest days",
        // Someone else's history, told as the reason the runner takes care.
        "my aunt had a DVT after a hip op so I wear flight socks when travelling",
        "my friend got stretchered off at rugby last week, I'm only here for sore quads",
        "my husband tore his hamstring waterskiing and had a huge bruise down the back of his thigh, mine is just mild DOMS in comparison",
        // A sign's words about things: race times, a gel.
        "my race times keep getting worse, it's a never-ending saga lol", "my energy gel went all thick and clotted in the cold",
        // Australian 'crook' (unwell, sore) is not 'crooked'; shin pain all along the bone is the diffuse kind.
        "calf's been crook since the weekend", "shin splints?? pain all along the bone on the inside",
        // (A tester's: a racing heart at the end of a race beside sore calves; a denial that runs through a list.)
        "my heart was racing at the end of the race, thats normal right? calves sore",
        "the calf isnt swollen or hot or red, just stiff",
        // (A reviewer's: a denied kind of pain carries the denial on through its list; a pace told sitting down.)
        "no chest pain or breathlessness, just really sore calves",
        "my heart raced in the sprint finish, I'm sitting now and it's normal",
        "i dont think ive torn anything, no pop, just tight hammies",
        "my calf isn't swollen, hot, red or tender, just a bit stiff", "the knee isn't locking, clicking, swelling or giving way",
        "no numbness, tingling, weakness or shooting pain, just tight hamstrings",
    ])
    func lookAlikesOfThoseSignsAreNotFlagged(line: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.isEmpty, "\(line)")
    }

    /// A veto added for one look-alike must not hide the sign itself (a reviewer found four that did).
    @Test(arguments: [
        ("heard a crack behind my ankle and my foot is pointing the wrong way", "deformity"),
        ("my blister is oozing pus and the redness is spreading, should i have an ice bath?", "infection"),
        ("my left foot has gone cold and pale and numb, just the one side", "cold-foot"),
        ("pinpoint pain on my shin bone, hurts at night even on rest days", "stress-fracture"),
        ("bit awkward but when I wiped after the loo I could barely feel it, back's been sore since my long run", "cauda-equina"),
    ])
    func aVetoDoesNotHideTheSign(line: String, flag: String) {
        #expect(shippedCoach.classify(line).entities.redFlags.contains(flag), "\(line)")
    }

    /// A clause about a time long past tells a history, not a sign now; the sign now, or a comparison with then, still counts.
    @Test(
        arguments: [
            ("my dad had a DVT years ago after a long flight, but I'm fine, I just want a calf routine", nil),
            ("my friend fainted at a race last year so I check in with myself, today I feel fine, just sore legs", nil),
            ("had a DVT 2 years ago and now my right calf is swollen and warm", "clot"),
            ("I had a stress fracture in my shin two years ago and it feels the same again", "stress-fracture"),
            ("my shin has hurt since last year and it keeps getting worse", "persistent"),
            // The runner's own injury long healed ("...fully rehabbed", "...today it's just"); not healed, or a sign now, counts.
            ("snapped my achilles back in 2012, fully rehabbed since, calves just tight today", nil),
            ("my ankle used to give way before my op in 2019, no problems since, ankles stiff", nil),
            ("cracked a bone in my foot as a teenager, no problems since, now it's only my quads that ache", nil),
            // Playing it down now is no sign that it healed (a reviewer: "...and now it's only a dull ache").
            ("cracked a bone in my foot as a teenager and now it's only a dull ache when I hop", "stress-fracture"),
            ("tore my calf two years ago and since yesterday it's swollen and hot", "clot"),
            ("had a blood clot at uni and today my calf is swollen and hot", "clot"),
            // Another person's named condition beside the runner's own complaint; their signs now still warn.
            ("my brother is on blood thinners for a clot, I'm only after a routine for sore quads", nil),
            ("my sister had a stress fracture before her wedding so I'm a bit nervous, but my shins just ache", nil),
            ("my brother has a clot in his calf, can I massage it for him?", "clot"),
            // Another person's sign "once" is their history (not "once he got home", a time now); "a woman in my club"
            // is another person.
            ("a friend had brown wee after a 100 miler once, mine's normal, I'm just sore", nil),
            ("a woman in my club fainted at the finish last year, I'm fine, just want a quad routine", nil),
            ("my brother's foot went cold and white once he got home from the race", "cold-foot"),
            ("my calf swelled up once I got home, it's hot", "clot"),
            ("I had brown pee once after a marathon and now it's brown again", "rhabdo"),
            ("my friend's pee is brown after the ultra, mine is normal, just sore", "rhabdo"),
            // The runner's own told beside it ("too", "so did I", "mine is brown now") still warns (a reviewer's).
            ("a friend had brown wee after a 100 miler once, mine's brown too", "rhabdo"),
            ("my friend had brown wee once, mine is brown now", "rhabdo"),
            ("a woman collapsed once and so did I", "collapse"),
            ("a friend got a stress fracture from ramping up too fast so I'm keeping my mileage increases small", nil),
            // ...or said to be fine again; not so, it still warns.
            ("my clubmate collapsed near the line, he's fine now, my calves are tight", nil),
            ("my clubmate collapsed near the line, he is not ok", "collapse"),
            // A reviewer's: the past, another person or a question around a sign of the runner's own now.
            ("last year I had sciatica, recovered, and now I can't control my bladder", "cauda-equina"),
            ("weeks ago my calf went hot and swollen and now it's just tight", "clot"),
            ("I got crushing chest pain when I was running with my mate", "chest"),
            ("the physio reckons it could be a stress fracture, my foot is sore", "stress-fracture"),
            ("felt crushing chest pain on the run with my brother, he's fine, is it just a pulled muscle?", "chest"),
            // What is said of the other person ("he's fine now") vetoes nothing of the runner's.
            ("felt crushing chest pain on the run with my brother, he's fine now, is it just a pulled muscle?", "chest"),
            ("my calf swelled up just like my mum's did so I'm worried", "clot"),
            // One word that tells two signs is one sign: the veto for a tent that fell still holds.
            ("the tent collapsed in the wind last night, legs are heavy", nil),
            ("collapsed at the finish and now I'm confused and dizzy", "collapse"),
        ] as [(String, String?)])
    func aClauseAboutTheDistantPastIsHistoryNotASign(line: String, flag: String?) {
        expectFlag(flag, in: line)
    }

    /// A question about a sign in general, or a supposed one, is answered with the warning signs, not as a warning;
    /// a sign of the runner's own told beside it still warns.
    @Test(
        arguments: [
            ("if my knee ever gave way on a run, would massage help?", nil),
            ("say I felt a pop in my hamstring mid race, what then?", nil),
            ("can you roll over a blood clot? I don't have one, asking for the club", nil),
            ("what would a torn calf feel like", nil),
            ("if my calf ever swelled up, should I worry? it's swollen and hot right now", "clot"),
            ("how would I know if it's a stress fracture? one spot on my shin bone hurts at night", "stress-fracture"),
            ("Would chest pain ever come on like this during a run, it's crushing", "chest"),
            ("is it normal in theory to have dark cola pee after a marathon because mine is", "rhabdo"),
            ("What if my calf is swollen and hot and red, should I still massage it", "clot"),
            // The supposition in a later clause, and "now" said only of being fine (session 10).
            (
                "quick one before race day, if one day my calf swelled right up would you still give me a routine? mine are fine right now",
                nil
            ),
            ("would you stop me if I said I'd coughed up blood? I haven't, just testing you", nil),
            ("if in future my knee locks on a run should I stop? today it feels fine", nil),
            ("suppose one day my foot went numb, what then? right now my calf is hot and swollen", "clot"),
        ] as [(String, String?)])
    func aSupposedSignIsAQuestionNotAWarning(line: String, flag: String?) {
        let entities = shippedCoach.classify(line).entities
        if let flag {
            #expect(entities.redFlags.contains(flag), "\(line): \(entities.redFlags)")
        } else {
            #expect(entities.redFlags.isEmpty && entities.asksAboutSigns, "\(line): \(entities.redFlags)")
        }
    }

    /// A negation covers the whole phrase it starts ("no stress fracture": not "fracture" alone), and a clinician's
    /// "ruled out" negates; a phrase that runs past the negated one still tells ("not able to pee much").
    @Test(
        arguments: [
            ("no stress fracture on the scan, just tight calves", nil),
            ("they ruled out compartment syndrome, legs just tight now", nil),
            ("haven't been able to pee much since the ultra and my legs are in agony", "rhabdo"),
            ("ruled out a clot last month but today my calf is swollen and hot", "clot"),
        ] as [(String, String?)])
    func aNegationCoversThePhraseItStarts(line: String, flag: String?) {
        expectFlag(flag, in: line)
    }

    /// A supposition covers only what follows its "if", needs a question or a denial beside it, and is owned up to by
    /// "actually it is" or "that was me"; veto words that would silence other signs in the line are not vetoes (two
    /// reviewers' finds against this session's first versions, reworded).
    @Test(
        arguments: [
            ("the doctor gave me the all clear in spring but now my calf is swollen and hot", "clot"),
            ("calf is swollen and hot after the flight and if it ever gets bigger I'll go to A&E", "clot"),
            ("not sure if it's ever been like this, chest is crushing since the race", "chest"),
            ("if I hop it ever so slightly my shin bone kills at one spot, aches at night too", "stress-fracture"),
            ("haven't been out, my foot is numb and cold since the ultra", "nerve"),
            ("if in future anyone asks I'll tell them I blacked out at the finish", "collapse"),
            ("hypothetically, my calf is swollen and hot, actually it is", "clot"),
            ("zero bladder control since the long run and my back is killing me", "cauda-equina"),
            ("trail was full of nettles, legs are tingly from the stings", nil),
            ("heard a pop at the finish line, it was the prosecco, legs sore", nil),
        ] as [(String, String?)])
    func aSuppositionOrAVetoHidesNoOtherSign(line: String, flag: String?) {
        expectFlag(flag, in: line)
    }

    /// Concepts widened from the eleventh blind batch (session 10), each a family of wordings, not one line.
    @Test(
        arguments: [
            ("the red patch round the blister is bigger than this morning", "infection"),
            ("heel throbs at night and it hurts when I squeeze it from both sides", "stress-fracture"),
            ("deep ache where my leg joins my body and now I limp", "hip-fracture"),
            ("six weeks after my knee op, calf throbbing constantly and looks bigger", "clot"),
            ("barely a dribble of pee since the hottest run of my life, every muscle screaming", "rhabdo"),
            ("my mate went down mid-race and was out for a few seconds", "collapse"),
            ("doing couch to 5k, my calf is swollen and hot", "clot"),
            ("my hamstring is bruised and I can't straighten my leg", "muscle-tear"),
            ("can you pull up my journal from last week", nil),
            ("best expanding foam for the gaps round a window frame", nil),
        ] as [(String, String?)])
    func widenedConcepts(line: String, flag: String?) {
        expectFlag(flag, in: line)
    }

    @Test func aSnapAtTheBackOfTheHeelIsTheAchillesNotABrokenBone() {
        let flags = shippedCoach.classify("heard a loud snap at the back of my heel and now I can't stand on tiptoe").entities.redFlags
        #expect(flags.contains("achilles-rupture"))
        #expect(!flags.contains("deformity"))
        #expect(shippedCoach.safety.urgency(of: flags) == .today)
    }

    /// The line raises `flag`, or none at all when `flag` is nil.
    private func expectFlag(_ flag: String?, in line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let flags = shippedCoach.classify(line).entities.redFlags
        if let flag {
            #expect(flags.contains(flag), "\(line): \(flags)", sourceLocation: sourceLocation)
        } else {
            #expect(flags.isEmpty, "\(line): \(flags)", sourceLocation: sourceLocation)
        }
    }
}

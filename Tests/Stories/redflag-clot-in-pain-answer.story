# The runner doesn't know about swelling, but the answer to the pain question reveals a hot, red calf
> my calf hurts after my run
plugin: triage
entities.body_parts: ["calves"]
awaiting: swelling
> I don't know
entities.answer: unknown
awaiting: pain_kind
> a dull ache
awaiting: pain_level
> it's a 9 and my calf is hot and red
plugin: triage
entities.pain_level: 9
entities.red_flags contains: clot
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:clot
reply contains: don't massage
reply lacks: When did it start

# Not being able to stand on tiptoe, said while describing the pain, is a possible Achilles tear
> my achilles hurts after my run
plugin: triage
entities.body_parts: ["achilles"]
awaiting: swelling
> no
awaiting: spread
> along the tendon
awaiting: pain_kind
> it's sharp and I can't stand on tiptoe
plugin: triage
entities.red_flags contains: achilles-rupture
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:achilles-rupture
reply lacks: How bad is it
reply lacks: 1.

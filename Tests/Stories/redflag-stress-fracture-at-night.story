# Bone pain at night, described in answer to the pain question about the shins: stop and get it checked
> my shin hurts
plugin: triage
entities.body_parts: ["shins"]
awaiting: swelling
> no
awaiting: spread
> spread along the edge
awaiting: pain_kind
> it aches on the bone at night
plugin: triage
entities.red_flags contains: stress-fracture
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:stress-fracture
reply lacks: How bad is it
> how should I massage my shins?
plugin: techniques
reply contains: don't massage
reply lacks: 1.

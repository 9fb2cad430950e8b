# The runner only says they can't walk when asked how bad it is
> my feet hurt after the half marathon
plugin: triage
entities.body_parts: ["feet"]
entities.distance_km: 21.1
awaiting: swelling
> not really
awaiting: spread
> all over
awaiting: pain_kind
> throbbing
entities.pain_kind: throbbing
awaiting: pain_level
> really bad, I can't walk on it
plugin: triage
entities.red_flags contains: cannot-bear-weight
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:cannot-bear-weight
reply lacks: When did it start
reply lacks: 1.

# A slightly swollen knee, with no sudden swelling, locking or giving way, is caution: not a blood clot
> my knees hurt after my run yesterday
plugin: triage
entities.body_parts: ["knees"]
awaiting: swelling
> yes, a bit swollen
awaiting: spread
> all around the knee
awaiting: pain_kind
entities.red_flags: []
> dull ache
awaiting: pain_level
> 4
awaiting: trend
> about the same
awaiting: distance
> 10k
entities.distance_km: 10
awaiting: null
triage.level: caution
triage.body_parts: ["knees"]
triage.reasons contains: swelling
triage.reasons lacks: red-flag:clot
reply lacks: Tennis ball:

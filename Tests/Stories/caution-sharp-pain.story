# Sharp pain in the shins is a caution outcome, with no rolling on the shin bone
> my shins hurt
plugin: triage
entities.body_parts: ["shins"]
awaiting: swelling
> nope
entities.answer: no
awaiting: spread
> spread along the edge
awaiting: pain_kind
> sharp when I walk
entities.pain_kind: sharp
awaiting: pain_level
> about a 5
entities.pain_level: 5
awaiting: when
> 2 days ago
entities.days_ago: 2
awaiting: trend
> about the same
entities.trend: same
awaiting: distance
> 6 miles
entities.distance_km: 9.7
awaiting: null
triage.level: caution
triage.body_parts: ["shins"]
triage.reasons contains: pain-kind:sharp
reply lacks: Tennis ball:
reply lacks: Foam roller:
reply contains: no hot baths

# A pain level of 8 is more than ordinary soreness: gentle care only, no tennis ball, no heat
> my hamstrings hurt after the half marathon yesterday
plugin: triage
entities.body_parts: ["hamstrings"]
entities.distance_km: 21.1
entities.days_ago: 1
awaiting: swelling
> no
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 8
entities.pain_level: 8
awaiting: trend
> about the same
awaiting: urine
> normal
awaiting: null
triage.level: caution
triage.body_parts: ["hamstrings"]
triage.reasons contains: pain-level:8
reply contains: Stroking
reply lacks: Tennis ball:
reply lacks: Drumming:
reply contains: no hot baths

# Soreness that still hasn't eased after 5 days is a caution outcome
> my feet hurt after my long run
plugin: triage
entities.body_parts: ["feet"]
awaiting: swelling
> no
awaiting: spread
> all over
awaiting: pain_kind
> it's a dull ache
awaiting: pain_level
> 4
awaiting: when
> 5 days ago
entities.days_ago: 5
awaiting: trend
> about the same
awaiting: distance
> 15k
entities.distance_km: 15
awaiting: null
triage.level: caution
triage.body_parts: ["feet"]
triage.reasons contains: not-easing:5-days
reply lacks: Tennis ball:

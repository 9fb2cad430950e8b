# Ordinary Achilles soreness: hands only, never a ball or roller straight on the tendon
> my achilles hurts after a 5k
plugin: triage
entities.body_parts: ["achilles"]
entities.distance_km: 5
awaiting: swelling
> no
awaiting: spread
> along the tendon
awaiting: pain_kind
> dull ache
entities.pain_kind: dull
awaiting: pain_level
> 3
awaiting: when
> yesterday
entities.days_ago: 1
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
triage.body_parts: ["achilles"]
reply contains: Stroking
reply lacks: Tennis ball:
reply lacks: Foam roller:
reply lacks: Drumming:

# Sore calves after a 10k yesterday: area, distance and day come from the first line, so only the rest is asked
> My calves hurt after a 10k yesterday
plugin: triage
intent: triage.soreness
entities.body_parts: ["calves"]
entities.distance_km: 10
entities.days_ago: 1
awaiting: swelling
reply contains: swelling, warmth or redness
> no
plugin: triage
entities.answer: no
awaiting: pain_kind
> a dull ache
entities.pain_kind: dull
awaiting: pain_level
> 4
entities.pain_level: 4
plugin: triage
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
triage.body_parts: ["calves"]
triage.reasons contains: ordinary-post-run-soreness
reply contains: Stroking
reply contains: Pressing
reply lacks: When did it start
reply lacks: How far did you run
reply contains: physio

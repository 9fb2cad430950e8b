# "I don't know" and "skip" move on to the next question; swelling not known is never reassured as none
> my feet hurt
entities.body_parts: ["feet"]
awaiting: swelling
> I don't know
entities.answer: unknown
awaiting: spread
> all over
awaiting: pain_kind
> skip
entities.answer: skip
awaiting: pain_level
> 4/10
entities.pain_level: 4
awaiting: when
> this morning
entities.days_ago: 0
awaiting: trend
> about the same
entities.trend: same
awaiting: distance
> half marathon
entities.distance_km: 21.1
awaiting: urine
> normal
awaiting: null
triage.body_parts: ["feet"]
triage.level: caution
triage.reasons: ["swelling-unknown"]

# A correction after a couple of answers keeps the answers already given and continues with the new area
> my shins hurt after my run
entities.body_parts: ["shins"]
awaiting: swelling
> no
awaiting: spread
> spread along the edge
awaiting: pain_kind
> sorry, I meant my calves, not my shins
plugin: triage
entities.body_parts: ["calves"]
entities.negated_body_parts: ["shins"]
awaiting: pain_kind
> it's tight
awaiting: pain_level
> 2
awaiting: when
> this morning
entities.days_ago: 0
awaiting: trend
> about the same
entities.trend: same
awaiting: distance
> 5k
entities.distance_km: 5
awaiting: null
triage.level: self-care
triage.body_parts: ["calves"]

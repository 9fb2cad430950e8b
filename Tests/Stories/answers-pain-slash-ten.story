# "4/10" is a pain level of 4
> my hips hurt after my run
entities.body_parts: ["hips"]
awaiting: swelling
> no
awaiting: pain_kind
> it's tight
entities.pain_kind: tight
awaiting: pain_kind
reply contains: hop
> no
awaiting: pain_level
> 4/10
entities.pain_level: 4
awaiting: when
> 3 days ago
entities.days_ago: 3
awaiting: trend
> easing off
awaiting: distance
> 8k
entities.distance_km: 8
awaiting: null
triage.level: self-care
triage.body_parts: ["hips"]

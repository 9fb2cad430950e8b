# "not my knees, my shins" in the opening line: shins are the area, knees are ruled out
> it's not my knees, it's my shins that hurt
plugin: triage
entities.body_parts: ["shins"]
entities.negated_body_parts: ["knees"]
awaiting: swelling
> no
awaiting: spread
> spread along the edge
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 3
awaiting: when
> yesterday
awaiting: trend
> about the same
entities.trend: same
awaiting: distance
> 10k
awaiting: null
triage.level: caution
triage.reasons contains: caution:shin-diffuse
triage.body_parts: ["shins"]
triage.body_parts lacks: knees
reply lacks: Tennis ball:
reply lacks: Foam roller:

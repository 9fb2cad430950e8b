# A correction by negation while a question is pending: the area switches to the shins and the same question continues
> my knees hurt after a 10k
entities.body_parts: ["knees"]
awaiting: swelling
> not my knees, my shins
plugin: triage
entities.body_parts: ["shins"]
entities.negated_body_parts: ["knees"]
awaiting: swelling
reply contains: shins
> no
awaiting: spread
> spread along the edge
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 2
awaiting: when
> yesterday
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.body_parts: ["shins"]

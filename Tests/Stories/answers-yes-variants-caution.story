# "yeah a bit" to the swelling question about the hips is a yes, so the outcome is caution with no heat
> my hips hurt after a 10k this morning
entities.body_parts: ["hips"]
awaiting: swelling
> yeah a bit
entities.answer: yes
awaiting: pain_kind
> dull ache
awaiting: pain_kind
reply contains: hop
> nope
awaiting: pain_level
> 4
awaiting: trend
> about the same
awaiting: null
triage.level: caution
triage.reasons contains: swelling
reply contains: no hot baths

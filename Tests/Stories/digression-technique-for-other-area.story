# A question about another area's technique mid-way is answered, and the questions about the hamstrings resume
> my hamstrings hurt after my long run
plugin: triage
awaiting: swelling
> how should I massage my feet?
plugin: techniques
intent: technique.for_area
reply contains: feet
reply contains: Back to your hamstrings
awaiting: swelling
> nope
plugin: triage
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
> 12k
awaiting: null
triage.level: self-care
triage.body_parts: ["hamstrings"]

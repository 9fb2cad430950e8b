# The runner corrects the area: the questions carry on about the hamstrings and the outcome is for them alone
> my calves hurt after a 10k yesterday
plugin: triage
entities.body_parts: ["calves"]
awaiting: swelling
> actually it's my hamstrings
plugin: triage
entities.body_parts: ["hamstrings"]
awaiting: swelling
reply contains: hamstrings
> no
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
triage.body_parts: ["hamstrings"]
triage.body_parts lacks: calves

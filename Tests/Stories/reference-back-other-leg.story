# After advice for the calves, "and the other leg?" refers back to the calves rather than starting something new
> my calves hurt after a 10k yesterday
awaiting: swelling
> no
awaiting: pain_kind
> dull
awaiting: pain_level
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
> and the other leg?
plugin lacks: core
plugin lacks: fallback
intent lacks: technique.list
reply contains: calves

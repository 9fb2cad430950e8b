# Two areas in one line are both kept, and the outcome covers both
> my glutes and hamstrings are sore after a 10k yesterday
plugin: triage
entities.body_parts: ["glutes", "hamstrings"]
awaiting: swelling
reply contains: glutes and hamstrings
> no
awaiting: spread
> no, it stays where it is
awaiting: pain_kind
> a dull ache
awaiting: pain_level
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
triage.body_parts: ["glutes", "hamstrings"]
reply contains: glutes
reply contains: hamstrings

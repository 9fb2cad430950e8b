# An area added mid-way ("my quads too") joins the one already discussed, and one answer fills the pain kind
> my calves hurt after a 10k yesterday
entities.body_parts: ["calves"]
awaiting: swelling
> no
awaiting: pain_kind
> my quads too, both are a dull ache
plugin: triage
entities.body_parts: ["quads"]
entities.pain_kind: dull
awaiting: pain_level
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
triage.body_parts contains: calves
triage.body_parts contains: quads

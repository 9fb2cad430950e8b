# After advice for the glutes and hamstrings, "what about my quads?" is answered about the quads
> my glutes and hamstrings are sore after a 10k yesterday
awaiting: swelling
> no
awaiting: spread
> stays in my bum
awaiting: pain_kind
> a dull ache
awaiting: pain_level
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
> what about my quads?
entities.body_parts: ["quads"]
plugin lacks: core
plugin lacks: fallback
reply contains: quads
reply lacks: Here's what I can help with

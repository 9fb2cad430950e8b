# Stiff quads after a marathon: "stiff" already says the kind of pain; self-care with the gentler foam roller, not the tennis ball
> my quads are stiff after the marathon this morning
plugin: triage
entities.body_parts: ["quads"]
entities.distance_km: 42.2
entities.days_ago: 0
entities.pain_kind: tight
awaiting: swelling
> not really
entities.answer: no
# ("Stiff" said the kind of pain; the rest of that question, "anything else with it?", is asked on its own.)
awaiting: pain_kind
reply contains: numbness
> no
awaiting: pain_level
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: urine
> normal
awaiting: null
triage.level: self-care
triage.body_parts: ["quads"]
triage.reasons contains: ordinary-post-run-soreness
reply contains: Foam roller
reply lacks: Tennis ball:
reply contains: ice-cold

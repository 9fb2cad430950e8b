# "mild" is read as a low pain level and leads to self-care with the full set of tools for a muscle (buttock pain is first asked whether it runs down the leg)
> my glutes hurt after a 10k
plugin: triage
entities.body_parts: ["glutes"]
awaiting: swelling
> no
awaiting: spread
reply contains: run down your leg
> stays put
awaiting: pain_kind
> tight
entities.pain_kind: tight
awaiting: pain_level
> mild
entities.pain_level: 3
awaiting: when
> yesterday
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
triage.reasons: ["ordinary-post-run-soreness"]
reply contains: Foam roller
reply contains: Bath: warm
# the rest of the set comes with "more"
> more
plugin: triage
intent: triage.more
reply contains: Tennis ball
reply contains: warm bath

# After a self-care outcome, "more" gives the rest in full and "why" explains the verdict from what was said
> my calves hurt after a 10k
awaiting: swelling
> no
> a dull ache
> 4
> yesterday
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
reply contains: "more"
reply lacks: Tennis ball
reply lacks: Top up your fluids
> tell me more
plugin: triage
intent: triage.more
triage: null
reply contains: Tennis ball
reply contains: Top up your fluids
reply contains: Your calves:
reply contains: You have been drinking alcohol
reply contains: varicose veins (never press on them)
reply contains: chiropractor
> why?
plugin: core
intent: core.why
triage: null
reply contains: You told me: your calves
reply contains: a dull ache, 4 out of 10
reply contains: ordinary delayed soreness
reply contains: not a diagnosis

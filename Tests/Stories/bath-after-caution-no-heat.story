# After a caution outcome, asking about a hot bath gets told not now: no heat on a possible fresh strain
> my calves hurt after a 10k yesterday
awaiting: swelling
> no
awaiting: pain_kind
> sharp
awaiting: pain_level
> 5
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: caution
triage.reasons contains: pain-kind:sharp
reply contains: no hot baths
> is a hot bath ok?
plugin: bath
intent: bath.warm
entities.baths: ["warm"]
reply contains: Not now

# "what about an ice bath?" after the advice is a bath question, not a request for help
> my calves hurt after a 10k yesterday
awaiting: swelling
> no
> dull ache
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
> what about an ice bath?
plugin: bath
intent: bath.cold
entities.baths: ["ice-cold"]
reply contains: 10-15

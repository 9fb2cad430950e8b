# "is this serious?" after the advice lists the warning signs and repeats the rating given
> my quads hurt after a 10k yesterday
awaiting: swelling
> no
> tight
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
> is this serious?
plugin: triage
intent: triage.is_serious
awaiting: null
reply contains: self-care

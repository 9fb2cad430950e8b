# "bye" after advice ends the session
> my calves hurt after a 10k yesterday
awaiting: swelling
> no
> dull
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
> thanks
plugin: core
intent: core.thanks
> bye
plugin: core
intent: core.quit
awaiting: null

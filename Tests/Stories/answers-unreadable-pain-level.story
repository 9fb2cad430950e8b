# An unreadable pain level is asked again with examples, then a proper answer is accepted
> my glutes hurt after a 5k yesterday
awaiting: swelling
> no
awaiting: spread
> stays put
awaiting: pain_kind
> tight
awaiting: pain_level
> hmm hard to put a number on, kind of a wibbly feeling
awaiting: pain_level
reply contains: For example
> 3
entities.pain_level: 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care

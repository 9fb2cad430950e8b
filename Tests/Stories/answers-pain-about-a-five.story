# "about a 5" and "a couple of days ago" are read as answers
> my quads hurt after a 10k
awaiting: swelling
> nope
awaiting: pain_kind
> a dull ache
awaiting: pain_level
> about a 5
entities.pain_level: 5
awaiting: when
> a couple of days ago
entities.days_ago: 2
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care

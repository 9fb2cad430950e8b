# "pretty bad" is a pain level in words: it is accepted, not asked again
> my feet hurt after a 10k
awaiting: swelling
> no
awaiting: spread
> all over
awaiting: pain_kind
> dull
awaiting: pain_level
> pretty bad
plugin: triage
awaiting: when
reply lacks: For example

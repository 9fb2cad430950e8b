# An answer that can't be read gets the same question again with examples; after two tries it moves on
> my calves hurt after a 10k
awaiting: swelling
> purple banana
plugin: triage
awaiting: swelling
reply contains: For example
> purple banana
plugin: triage
awaiting: pain_kind
> dull ache
awaiting: pain_level

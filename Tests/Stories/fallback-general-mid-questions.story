# Chit-chat in the middle of the questions gets the fallback answer, and the question is still waiting
> tell me a joke
plugin: fallback
> my quads hurt after a 10k yesterday
plugin: triage
awaiting: swelling
> what's the weather like tomorrow
plugin: fallback
awaiting: swelling
reply contains: Back to your quads
> no
plugin: triage
awaiting: pain_kind

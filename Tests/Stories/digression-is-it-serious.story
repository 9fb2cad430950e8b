# "should I see a doctor?" in the middle of the questions gets the warning signs, then the questions carry on
> my quads hurt after the race
plugin: triage
awaiting: swelling
> no
awaiting: pain_kind
> should I see a doctor?
plugin: triage
intent: triage.is_serious
reply contains: Back to your quads
awaiting: pain_kind
> dull ache
awaiting: pain_level

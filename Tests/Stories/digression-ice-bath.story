# While being asked how bad it is, the runner asks about an ice bath; the bath plugin answers and the pain question comes back
> my calves hurt
awaiting: swelling
> no
awaiting: pain_kind
> dull
awaiting: pain_level
> should I have an ice bath?
plugin: bath
intent: bath.cold
entities.baths: ["ice-cold"]
reply contains: Back to your calves
awaiting: pain_level
> 5
plugin: triage
entities.pain_level: 5
awaiting: when

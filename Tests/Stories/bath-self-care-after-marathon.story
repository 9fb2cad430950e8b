# After ordinary soreness from a marathon, the bath advice leads with the ice-cold bath
> my hamstrings hurt after the marathon yesterday
entities.distance_km: 42.2
awaiting: swelling
> no
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 4
awaiting: trend
> about the same
entities.trend: same
awaiting: urine
> normal
triage.level: self-care
reply contains: Foam roller
reply lacks: Tennis ball:
> should I have a bath?
plugin: bath
intent: bath.which
reply contains: ice-cold

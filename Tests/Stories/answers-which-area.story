# "my legs are sore" names no area, so it asks where; "the back of my thighs" means the hamstrings
> my legs are sore after parkrun
plugin: triage
entities.body_parts: []
entities.distance_km: 5
awaiting: body_part
> the back of my thighs
plugin: triage
entities.body_parts: ["hamstrings"]
awaiting: swelling
> no

# Mid-way through the questions the runner asks how to do drumming; the techniques plugin answers, then the swelling question resumes
> my calves hurt after a 10k
plugin: triage
awaiting: swelling
> how do I do drumming?
plugin: techniques
intent: technique.howto
entities.techniques: ["drumming"]
reply contains: 1.
reply contains: Back to your calves
awaiting: swelling
> no
plugin: triage
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 3
awaiting: when
> yesterday
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
triage.body_parts: ["calves"]

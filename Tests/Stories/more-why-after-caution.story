# After a caution outcome (sharp pain, 8 out of 10), "why" names both reasons and "more" gives the full strain advice, still hands off
> my hamstrings hurt
> no
> sharp
> 8
> yesterday
> about the same
> 10k
> normal
triage.level: caution
triage.reasons contains: pain-kind:sharp
reply contains: Stroking
reply lacks: Pressing
> what makes you say that
intent: core.why
reply contains: You told me: your hamstrings
reply contains: Sharp pain
reply contains: 7 or more out of 10
reply contains: more than ordinary soreness
> the full version
intent: triage.more
reply contains: If this might be a strain
reply contains: Around (not on) the sore spot
reply lacks: Pressing
reply lacks: Foam roller
reply contains: no hot baths or heat
reply contains: Raynaud's, a cold allergy
reply contains: Check with your GP before any firm massage

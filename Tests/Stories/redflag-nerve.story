# Numbness and tingling in the foot is a nerve sign, not muscle soreness
> my foot has gone numb and tingly since my run
plugin: triage
entities.body_parts: ["feet"]
entities.red_flags contains: nerve
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:nerve
reply contains: today
reply lacks: 1.

# An open wound on the knee: leave it alone, and technique requests for the knee get a reminder
> I fell on my run and there is an open wound on my knee
plugin: triage
entities.body_parts: ["knees"]
entities.red_flags contains: wound
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:wound
reply lacks: 1.
> how do I massage my knees?
plugin: techniques
reply contains: don't massage
reply lacks: 1.

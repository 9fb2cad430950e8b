# After advice, a hands-free calf routine: Enter and next move on, back and repeat, a question mid-way, then stop
> my calves hurt after a 10k yesterday
> no
> a dull ache
> 3
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: self-care
reply contains: walk me through it
> walk me through it
plugin: techniques
intent: technique.guide
routine_step.index: 1
routine_step.leg: left leg
reply contains: Step 1 of
> next
routine_step.index: 2
routine_step.leg: right leg
>
routine_step.index: 3
> back
routine_step.index: 2
> repeat
routine_step.index: 2
> should I have an ice bath afterwards?
plugin: bath
routine_step: null
reply contains: Routine paused at step 2
> skip
routine_step.index: 3
reply contains: Skipped
> stop
routine_step: null
reply contains: Routine stopped

# A routine for the achilles is short (no tools on the tendon) and ends with a goodbye note and the plan offer
> walk me through a routine for my achilles
routine_step.index: 1
reply lacks: Tennis ball:
> next
> next
> next
routine_step.index: 4
reply contains: last step
> next
routine_step: null
reply contains: That's the routine done
> summary
reply contains: # Your post-run recovery plan
reply contains: achilles

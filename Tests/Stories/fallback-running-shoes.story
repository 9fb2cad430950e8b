# Out-of-scope running questions are declined politely by the fallback plugin
> what running shoes should I buy
plugin: fallback
awaiting: null
triage: null
reply contains: self-massage
> how much ibuprofen can I take
plugin: fallback
awaiting: null

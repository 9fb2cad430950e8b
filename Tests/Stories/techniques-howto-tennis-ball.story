# How to use a tennis ball: the steps, in order
> how do I use a tennis ball?
plugin: techniques
intent: technique.howto
entities.techniques: ["tennis-ball"]
awaiting: null
reply contains: Tennis ball
reply contains: 1.
reply contains: 2.

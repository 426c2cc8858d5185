"""The LLM edge: everything that talks to an OpenAI-compatible endpoint, and the rules that keep it honest.

    settings.py   endpoint, key, model and limits from the environment or a config file
    client.py     openai + instructor in a mode the endpoint accepts
    prompts.py    versioned prompt files from prompts/
    chunking.py   a document → small table and section chunks mapped to source lines
    calls.py      one cached, retried, logged structured call per chunk
    answers.py    the shapes the model answers in (instructor response models)
    grounding.py  finding a returned value in the chunk (whitespace-, width-insensitive)
    resolve.py    an answer → the contract, keeping only values the chunk prints
    wording.py    the checkers' questions of wording (does a note state a cause, does a figure speak of
                  an indicator), asked in batches and grounded (the judge handed to assistant.check)
    cache.py, audit.py, usage.py   response cache, SQLite audit log, this process's usage
"""

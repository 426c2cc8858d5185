"""`python -m assistant` is the same as the `selfeval` command."""
from assistant.cli import main

main()

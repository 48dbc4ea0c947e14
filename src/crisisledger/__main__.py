"""`python -m crisisledger` runs the command line."""

from crisisledger.cli import main

main()

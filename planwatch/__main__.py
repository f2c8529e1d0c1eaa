"""`python -m planwatch ...` runs the same command line as the installed `planwatch` script."""

from planwatch.cli import main

main()

"""planwatch: measures how much of a communication plan's planned press coverage appeared."""

__version__ = "0.1.0"

"""The command line: argument parsing and printing only; every action is a service call."""

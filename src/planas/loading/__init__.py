"""Reading plan files: bytes -> data with positions (positional), or fast without them (fast).

Also the one place that writes files (fileio: atomic writes).
"""

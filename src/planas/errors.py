"""Exceptions of the planas core: what the CLI turns into exit code 2."""


class PlanasError(Exception):
    """Base of every error planas raises on purpose."""


class UsageError(PlanasError):
    """The tool could not do its job (missing file, unreadable template, bad option).

    The message is meant for the user as it is: one line, no traceback.
    """

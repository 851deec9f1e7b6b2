"""planas: municipal Social Services Plans (Socialinių paslaugų planas) as validated YAML."""

# The one place the version is written (pyproject reads it through hatch);
# importlib.metadata would cost ~35 ms of start-up on every command.
__version__ = "0.3.0"

__all__ = ["__version__"]

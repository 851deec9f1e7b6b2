"""planas: municipal Social Services Plans (Socialinių paslaugų planas) as validated YAML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("planas")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]

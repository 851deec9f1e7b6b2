"""A static site of a plans repository: an index, every plan's page, year-over-year and criterion pages.

Relative links only, so it works from `file://` and from any static host. Built
in a temporary folder and swapped in whole (`planas.site.build`).
"""

from planas.site.build import SiteResult, build_site

__all__ = ["SiteResult", "build_site"]

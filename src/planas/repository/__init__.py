"""A repository of plans: its index, settings, baseline, `check` and every CI report."""

"""Year over year: the identity-keyed diff of two plans, its report, and next year's draft."""

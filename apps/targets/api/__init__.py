"""Read API for indicators, targets and observations."""

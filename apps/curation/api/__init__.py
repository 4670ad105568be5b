"""Pieces every app's read API shares: visibility, filters, pagination, CSV, throttling."""

"""Read API for initiatives."""

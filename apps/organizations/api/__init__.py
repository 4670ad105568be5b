"""Read API for organizations."""

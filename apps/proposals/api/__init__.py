"""Read API for proposals and their replies."""

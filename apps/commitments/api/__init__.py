"""Read API for commitments."""

"""Read API for documents."""

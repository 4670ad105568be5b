"""Read API for administrative regions."""

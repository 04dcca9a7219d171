"""The translate form of one entry and the dashboard of what waits for translation."""

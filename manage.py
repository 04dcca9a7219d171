#!/usr/bin/env python
"""Django's command-line utility for OGP Toolbox in a checkout (development settings)."""

from ogpsite.cli import main

if __name__ == "__main__":
    main(settings="ogpsite.settings.dev")

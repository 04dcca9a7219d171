#!/usr/bin/env python
"""Django's command-line utility for OGP Toolbox."""

import gc
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ogpsite.settings.dev")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    finally:
        # On its way out, the interpreter runs full cycle collections over
        # every object a Django and Wagtail process holds (about a second
        # here) before the system frees the memory anyway. Frozen objects are
        # left out of them; objects are still released, files still closed.
        gc.freeze()


if __name__ == "__main__":
    main()

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
        # here; more after a command that loaded many pages) before the
        # system frees the memory anyway. Frozen objects are only left out of
        # those collections: atexit handlers still run (logging flushes its
        # handlers there), and whatever no cycle holds is still released.
        gc.freeze()


if __name__ == "__main__":
    main()

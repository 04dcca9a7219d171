"""`manage.py` of an installed site: the `ogptoolbox` command (see pyproject.toml).

An installed package is a deployment, so its default settings are production's;
`manage.py` in a checkout passes the development ones.
"""

import gc
import os
import sys


def main(settings="ogpsite.settings.production"):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
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

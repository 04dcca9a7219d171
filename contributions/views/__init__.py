"""Views of the contributions app, registered on the entry sub-routes in apps.py."""

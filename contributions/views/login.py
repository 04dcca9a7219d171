"""Other login forms send to the site's one login (allauth's).

Wagtail brings its own login forms (the admin's `/admin/login/`, the
front-end `_util/login/`) and a password reset (`/admin/password_reset/`):
Django forms that know nothing of allauth's rate limits nor of e-mail
verification. They are routed here instead (site/urls.py), so that every way
in goes through one policy (contributions.accounts). Nothing is read from the
request but `next`, checked by the one redirect helper (and by allauth again).
"""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from safety.redirects import safe_next


def to_site_login(request):
    """Any method: a password posted here is never checked."""
    home = reverse("wagtailadmin_home")
    return redirect_to_login(safe_next(request, home))


def to_site_password_reset(request, **kwargs):
    return redirect("account_reset_password")

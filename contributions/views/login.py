"""Other login forms send to the site's one login (allauth's).

Wagtail brings its own login forms (the admin's `/admin/login/`, the
front-end `_util/login/`) and a password reset (`/admin/password_reset/`):
Django forms that know nothing of allauth's rate limits nor of e-mail
verification. They are routed here instead (site/urls.py), so that every way
in goes through one policy (contributions.accounts). Nothing is read from the
request but `next`, which allauth checks like any other.
"""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse


def to_site_login(request):
    """Any method: a password posted here is never checked."""
    return redirect_to_login(request.GET.get("next") or reverse("wagtailadmin_home"))


def to_site_password_reset(request, **kwargs):
    return redirect("account_reset_password")

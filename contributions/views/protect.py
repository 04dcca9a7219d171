"""Protecting an entry: only moderators may edit it while it is protected.

Protection is Wagtail's page lock, so the admin and the public site agree,
and every change is in Wagtail's audit log.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from contributions.permissions import is_moderator


def protect_view(request, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not is_moderator(request.user):
        raise PermissionDenied(_("Only moderators can protect or unprotect an entry."))
    protect = request.POST.get("action") == "protect"
    page.locked = protect
    page.locked_by = request.user if protect else None
    page.locked_at = timezone.now() if protect else None
    page.save(update_fields=["locked", "locked_by", "locked_at"], clean=False)
    log(instance=page, action="wagtail.lock" if protect else "wagtail.unlock", user=request.user)
    if protect:
        messages.success(request, _("The entry is protected: only moderators can edit it."))
    else:
        messages.success(request, _("The entry is no longer protected."))
    return redirect(page.url)

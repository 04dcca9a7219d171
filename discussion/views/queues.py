"""Following and unfollowing a translation queue (a list of the translation dashboard).

Both are small POST forms on the dashboard and on the following page; they
return to the page they came from (its address checked to be on this site),
so the reader keeps their list and filters.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safety.redirects import safe_next

from ..services import queues


def _back(request):
    """The `next` address when it is on this site, else the dashboard."""
    return safe_next(request, reverse("translations"))


def _queue_action(request, action):
    back = _back(request)
    if not request.user.is_authenticated:
        # After logging in the reader lands on the list again, where the button is.
        return redirect_to_login(back)
    try:
        queue = queues.parse(
            request.POST.get("language"), request.POST.get("kind"), request.POST.get("topic")
        )
    except queues.InvalidQueue as error:
        messages.error(request, str(error))
        return redirect(back)
    action(request, queue)
    return redirect(back)


def _follow(request, queue):
    queues.follow(request.user, queue)
    messages.success(
        request,
        _(
            "You follow this translation list: you will be notified when an entry "
            "needs a translation or an update in it."
        ),
    )


def _unfollow(request, queue):
    queues.unfollow(request.user, queue)
    messages.success(request, _("You no longer follow this translation list."))


@require_POST
def follow_queue_view(request):
    return _queue_action(request, _follow)


@require_POST
def unfollow_queue_view(request):
    return _queue_action(request, _unfollow)

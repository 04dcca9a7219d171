"""Where a form may send the reader back: only to this site.

Every `next` (or similar) address that comes from request data goes through
`safe_next`, so a link such as `…/review/?next=https://evil.example/` cannot
turn the site into an open redirect. Django's `url_has_allowed_host_and_scheme`
does the check (scheme, host, `//host` and backslash tricks); an address that
fails it is replaced by the view's own fallback. allauth's and Wagtail's login
forms already check their `next` the same way.
"""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback, name="next"):
    """The `name` address of the POST (or GET) data when it is on this site, else `fallback`."""
    data = request.POST if request.method == "POST" else request.GET
    return safe_url(request, data.get(name), fallback)


def safe_url(request, target, fallback):
    """`target` when it is an address on this site (relative or on this host), else `fallback`."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback

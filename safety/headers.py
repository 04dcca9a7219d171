"""Security headers: a Content-Security-Policy with nonces, and Permissions-Policy.

The public site runs no inline script or style: its policy (CONTENT_SECURITY_POLICY)
allows scripts and styles from the site itself and, for any that a template
may need inline, only with the response's nonce (`request.csp_nonce`);
'unsafe-inline' is never in it. The nonce is made for every response, so the
header always carries one.

The Wagtail admin (`/admin/`) gets its own policy (OGPT_ADMIN_CSP), because
Wagtail 8.0's own templates still write inline scripts without a nonce and
inline `style` attributes (see README, Security): forking them is not worth it
for a back office reached by moderators only. It keeps everything else strict:
same-origin sources only, no plugins, no foreign frames or form targets.

This middleware sits before the anonymous page cache, so cached pages get a
fresh nonce, and after SecurityMiddleware (nosniff, HSTS, referrer policy).
"""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings

ADMIN_PREFIX = "/admin/"


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under /admin/ and Permissions-Policy."""

    def process_request(self, request):
        super().process_request(request)
        if not request.path_info.startswith(ADMIN_PREFIX):
            str(request.csp_nonce)  # every public response's header carries a nonce

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            return PolicyParts(config=settings.OGPT_ADMIN_CSP, nonce=None)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.OGPT_PERMISSIONS_POLICY:
            response.setdefault("Permissions-Policy", settings.OGPT_PERMISSIONS_POLICY)
        return response

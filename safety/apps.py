from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    """What keeps untrusted input and output harmless, whichever app handles it.

    CSV cells that a spreadsheet would run as formulas, redirect targets from
    request data, uploaded images, and the security headers (CSP with nonces,
    Permissions-Policy). The lowest layer: it imports none of the project's
    apps, and every app may import it.
    """

    name = "safety"
    label = "safety"
    verbose_name = _("Safety")

    def ready(self):
        from django.db.models.signals import pre_save

        from wagtail.images import get_image_model

        from . import images, spreadsheets

        spreadsheets.neutralise_wagtail_exports()
        pre_save.connect(
            images.reencode_new_upload, sender=get_image_model(), dispatch_uid="safety.images"
        )

"""Moderators import a file from the site: upload, read the dry-run report, then apply.

The uploaded file is kept in the default storage between the two steps, under
a random name that only a signed token in the confirmation form reveals, and
is deleted once applied. Applying re-reads the file and imports it in one
transaction, so what happened meanwhile on the site is taken into account.
"""

import uuid

from django import forms
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contributions.permissions import is_moderator

from .harvest.importer import run_import
from .harvest.records import FORMATS, ImportFileError, check_size, read_records

SALT = "opendata.import"
FOLDER = "opendata-imports"
FORMAT_LABELS = {
    "json": gettext_lazy("OGP Toolbox JSON export"),
    "csv": gettext_lazy("CSV (one column per field and language)"),
    "publiccode": gettext_lazy("publiccode.yml"),
}


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File to import"))
    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=[(name, FORMAT_LABELS[name]) for name in FORMATS]
    )


def _import(stored_name, file_format, source, dry_run):
    with default_storage.open(stored_name, "rb") as handle:
        raw = handle.read()
    records = read_records(source, raw, file_format)
    return run_import(records, source=source, dry_run=dry_run)


@login_required
def import_view(request):
    if not is_moderator(request.user):
        raise PermissionDenied(_("Only moderators can import files."))
    context = {"form": UploadForm(), "report": None, "error": None, "token": None}
    status = 200
    if request.method == "POST" and "token" in request.POST:
        try:
            data = signing.loads(request.POST["token"], salt=SALT, max_age=24 * 3600)
            context["report"] = _import(data["name"], data["format"], data["source"], False)
            default_storage.delete(data["name"])
            context["applied"] = True
        except signing.BadSignature:
            context["error"] = _(
                "This import has expired or was already applied: upload the file again."
            )
            status = 400
        except (ImportFileError, FileNotFoundError) as error:
            context["error"] = str(error)
            status = 400
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            file_format = form.cleaned_data["file_format"]
            try:
                check_size(upload.name, upload.size)
                stored = default_storage.save(
                    f"{FOLDER}/{uuid.uuid4().hex}.upload", ContentFile(upload.read())
                )
                context["report"] = _import(stored, file_format, upload.name, True)
                context["token"] = signing.dumps(
                    {"name": stored, "format": file_format, "source": upload.name}, salt=SALT
                )
                context["source"] = upload.name
            except ImportFileError as error:
                context["error"] = str(error)
                status = 400
        else:
            status = 400
    return TemplateResponse(request, "opendata/import.html", context, status=status)

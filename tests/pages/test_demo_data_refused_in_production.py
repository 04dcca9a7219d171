"""load_demo_data never runs under production settings: its superuser's password is public."""

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from contributions.models import User
from tests.test_settings import SECRETS, manage


def test_the_command_refuses_under_production_settings_with_a_clear_message(tmp_path):
    # The database is never opened: the command stops before touching it.
    database = tmp_path / "untouched.sqlite3"
    result = manage("load_demo_data", **{**SECRETS, "DATABASE_URL": f"sqlite:///{database}"})
    assert result.returncode != 0
    assert "refuses to run under production settings" in result.stderr
    assert not database.exists()


@pytest.mark.django_db
def test_the_production_flag_alone_stops_it_before_any_account_exists(settings):
    settings.OGPT_PRODUCTION = True
    before = User.objects.count()
    with pytest.raises(CommandError, match="superuser"):
        call_command("load_demo_data", verbosity=0)
    assert User.objects.count() == before

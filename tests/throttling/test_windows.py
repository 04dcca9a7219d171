"""Fixed windows in the cache: counts per subject, a new count in each window."""

from throttling import windows


def at(monkeypatch, moment):
    monkeypatch.setattr(windows, "now", lambda: moment)


def test_hits_count_per_subject_within_a_window(monkeypatch):
    at(monkeypatch, 6_000.0)
    assert [windows.hit("edit:user:1", 60) for _ in range(3)] == [1, 2, 3]
    assert windows.used("edit:user:1", 60) == 3
    assert windows.used("edit:user:2", 60) == 0


def test_the_next_window_starts_from_zero_and_says_how_long_is_left(monkeypatch):
    at(monkeypatch, 6_045.0)
    windows.hit("post:ip:192.0.2.1", 60)
    assert windows.seconds_left(60) == 15
    assert windows.seconds_left(3600) == 3600 - 2_445
    at(monkeypatch, 6_060.0)
    assert windows.used("post:ip:192.0.2.1", 60) == 0

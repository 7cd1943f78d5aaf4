"""One door per third-party library: the private names and patches briefgen relies on.

Each module imports only its library; ``tests/test_compat_*.py`` checks that every name it
touches still exists and behaves as relied upon, so an upgrade fails there first.
"""

"""Local use (the default): debug off, loopback host names, demonstration logins."""

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

"""The Django project of CPB Monitor: settings, URLs, WSGI and the lazy bootstrap."""

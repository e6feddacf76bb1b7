# SPDX-License-Identifier: Apache-2.0
# settings.py: the smallest Django 3.2 project clients_django.py needs — the postgresql
# backend pointed at the server named by CLIENTS_DB_PORT, contenttypes, auth and the shop app.
import os

SECRET_KEY = "test-only"
USE_TZ = True
TIME_ZONE = "UTC"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "acme",
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": os.environ["CLIENTS_DB_PORT"],
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

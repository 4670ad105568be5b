from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED_APPS = ["regions", "organizations", "documents", "proposals", "initiatives", "targets"]


def create_curators_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group gets them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators, _ = Group.objects.get_or_create(name="curators")
    curators.permissions.add(*Permission.objects.filter(content_type__app_label__in=CURATED_APPS))


def remove_curators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="curators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        *[(app, "0001_initial") for app in CURATED_APPS],
    ]

    operations = [migrations.RunPython(create_curators_group, remove_curators_group)]

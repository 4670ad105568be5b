from django.contrib.auth.management import create_permissions
from django.db import migrations, models

CURATED_APPS = ["regions", "organizations", "documents", "proposals", "initiatives", "targets"]


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the groups get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    review = Permission.objects.get(content_type__app_label="curation", codename="review_records")
    viewing = Permission.objects.filter(content_type__app_label__in=CURATED_APPS, codename__startswith="view_")
    curators, _ = Group.objects.get_or_create(name="curators")
    curators.permissions.add(review)
    reviewers, _ = Group.objects.get_or_create(name="reviewers")
    reviewers.permissions.add(review, *viewing)
    readers, _ = Group.objects.get_or_create(name="readers")
    readers.permissions.add(*viewing)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["reviewers", "readers"]).delete()


class Migration(migrations.Migration):
    dependencies = [("curation", "0001_curators_group")]

    operations = [
        # No table (managed=False): the model only holds the workflow's own permission.
        migrations.CreateModel(
            name="CurationRights",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"))],
            options={
                "verbose_name": "审核权限",
                "permissions": [("review_records", "可将记录标记为已审核并发布")],
                "managed": False,
                "default_permissions": (),
            },
        ),
        migrations.RunPython(create_role_groups, remove_role_groups),
    ]

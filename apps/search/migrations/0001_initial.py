import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('documents', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('document', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_entry', serialize=False, to='documents.document', verbose_name='文件')),
                ('tokens', models.TextField(blank=True, help_text='标题和正文切分后的词,以空格分隔', verbose_name='分词')),
            ],
            options={
                'verbose_name': '检索条目',
                'verbose_name_plural': '检索条目',
            },
        ),
    ]

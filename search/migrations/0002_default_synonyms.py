"""The synonym groups the programme starts with; editors keep them in the admin from here."""

from django.db import migrations

DEFAULT_GROUPS = [
    (
        "Gender-based violence",
        ["GBV", "gender-based violence", "gender based violence", "гендерное насилие",
         "насилие по признаку пола", "젠더기반폭력", "젠더 기반 폭력"],
    ),
    (
        "Violence against women",
        ["VAW", "violence against women", "насилие в отношении женщин", "насилие против женщин",
         "여성폭력", "여성에 대한 폭력"],
    ),
    (
        "Korea's one-stop crisis centres are called Sunflower Centres",
        ["one-stop centre", "one-stop center", "Sunflower Centre", "Sunflower Center", "центр одного окна",
         "кризисный центр", "해바라기센터", "해바라기 센터", "원스톱 센터"],
    ),
    (
        "Technology-facilitated gender-based violence",
        ["TFGBV", "technology-facilitated GBV", "technology-facilitated gender-based violence",
         "online sexual abuse", "онлайн-насилие", "сексуальное насилие в интернете", "디지털 성범죄",
         "기술매개 젠더기반폭력"],
    ),
]


def add_defaults(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    if Synonym.objects.exists():
        return
    for note, terms in DEFAULT_GROUPS:
        Synonym.objects.create(terms="\n".join(terms), note=note)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]

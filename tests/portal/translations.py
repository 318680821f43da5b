"""The Russian words the portal's translation tests fill wagtail-localize's PO files with."""

RUSSIAN = {
    "Funding a one-stop centre": "Финансирование центра «одного окна»",
    "How the centres are paid for.": "Как финансируются центры.",
    "Police training course": "Учебный курс для полиции",
    "Training for investigators.": "Обучение следователей.",
}


def republish(page):
    page.refresh_from_db()
    page.save_revision().publish()

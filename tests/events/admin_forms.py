"""What the Wagtail admin's new event form posts: a webinar held online, from Seoul, with empty streams."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

STREAMS = ("body", "agenda", "materials", "produced", "follow_up_actions")


def new_event_form(**fields) -> dict:
    """The form's fields for "Webinar on helplines" on 10 March 2027, with `fields` in their place."""
    return nested_form_data(
        {
            "title": "Webinar on helplines",
            "slug": "webinar-on-helplines",
            "event_type": "webinar",
            "summary": "Helplines in Central Asia.",
            "start": "2027-03-10 16:00",
            "end": "",
            "time_zone": "Asia/Seoul",
            "is_online": "on",
            "status": "scheduled",
            "speakers": inline_formset([]),
            **{name: streamfield([]) for name in STREAMS},
            **fields,
        }
    )

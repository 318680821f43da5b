"""Events: webinars, study missions, round tables, technical meetings, signings."""

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events import metadata, selectors
from events.blocks import AgendaItemBlock, FollowUpActionBlock, ProducedItemsBlock
from events.choices import EventPhase, EventStatus, EventType, validate_time_zone
from events.forms import EventPageForm
from events.list_page import EventListMixin
from portal.core import fragments, page_cache
from portal.core.blocks import ATTACHMENTS_HELP, AttachmentBlock, BodyBlock
from portal.core.items import item_kind
from portal.core.models.taxonomy import in_default_locale
from portal.core.privacy import ViewRestrictionsMixin
from portal.core.routing import DefaultLanguageRouteMixin


class EventSeries(TranslatableMixin, models.Model):
    slug = models.SlugField(_("key"), max_length=80)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("slug"), FieldPanel("title"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_series_slug_per_locale")]

    def __str__(self):
        return self.title


class EventIndexPage(ViewRestrictionsMixin, DefaultLanguageRouteMixin, EventListMixin, Page):
    """Upcoming and past events, filtered like the knowledge list, with feeds and calendars (`list_page.py`)."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("event index")

    def page_cache_dependencies(self):
        """The anonymous page cache (`portal.core.page_cache`): the list, its feeds and calendars show events."""
        return [page_cache.list_tag("events")]


@item_kind("event", order=50)
class EventPage(ViewRestrictionsMixin, Page):
    base_form_class = EventPageForm
    # A time zone is a name from the IANA database, the same in every language: copied to the
    # translations, never offered to translators as words.
    override_translatable_fields = [SynchronizedField("time_zone", overridable=False)]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # The anonymous page cache (`portal.core.page_cache`): the series, what the event produced
    # and its documents; an event's publish purges the event lists.
    page_cache_section = "events"

    def page_cache_dependencies(self):
        return [page_cache.list_tag(section) for section in ("events", "knowledge", "documents")]

    event_type = models.CharField(_("type of event"), max_length=30, choices=EventType.choices)
    summary = models.TextField(_("summary"), max_length=800)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    # Any zone of the IANA database (`events.choices`): the admin form lists them by city.
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Seoul",
        validators=[validate_time_zone],
        help_text=_("The city whose clock the event kept, such as Kabul or Tirane."),
    )
    is_online = models.BooleanField(_("held online"), default=False)
    online_platform = models.CharField(_("online platform"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    host_country = models.ForeignKey(
        "portal.Country",
        verbose_name=_("host country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    series = models.ForeignKey(
        EventSeries, verbose_name=_("series"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    organisers = ParentalManyToManyField(
        "portal.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    partners = ParentalManyToManyField(
        "portal.Organisation",
        verbose_name=_("partners"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    countries = ParentalManyToManyField(
        "portal.Country",
        verbose_name=_("participating countries"),
        blank=True,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    themes = ParentalManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="+", limit_choices_to=in_default_locale
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    materials = StreamField(
        [("attachment", AttachmentBlock())],
        verbose_name=_("slides and materials"),
        blank=True,
        help_text=ATTACHMENTS_HELP,
    )
    outcomes = RichTextField(_("outcomes"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    follow_up_actions = StreamField(
        [("action", FollowUpActionBlock())], verbose_name=_("follow-up actions"), blank=True
    )
    content_warning = models.BooleanField(_("describes violence"), default=False)
    # Cancelled and postponed are the organiser's word; upcoming, open and held follow from the dates.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Set “Cancelled” or “Postponed” when the event will not take place as announced."),
    )
    status_note = models.CharField(
        _("note on the status"),
        max_length=255,
        blank=True,
        help_text=_("For example: “Postponed to the autumn; the new date will be announced here.”"),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    # Stored in UTC like start and end, and entered on the event's own clock (`forms.py`).
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep registration open until the event starts."),
    )
    joining_instructions = RichTextField(
        _("how to join"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Shown before the event, such as “The meeting link is sent by email after registration.”"),
    )
    produced = StreamField(
        ProducedItemsBlock(),
        verbose_name=_("what the event produced"),
        blank=True,
        help_text=_("Knowledge pages and documents that came out of the event; readers see those they may open."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("outcomes"),
        index.FilterField("event_type"),
        index.FilterField("start"),
        index.RelatedFields("countries", [index.SearchField("name"), index.FilterField("iso_code")]),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("event_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")],
            heading=_("When"),
            help_text=_("Enter times as they were on the clock where the event took place."),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_closes"), FieldPanel("joining_instructions")],
            heading=_("Registration and joining"),
            help_text=_("Enter the closing time as it is on the clock where the event takes place."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("online_platform"),
                FieldPanel("venue"),
                FieldPanel("city"),
                FieldPanel("host_country"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("series"),
                FieldPanel("organisers"),
                FieldPanel("partners"),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("content_warning"),
            ],
            heading=_("Who and what"),
        ),
        InlinePanel("speakers", heading=_("Speakers"), label=_("speaker")),
        FieldPanel("body"),
        FieldPanel("agenda"),
        # Folded: what an organiser fills in once the event is held, or when it is called off.
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("materials"),
                FieldPanel("outcomes"),
                FieldPanel("produced"),
                FieldPanel("follow_up_actions"),
            ],
            heading=_("After the event"),
            help_text=_("Fill these in once the event is held: readers then see them instead of registration."),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")],
            heading=_("Cancelled or postponed"),
            classname="collapsed",
        ),
    ]

    # What "Copy as a new event" carries over: what the next edition of an event usually shares.
    # Dates, registration, status and everything from after the event start empty.
    COPIED_FIELDS = (
        "title",
        "event_type",
        "summary",
        "time_zone",
        "is_online",
        "online_platform",
        "venue",
        "city",
        "host_country",
        "series",
        "content_warning",
        "body",
        "agenda",
        "joining_instructions",
    )
    COPIED_RELATIONS = ("organisers", "partners", "countries", "themes")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def fill_from_earlier(self, earlier: "EventPage") -> None:
        """Start this new, unsaved event from `earlier`: its kind, place, people and topics, no dates."""
        for name in self.COPIED_FIELDS:
            setattr(self, name, getattr(earlier, name))
        for name in self.COPIED_RELATIONS:
            setattr(self, name, list(getattr(earlier, name).all()))
        self.speakers = [EventSpeaker(person=speaker.person, role=speaker.role) for speaker in earlier.speakers.all()]

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    @property
    def is_upcoming(self):
        self._note_next_change()
        return self.end >= timezone.now()

    def _note_next_change(self) -> None:
        """A page or card showing the event's status goes out of date at its next moment (closing, start, end)."""
        now = timezone.now()
        moments = [moment for moment in (self.registration_closes, self.start, self.end) if moment and moment > now]
        page_cache.valid_until(min(moments, default=None))

    @property
    def kind_label(self):
        return self.get_event_type_display()

    @property
    def local_registration_closes(self):
        return timezone.localtime(self.registration_closes, self.tz) if self.registration_closes else None

    @property
    def is_called_off(self) -> bool:
        return self.status in (EventStatus.CANCELLED, EventStatus.POSTPONED)

    @property
    def registration_is_open(self) -> bool:
        """A registration link, the event neither called off nor started, and the closing time not passed."""
        if not self.registration_url or self.is_called_off:
            return False
        self._note_next_change()
        now = timezone.now()
        return now < self.start and (self.registration_closes is None or now < self.registration_closes)

    @property
    def phase(self) -> EventPhase:
        """The status readers see on the page and its card."""
        if self.status == EventStatus.CANCELLED:
            return EventPhase.CANCELLED
        if self.status == EventStatus.POSTPONED:
            return EventPhase.POSTPONED
        if not self.is_upcoming:
            return EventPhase.HELD
        if self.start <= timezone.now():
            return EventPhase.UNDER_WAY
        return EventPhase.OPEN_FOR_REGISTRATION if self.registration_is_open else EventPhase.UPCOMING

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if self.registration_closes and self.end and self.registration_closes > self.end:
            raise ValidationError(
                {"registration_closes": _("Registration cannot close after the event ends. Choose an earlier time.")}
            )
        if self.registration_closes and not self.registration_url:
            raise ValidationError(
                {"registration_url": _("Give the registration link, or leave the closing time empty.")}
            )
        if not self.is_online and not (self.city or self.venue):
            raise ValidationError({"city": _("Give a city or venue, or mark the event as held online.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selectors.event_in_language(event=self, user=request.user)
        user = request.user
        # The same lists for every signed-out reader: kept until a change (`portal.core.fragments`).
        context["series_events"] = fragments.kept(
            ("event-series", self.pk), lambda: selectors.event_series_siblings(event=self, user=user), request=request
        )
        context["event_speakers"] = fragments.kept(
            ("event-speakers", self.pk), lambda: selectors.event_speakers(event=self), request=request
        )
        selectors.event_follow_ups_in_language(event=self)
        context["produced_items"] = fragments.kept(
            ("event-produced", self.pk), lambda: selectors.event_produced_items(event=self, user=user), request=request
        )
        context["json_ld"] = metadata.event_json_ld(event=self, request=request)
        context["open_graph"] = metadata.event_open_graph(event=self, request=request)
        return context


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey("portal.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+")
    role = models.CharField(
        _("role at the event"), max_length=100, blank=True, help_text=_("For example: moderator, presenter.")
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")

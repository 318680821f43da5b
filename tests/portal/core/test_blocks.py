"""The body blocks. Images in a page body are served responsively: WebP renditions at 400 and 800 pixels wide,
with the editor's alt text, translated with the page.

A real JPEG made with Pillow goes into a policy brief's body as an image block. The rendered page must carry an
`<img>` whose `srcset` lists WebP renditions at 400w and 800w, with the `sizes` the layout needs, `width` and
`height` (so the page does not jump as the image loads) and the editor's alt text (empty only for an image
marked decorative). The rendition files themselves are opened with Pillow and must be WebP of the stated width.
"""

import io
import re

from django.conf import settings
from django.core.cache import caches
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from tests.factories import make_knowledge

pytestmark = pytest.mark.django_db

ORIGINAL_SIZE = (1600, 900)
SIZES = "(max-width: 800px) 100vw, 800px"
ALT = "Nurse and police officer at the reception desk of a one-stop centre"


@pytest.fixture(autouse=True)
def _forget_cached_renditions():
    """Wagtail caches renditions by image id, and ids come round again once a test's transaction is rolled back."""
    for cache in caches.all():
        cache.clear()


def make_photo(title="Reception desk, Seoul one-stop centre"):
    """A real JPEG, with shapes so the encoder has something to work on."""
    picture = Image.new("RGB", ORIGINAL_SIZE, (200, 220, 240))
    draw = ImageDraw.Draw(picture)
    for step in range(0, ORIGINAL_SIZE[0], 100):
        draw.rectangle((step, step // 2, step + 80, step // 2 + 300), fill=(step % 255, 90, 160))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=90)
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="reception.jpg"))


def page_with_image(site, *, alt_text=ALT, decorative=False):
    photo = make_photo()
    block = {"image": photo, "alt_text": alt_text, "decorative": decorative}
    page = make_knowledge(site["knowledge"], title="Inside a one-stop centre", body=[("image", block)])
    return page, photo


def body_img(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    images = BeautifulSoup(response.text, "html.parser").select("figure.stream__image img")
    assert len(images) == 1, "the image block renders one <img>"
    return images[0]


def srcset_candidates(img):
    """{width: url} from `srcset="url 400w, url 800w"`."""
    candidates = {}
    for candidate in img["srcset"].split(","):
        url, descriptor = candidate.split()
        assert re.fullmatch(r"\d+w", descriptor), candidate
        candidates[int(descriptor[:-1])] = url
    return candidates


def rendition_file(url):
    assert url.startswith(settings.MEDIA_URL), url
    return settings.MEDIA_ROOT / url.removeprefix(settings.MEDIA_URL)


def test_body_image_offers_webp_at_400_and_800_pixels_wide(client, site):
    page, _ = page_with_image(site)
    img = body_img(client, page)
    candidates = srcset_candidates(img)
    assert sorted(candidates) == [400, 800]
    assert all(url.endswith(".webp") for url in candidates.values()), candidates
    assert img["src"] in candidates.values(), "the fallback src is one of the renditions"
    assert img["sizes"] == SIZES


def test_body_image_reserves_its_space_before_it_loads(client, site):
    page, _ = page_with_image(site)
    img = body_img(client, page)
    width, height = int(img["width"]), int(img["height"])
    assert width in srcset_candidates(img)
    assert height == round(width * ORIGINAL_SIZE[1] / ORIGINAL_SIZE[0]), "the original's aspect ratio is kept"


def test_body_image_renditions_really_are_webp_of_the_stated_width(client, site):
    page, photo = page_with_image(site)
    candidates = srcset_candidates(body_img(client, page))
    for width, url in candidates.items():
        with Image.open(rendition_file(url)) as rendition:
            assert rendition.format == "WEBP"
            assert rendition.size == (width, round(width * ORIGINAL_SIZE[1] / ORIGINAL_SIZE[0]))
    stored = {rendition.url for rendition in photo.renditions.all()}
    assert set(candidates.values()) <= stored


def test_body_image_is_described_for_screen_reader_users(client, site):
    page, photo = page_with_image(site)
    img = body_img(client, page)
    assert img["alt"] == ALT, "the block's alt text, not the image title"
    assert img["alt"] != photo.title


def test_decorative_body_image_is_hidden_from_screen_readers(client, site):
    page, _ = page_with_image(site, alt_text="", decorative=True)
    img = body_img(client, page)
    assert img.has_attr("alt") and img["alt"] == ""
    assert sorted(srcset_candidates(img)) == [400, 800]


def test_image_alt_text_is_translated_with_its_page(client, site, locales, translate):
    """An image's alt text belongs to the page that shows it, so it goes through the same PO file."""
    page, _photo = page_with_image(site, alt_text="Counsellor and survivor in a quiet room")
    words = {
        "Inside a one-stop centre": "Внутри центра «одного окна»",
        "How the centres are paid for.": "Как финансируются центры.",
        "Counsellor and survivor in a quiet room": "Консультант и пострадавшая в тихой комнате",
    }
    russian = translate(page, locales["ru"], words)
    assert body_img(client, russian)["alt"] == "Консультант и пострадавшая в тихой комнате"
    assert body_img(client, page)["alt"] == "Counsellor and survivor in a quiet room"

"""Image files from media storage, where the site serves its own media (`make run`, browser tests)."""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Only these folders: documents are always served through Wagtail's view, which checks their
# collection's privacy, so a partner-only file never leaves by a raw media address.
IMAGE_FOLDERS = ("images", "original_images")


def image_file(request, folder: str, path: str):
    """One image file, with its folder as the root: a `..` in the path cannot leave it (400)."""
    if not (settings.DEBUG or settings.SERVE_MEDIA) or folder not in IMAGE_FOLDERS:
        raise Http404
    return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / folder)

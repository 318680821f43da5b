"""PDFium (pypdfium2) is not safe to call from two threads at once: every use holds `LOCK`.

Text extraction may run on a background worker thread while a request draws a thumbnail
(`knowledge.thumbnails`); both open, read and close their documents inside `with LOCK:`.
"""

import threading

LOCK = threading.RLock()

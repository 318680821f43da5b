from .base import KnowledgePage, KnowledgePageTag  # noqa: F401
from .briefs import PolicyBriefAuthor, PolicyBriefPage  # noqa: F401
from .documents import (  # noqa: F401
    Audience,
    DocumentDownload,
    DocumentPageText,
    DocumentVersion,
    ExtractionState,
    KnowledgeDocument,
    Licence,
)
from .harvest import HarvestRecord  # noqa: F401
from .index_pages import KnowledgeIndexPage  # noqa: F401
from .policy_tools import PolicyToolPage  # noqa: F401
from .practice_notes import PracticeNotePage  # noqa: F401

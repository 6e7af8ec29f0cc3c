"""People are not administered in Django admin: a child's record is changed through the casework pages,
which check the right to record and keep the audit; duplicates are merged through the merge pages."""

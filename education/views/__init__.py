"""Education pages: the child's education record and its forms, the lists, the reports, starting work."""

"""Children in care and care leavers beside England's figures: i13-care's part (a placeholder here)."""


def figures(as_at):
    return []

"""Choosing staff in a typeahead picker (accessible-autocomplete over a select), as a user does: type part of
the name, then pick the option."""


def choose(page, label: str, name: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(name)
    page.locator(".autocomplete__option", has_text=name).first.click()

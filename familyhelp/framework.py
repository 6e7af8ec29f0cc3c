"""The assessment framework's domains and dimensions (Working Together to Safeguard Children 2023,
chapter 3, and the Framework for the Assessment of Children in Need and their Families): the headings a
child and family assessment is written under, held once here for the form, the page and the print.

Each dimension is a section of the assessment's text; so are the views of the child and of the family.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    key: str
    title: str
    dimensions: tuple[tuple[str, str], ...]  # (section key, heading)


CHILD_VIEWS = ("child_views", "The child's views, wishes and feelings")
FAMILY_VIEWS = ("family_views", "The views of parents and carers")

DOMAINS = (
    Domain(
        "child",
        "The child's developmental needs",
        (
            ("health", "Health"),
            ("education", "Education"),
            ("emotional_behavioural", "Emotional and behavioural development"),
            ("identity", "Identity"),
            ("family_social_relationships", "Family and social relationships"),
            ("social_presentation", "Social presentation"),
            ("self_care", "Self-care skills"),
        ),
    ),
    Domain(
        "parenting",
        "Parenting capacity",
        (
            ("basic_care", "Basic care"),
            ("ensuring_safety", "Ensuring safety"),
            ("emotional_warmth", "Emotional warmth"),
            ("stimulation", "Stimulation"),
            ("guidance_boundaries", "Guidance and boundaries"),
            ("stability", "Stability"),
        ),
    ),
    Domain(
        "family",
        "Family and environmental factors",
        (
            ("family_history", "Family history and functioning"),
            ("wider_family", "Wider family"),
            ("housing", "Housing"),
            ("employment", "Employment"),
            ("income", "Income"),
            ("social_integration", "Family's social integration"),
            ("community_resources", "Community resources"),
        ),
    ),
)

SECTIONS = dict([CHILD_VIEWS, FAMILY_VIEWS, *(d for domain in DOMAINS for d in domain.dimensions)])

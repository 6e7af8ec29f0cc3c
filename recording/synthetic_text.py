"""Words for the synthetic council's case recording: invented, plain, and about no real person.
`{name}` is the child's first name."""

from protection.codes import CoreGroupAgency

from .models import NoteKind

NOTES = {
    NoteKind.VISIT: [
        (
            "Home visit: {name} at home with mum",
            "Visited at home after school. {name} showed me their bedroom, "
            "which was clean and warm. Food in the cupboards. {name} said things are 'better than "
            "before' and "
            "that "
            "mum has been calmer. Agreed to visit again in two weeks.",
        ),
        (
            "Unannounced visit",
            "Called without notice at 5pm. The house was untidy but safe. {name} was playing on "
            "a tablet; we talked about school and friends. Mum said money is tight this month: gave "
            "details of "
            "the "
            "food bank and the council's hardship fund.",
        ),
        (
            "Visit: {name} seen at school",
            "Saw {name} at school in a quiet room. {name} drew a picture of the "
            "family and talked about weekends with dad. No worries raised by the school this week.",
        ),
    ],
    NoteKind.PHONE_CALL: [
        (
            "Call with the school",
            "The designated safeguarding lead called: attendance 86% this half term, two "
            "late marks. {name} seemed tired on Monday. Agreed the school will let me know of any absence.",
        ),
        (
            "Call with mum",
            "Mum called to rearrange Thursday's visit because of a hospital appointment. New date "
            "agreed. She asked about help with the housing application.",
        ),
        (
            "Call with the health visitor",
            "The health visitor has seen the family: growth and development on "
            "track; talked about routines at bedtime.",
        ),
    ],
    NoteKind.DIRECT_WORK: [
        (
            "Direct work: three houses",
            "Used the three houses tool with {name}: house of worries (shouting at "
            "night), house of good things (football, nan), house of dreams (a dog, staying at this school).",
        ),
        (
            "Direct work: wishes and feelings",
            "Worked through a wishes and feelings booklet. {name} wants to see "
            "dad more often and said they feel safe at home now.",
        ),
    ],
    NoteKind.MEETING: [
        (
            "Professionals' meeting",
            "Met with the school, the health visitor and the family support worker to "
            "share information before the review. Actions agreed and shared with the family.",
        ),
        (
            "Meeting with parents",
            "Met mum and dad together to go through the plan. Both agreed to the parenting "
            "course; dad will attend the first session next week.",
        ),
    ],
    NoteKind.CORRESPONDENCE: [
        (
            "Email from the housing officer",
            "Housing confirmed the family is on the list for a two-bedroom "
            "property; the damp has been reported to the landlord.",
        ),
    ],
}

VIEWS = [
    "{name} said: 'I like my school and my teacher. I don't like it when mum and dad shout.' {name} wants "
    "things "
    "to stay calm at home and to keep seeing nan every Sunday.",
    "{name} was quiet at first but talked while drawing. They said they feel safe at home now and want to "
    "keep "
    "going to football club.",
    "{name} is too young to say what they think; I watched them with mum: they went to her for comfort, "
    "smiled "
    "and babbled, and settled quickly.",
]

FAMILY_VIEWS = [
    "Mum agrees there have been problems and wants help with routines and money. Dad did not want to take "
    "part.",
    "Both parents said they want the best for {name} and agreed to work with the plan, though dad feels the "
    "worries are exaggerated.",
]

DIMENSION_TEXT = {
    "health": [
        "{name} is registered with a GP and up to date with immunisations; a dental check is overdue."
    ],
    "education": [
        "{name} attends the local primary school; attendance this term is 88%, with some lateness."
    ],
    "emotional_behavioural": ["The school reports {name} can become upset and withdrawn after weekends."],
    "identity": ["{name} knows about their family's heritage and enjoys the community's festivals."],
    "family_social_relationships": ["{name} is close to an older sister and to nan, who lives nearby."],
    "social_presentation": [
        "{name} is usually clean and dressed for the weather; sometimes in the same clothes for several days."
    ],
    "self_care": ["{name} can wash and dress with a little help, as expected for their age."],
    "basic_care": ["Meals are not regular; the fridge was nearly empty on two visits."],
    "ensuring_safety": ["Mum understands the risks from her ex-partner and has agreed a safety plan."],
    "emotional_warmth": ["Mum is warm and affectionate with {name}; praise is given often."],
    "stimulation": ["There are books and toys at home; mum reads with {name} at bedtime most nights."],
    "guidance_boundaries": ["Boundaries are not consistent; mornings are chaotic and bedtimes are late."],
    "stability": ["The family has moved twice in 18 months; {name} has stayed at the same school."],
    "family_history": ["Mum grew up in care herself and has little support from her own family."],
    "wider_family": ["Nan lives nearby and helps with school runs; an aunt has offered respite at weekends."],
    "housing": ["A two-bedroom flat, privately rented; there is damp in the children's room."],
    "employment": ["Mum works part-time evenings at a supermarket; dad is looking for work."],
    "income": ["Universal Credit and part-time wages; rent arrears of about two months."],
    "social_integration": [
        "The family knows few people locally since moving; mum would like to meet other parents."
    ],
    "community_resources": [
        "A family hub and a food bank are within walking distance; the school runs a breakfast club."
    ],
}

CHANGES = [
    "{name} gets to school every day, on time, with breakfast.",
    "There is no more shouting or fighting at home when {name} is there.",
    "{name} has a warm, dry bedroom and clean clothes every day.",
    "Mum has help from family and friends and knows who to call when things are hard.",
    "{name} sees the dentist and the doctor when they should.",
]
CHANGES = [
    text.replace("{name}", "the child").replace("the child", "The child", text.startswith("{name}"))
    for text in CHANGES
]

ACTIONS = [
    (
        "Take the children to school every morning",
        "Mum",
        "Attendance has improved to 94% since the last meeting.",
    ),
    ("Refer the family to the parenting course", "Social worker", "Mum has attended four of six sessions."),
    ("Chase the landlord about the damp", "Social worker", "The landlord has treated the damp in one room."),
    (
        "Offer breakfast club free of charge",
        "School designated safeguarding lead",
        "Breakfast club started; the child goes most days.",
    ),
    ("Visit at home every two weeks", "Health visitor", "Visits kept; growth on track."),
    (
        "Help with a budget and the hardship fund",
        "Family support worker",
        "The hardship payment has been made.",
    ),
]

PROFESSIONALS = [
    ("School designated safeguarding lead", CoreGroupAgency.EDUCATION),
    ("Health visitor", CoreGroupAgency.HEALTH),
    ("School nurse", CoreGroupAgency.HEALTH),
    ("Family support worker", CoreGroupAgency.SOCIAL_CARE),
    ("Police domestic abuse officer", CoreGroupAgency.POLICE),
]

RECOMMENDATIONS = [
    ("Arrange for {name} to see their brother every month", "Social worker"),
    ("Complete {name}'s life story work before the next review", "Social worker"),
    ("Book the annual health assessment", "Looked-after children's nurse"),
    ("Update the Personal Education Plan with the new school", "Virtual School"),
    ("Find an independent visitor for {name}", "Social worker"),
    ("Talk with {name} about staying in this placement long term", "Independent reviewing officer"),
]

LETTER_TEMPLATES = [
    (
        "Appointment to visit",
        "Telling a parent or carer when you will visit",
        "Dear ${recipient_name},\n\nI am writing to let you know that I will visit you and "
        "${child_first_name} "
        "at "
        "home. If this time is not good for you, please ring me so we can find another.\n\nYours "
        "sincerely,\n\n"
        "${worker_name}\n${worker_job_title}\n${council_name}",
    ),
    (
        "Invitation to a child in need review",
        "Inviting a parent or carer to review the child in need plan",
        "Dear ${recipient_name},\n\nYou are invited to the review of ${child_name}'s child in need plan. We "
        "will "
        "talk about what has gone well, what still needs to change and what help you need.\n\nYours "
        "sincerely,\n\n"
        "${worker_name}\n${council_name}",
    ),
    (
        "Case closure",
        "Telling a family their case is closing",
        "Dear ${recipient_name},\n\nI am writing to let you know that children's services will stop working "
        "with "
        "${child_first_name} from ${today}. Thank you for working with us. If you are worried in the future, "
        "you "
        "can contact us at any time.\n\nYours sincerely,\n\n${worker_name}\n${council_name}",
    ),
]

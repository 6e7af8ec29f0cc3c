"""The council itself: its LocalAuthority row and child population by single year of age and sex."""

from council.models import LocalAuthority, PopulationCount

from .context import Council
from .registry import contributes

AGES = range(18)


@contributes(order=10)
def local_authority(council: Council) -> None:
    scale = council.scale
    council.add(
        LocalAuthority(
            name=scale.council_name,
            dfe_code=scale.dfe_code,
            ons_code=council.geography.area.ons_code,
            synthetic_seed=council.seed,
            synthetic_scale=scale.name,
            synthetic_as_at=council.as_at,
        )
    )


@contributes(order=11)
def child_population(council: Council) -> None:
    """Mid-year estimates for the last few years: the denominators of rates per 10,000 children."""
    rates, rng = council.rates, council.rng("council.population")
    age_weights = [1 + rates.population_age_slope * (age - 8.5) for age in AGES]
    latest = council.as_at.year
    for year in range(latest - rates.population_years + 1, latest + 1):
        total = council.scale.child_population * (1 + rates.population_growth_per_year) ** (year - latest)
        for age, weight in zip(AGES, age_weights):
            for sex, share in (("M", rates.male_share), ("F", 1 - rates.male_share)):
                noise = 1 + rng.uniform(-rates.population_noise, rates.population_noise)
                count = round(total * weight / len(AGES) * share * noise)
                council.add(PopulationCount(year=year, age=age, sex=sex, count=count))

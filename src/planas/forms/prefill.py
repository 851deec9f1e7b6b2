"""What the plan already knows about a provider, as the rows of its form (read from the model, never changed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planas.model import Plan
from planas.model.plan import Provider, Provision

Value = str | int | Decimal | date | None


@dataclass(frozen=True)
class ServiceRow:
    """One row of the services sheet: a service to one target group, with its figures."""

    values: dict[str, Value]

    @property
    def key(self) -> tuple[str, str]:
        """(service code, target group code): the row's identity."""
        return str(self.values["service"]), str(self.values.get("group") or "")


def institution_values(provider: Provider) -> dict[str, Value]:
    """The institution sheet's answers, by field key (`licence.number`, `staff.other` ...)."""
    licence, staff = provider.licence, provider.staff
    return {
        "name": provider.name,
        "owner": provider.owner,
        "institution_type": provider.institution_type,
        "address": provider.address,
        "licence.number": licence.number if licence else None,
        "licence.date": licence.date if licence else None,
        "staff.social_workers": staff.social_workers if staff else None,
        "staff.social_worker_assistants": staff.social_worker_assistants if staff else None,
        "staff.other": staff.other if staff else None,
    }


def _provision_values(record: Provision | None, year: int) -> dict[str, Value]:
    if record is None:
        return {"recipients": None, "waiting": None, "planned": None}
    last, this = record.years.get(year - 1), record.years.get(year)
    return {
        # last year's planned figure carried over by `planas new` is no fact: the provider writes the fact
        "recipients": last.recipients if last and not last.provisional else None,
        "waiting": last.waiting if last else None,
        "planned": this.planned if this else None,
    }


def service_rows(plan: Plan, provider: Provider) -> list[ServiceRow]:
    """The provider's services, one row per target group, then its provision records the services lack."""
    year = plan.metadata.year
    records = {(p.service, p.target_group): p for p in plan.analysis.provision if p.provider == provider.id}
    rows: list[ServiceRow] = []
    seen: set[tuple[str, str]] = set()
    for service in provider.services:
        shared: dict[str, Value] = {
            "places": service.places,
            "max_daily_visitors": service.max_daily_visitors,
            "price_amount": service.price.amount if service.price else None,
            "price_unit": service.price.unit if service.price else None,
        }
        for group in service.target_groups or [""]:
            key = (service.service, group)
            if key in seen:
                continue
            seen.add(key)
            rows.append(ServiceRow({"service": service.service, "group": group or None, **shared,
                                    **_provision_values(records.get(key), year)}))
    for key, record in records.items():
        if key not in seen:
            seen.add(key)
            rows.append(ServiceRow({"service": key[0], "group": key[1], **_provision_values(record, year)}))
    return rows

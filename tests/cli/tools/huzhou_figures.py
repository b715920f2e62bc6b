"""Reads samples/huzhou from its CSV files alone, independently of orgaudit.

usage:
  huzhou_figures.py figures DIR AS_OF [REGION]   the SPEC §9 program figures as JSON,
                                                 over REGION's organizations if given
  huzhou_figures.py check DIR                    realism checks (issue 14); a line per
                                                 problem, exit 1 if any
  huzhou_figures.py dormant-dates DIR            "DAY USCC…" per distinct day before a
                                                 closed_on of the cleared-as-dormant ones

The figures have the meanings of the Huzhou article (audit/program.hpp); they are
computed here again so that a mistake in the C++ cannot confirm itself.
"""
import csv
import datetime
import json
import sys

# domain.md §8.2a: towns (镇, 乡) and streets (街道) by county.
TOWNS = {
    "330502": "织里镇 八里店镇 妙西镇 埭溪镇 东林镇 道场乡 月河街道 飞英街道 爱山街道 朝阳街道 龙泉街道 康山街道",
    "330503": "南浔镇 双林镇 练市镇 善琏镇 菱湖镇 和孚镇 千金镇 石淙镇 旧馆街道 东迁街道",
    "330521": "乾元镇 新市镇 洛舍镇 钟管镇 禹越镇 新安镇 雷甸镇 莫干山镇 武康街道 舞阳街道 阜溪街道 下渚湖街道 康乾街道",
    "330522": "洪桥镇 李家巷镇 夹浦镇 煤山镇 和平镇 虹星桥镇 林城镇 泗安镇 小浦镇 吕山乡 水口乡 雉城街道 画溪街道 太湖街道 龙山街道",
    "330523": "孝丰镇 梅溪镇 天子湖镇 鄣吴镇 杭垓镇 报福镇 章村镇 天荒坪镇 溪龙乡 上墅乡 山川乡 递铺街道 昌硕街道 灵峰街道 孝源街道",
}
COUNTIES = {"330502": "吴兴", "330503": "南浔", "330521": "德清", "330522": "长兴", "330523": "安吉"}
CITY_UP = ("city", "province", "national")
PROVINCE_UP = ("province", "national")


def table(directory, name):
    with open(f"{directory}/{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def day(text):
    return datetime.date.fromisoformat(text) if text else None


def add_years(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # Feb 29 in a year without one
        return date.replace(year=date.year + years, day=28)


def grade_valid(awarded, on):
    """domain.md §2.3: from 2026-03-01, to Dec 31 of year 5; before, five calendar years."""
    if awarded is None:
        return False
    expires = (datetime.date(awarded.year + 6, 1, 1) if awarded >= datetime.date(2026, 3, 1)
               else add_years(awarded, 5))
    return awarded <= on < expires


def figures(directory, as_of, region=None):
    orgs = [o for o in table(directory, "organizations") if region is None or o["region"] == region]
    selected = {o["uscc"]: o for o in orgs}
    honors = [h for h in table(directory, "honors") if h["uscc"] in selected]
    projects = [p for p in table(directory, "projects") if p["uscc"] in selected]
    activities = [a for a in table(directory, "activities") if a["uscc"] in selected]
    incidents = [i for i in table(directory, "incidents") if i["uscc"] in selected]

    def on_register(o):
        return o["status"] == "active" or (o["closed_on"] and day(o["closed_on"]) > as_of)

    def honored(kind, levels):
        return [h for h in honors if h["kind"] == kind and h["level"] in levels]

    ventures = [p for p in projects if p["source"] == "venture_philanthropy"]
    return {
        "organizations": len(orgs),
        "high_grade": sum(1 for o in orgs if on_register(o) and o["grade"] in ("4A", "5A")
                          and grade_valid(day(o["grade_awarded_on"]), as_of)),
        "brand_orgs": len({h["uscc"] for h in honored("brand_org", CITY_UP)}),
        "brand_orgs_provincial": len({h["uscc"] for h in honored("brand_org", PROVINCE_UP)}),
        "brand_projects": len(honored("brand_project", CITY_UP)),
        "leading_figures": len(honored("leading_figure", CITY_UP)),
        "leading_figures_provincial": len(honored("leading_figure", PROVINCE_UP)),
        "best_practices": len({h["uscc"] for h in honored("best_practice", ("province",))}),
        "demonstration_units": sorted({selected[h["uscc"]]["name"]
                                       for h in honored("integrity_demo_unit", ("city",))}),
        "venture_projects": len(ventures),
        "venture_rounds": len({p["year"] for p in ventures}),
        "venture_amount": round(sum(float(p["amount"]) for p in ventures), 2),
        "integrity_trainings": len({a["date"] for a in activities
                                    if a["kind"] == "integrity_training"}),
        "association_interviews": len({i["uscc"] for i in incidents if i["kind"] == "interview"
                                       and selected[i["uscc"]]["industry_association"] == "true"}),
        "dormant_cleared": sum(1 for o in orgs if o["closed_reason"] == "dormant"
                               and day(o["closed_on"]) <= as_of),
    }


def check(directory):
    problems = []
    orgs = table(directory, "organizations")
    by_uscc = {o["uscc"]: o for o in orgs}
    for o in orgs:
        name, code = o["name"], o["region"]
        for county, towns in TOWNS.items():
            for town in towns.split():
                if town in name and county != code:
                    problems.append(f"{name} ({code}) names {town}, a town of {county}")
        for county, short in COUNTIES.items():
            if short in name and county != code:
                problems.append(f"{name} ({code}) names the county {short}")
        if code == "330500" and not name.startswith("湖州市"):
            problems.append(f"{name} is registered by the city but not named 湖州市…")
        if o["grade"] and day(o["grade_awarded_on"]) < add_years(day(o["registered_on"]), 2):
            problems.append(f"{name} was graded less than two full years after registration")
        closed = o["status"] != "active"
        if closed != bool(o["closed_on"]) or closed != bool(o["closed_reason"]):
            problems.append(f"{name}: status {o['status']} with closed_on '{o['closed_on']}'")
    reasons = {r: sum(1 for o in orgs if o["closed_reason"] == r)
               for r in ("voluntary", "merger", "violation")}
    if min(reasons.values()) == 0:
        problems.append(f"closures other than dormancy are missing: {reasons}")
    for i in table(directory, "incidents"):
        if i["kind"] != "interview":
            continue
        association = by_uscc[i["uscc"]]["industry_association"] == "true"
        if not association and "行业协会商会专项整治" in i["note"]:
            problems.append(f"{i['uscc']}: a 专项整治 interview of a non-association")
    return problems


def dormant_dates(directory):
    days = {}
    for o in table(directory, "organizations"):
        if o["closed_reason"] == "dormant":
            before = day(o["closed_on"]) - datetime.timedelta(days=1)
            days.setdefault(before.isoformat(), []).append(o["uscc"])
    return [f"{d} {' '.join(days[d])}" for d in sorted(days)]


def main(argv):
    command, directory = argv[1], argv[2]
    if command == "figures":
        region = argv[4] if len(argv) > 4 else None
        print(json.dumps(figures(directory, day(argv[3]), region), ensure_ascii=False,
                         sort_keys=True))
    elif command == "check":
        problems = check(directory)
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    elif command == "dormant-dates":
        print("\n".join(dormant_dates(directory)))
    return 0


sys.exit(main(sys.argv))

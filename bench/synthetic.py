"""Synthetic knowledge graphs shaped like kgraph's own, for benchmarks at any size.

Regions form a containment tree; every region has a few bodies with units;
officials hold one or two posts; campaigns are carried out by bodies and regions;
articles mention what they name, with evidence, and two officials are named in
many of them; posts carry start dates (a year, month or day) and most earlier
posts an end. Seeded, so sizes are comparable between runs.
"""

from __future__ import annotations

import random

import networkx as nx

from kgraph.graph import ARTICLE


def synthetic_graph(n_entities: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph of about ``n_entities`` entity nodes plus articles mentioning them."""
    rnd = random.Random(seed)
    when = random.Random(seed + 1)  # post dates: their own stream, so the rest of the graph is as before
    g = nx.MultiDiGraph()
    n_regions = max(3, n_entities // 10)
    n_bodies = max(3, n_entities * 4 // 10)
    n_officials = max(3, n_entities * 4 // 10)
    n_campaigns = max(2, n_entities - n_regions - n_bodies - n_officials)
    n_articles = max(1, n_entities // 20)
    dates = [f"2023-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 15)]
    articles = []
    for i in range(n_articles):
        key = f"article/a{i}"
        g.add_node(key, type=ARTICLE, label=f"Article {i}", date=rnd.choice(dates), lang="en")
        articles.append(key)

    def entity(key: str, etype: str, label: str) -> None:
        first, last = sorted(rnd.sample(dates, 2))
        g.add_node(
            key,
            type=etype,
            label=label,
            label_zh="",
            aliases_en=[f"{label} alias"],
            aliases_zh=[],
            mentions=rnd.randint(1, 40),
            first_seen=first,
            last_seen=last,
            articles=[],
        )
        art = rnd.choice(articles)
        ev = {"article": art.split("/", 1)[1], "start": 0, "end": 40, "sentence": f"A sentence naming {label}."}
        g.add_edge(art, key, key="mentions", type="mentions", evidence=[ev])

    def post_date(year: int) -> str:
        precision = when.choice((4, 7, 10))
        return f"{year}-{when.randint(1, 12):02d}-{when.randint(1, 28):02d}"[:precision]

    def relate(s: str, o: str, kind: str, title: str = "") -> None:
        art = rnd.choice(articles).split("/", 1)[1]
        ev = {"article": art, "start": 0, "end": 40, "sentence": f"{s} {kind} {o}."}
        times = {}
        if kind == "holds_post":
            began = when.randint(2000, 2022)
            times["starts"] = [{**ev, "date": post_date(began)}]
            if when.random() < 0.6:
                times["ends"] = [{**ev, "date": post_date(when.randint(began + 1, 2023))}]
        g.add_edge(s, o, key=kind + title, type=kind, title=title, evidence=[ev], **times)

    regions = [f"region/{i}" for i in range(n_regions)]
    for i, r in enumerate(regions):
        entity(r, "Region", f"Region {i}")
        if i:
            relate(r, regions[rnd.randrange(i)], "contained_in")
    bodies = [f"body/{i}" for i in range(n_bodies)]
    for i, b in enumerate(bodies):
        entity(b, "Body", f"Body {i}")
        if i % 3 and i > 2:
            relate(b, bodies[i - i % 3], "sub_organization_of")
        relate(b, rnd.choice(regions), "area_served")
    for i in range(n_officials):
        o = f"person/o{i}"
        entity(o, "Official", f"Official {i}")
        for _ in range(rnd.randint(1, 2)):
            relate(o, rnd.choice(bodies), "holds_post", rnd.choice(["Secretary", "Director", "Member"]))
    for i in range(n_campaigns):
        c = f"campaign/c{i}"
        entity(c, "Campaign", f"Campaign {i}")
        for _ in range(rnd.randint(1, 3)):
            relate(rnd.choice(bodies + regions), c, "implements")
    for b in rnd.sample(bodies, max(1, len(bodies) // 50)):
        relate(b, rnd.choice(regions), "supervises")
    # A few entities named in many articles, as leaders and central bodies are: Official 0 in about half of them,
    # Official 1 in a quarter (their own stream, so the rest of the graph is as before).
    often = random.Random(seed + 2)
    for key, share in (("person/o0", 0.5), ("person/o1", 0.25)):
        label = g.nodes[key]["label"]
        for art in articles:
            if often.random() < share and not g.has_edge(art, key, key="mentions"):
                ev = {"article": art.split("/", 1)[1], "start": 0, "end": 40, "sentence": f"A sentence naming {label}."}
                g.add_edge(art, key, key="mentions", type="mentions", evidence=[ev])
    return g


#: Bodies of a region: (path, English, Chinese, parent path, weight); units are parts of their parent body.
BODY_TYPES = [
    ("party_committee", "Party Committee", "党委", "", 30),
    ("government", "People's Government", "人民政府", "", 22),
    ("party_committee/standing_committee", "Party Standing Committee", "党委常委会", "party_committee", 8),
    ("discipline_commission", "Commission for Discipline Inspection", "纪委", "party_committee", 7),
    ("npc_standing_committee", "Standing Committee of the People's Congress", "人大常委会", "", 6),
    ("cppcc", "Committee of the CPPCC", "政协", "", 5),
    ("organization_department", "Organization Department", "组织部", "party_committee", 4),
    ("propaganda_department", "Propaganda Department", "宣传部", "party_committee", 4),
    ("united_front_department", "United Front Work Department", "统战部", "party_committee", 2),
    ("political_legal_commission", "Political and Legal Affairs Commission", "政法委", "party_committee", 2),
    ("supervision_commission", "Supervision Commission", "监委", "", 3),
    ("department-education", "Department of Education", "教育厅", "government", 3),
    ("department-finance", "Department of Finance", "财政厅", "government", 2),
    ("department-agriculture", "Department of Agriculture and Rural Affairs", "农业农村厅", "government", 2),
    ("department-public_security", "Department of Public Security", "公安厅", "government", 2),
    ("department-health", "Health Commission", "卫生健康委", "government", 2),
    ("department-commerce", "Department of Commerce", "商务厅", "government", 1),
    ("department-ecology", "Department of Ecology and Environment", "生态环境厅", "government", 1),
    ("development_reform_commission", "Development and Reform Commission", "发展改革委", "government", 2),
    ("court", "Intermediate People's Court", "中级人民法院", "", 1),
    ("procuratorate", "People's Procuratorate", "人民检察院", "", 1),
    ("party_school", "Party School", "党校", "party_committee", 1),
    ("leading_group-reform", "Leading Group for Deepening Reform", "全面深化改革领导小组", "party_committee", 1),
    ("steering_group", "Inspection and Steering Group", "督导组", "party_committee", 1),
]
TITLES = ["Secretary", "Deputy Secretary", "Director", "Deputy Director", "Member", "Governor", "Vice Governor", "Head"]
#: Surnames and given names, Chinese then pinyin.
SURNAMES = [
    tuple(x.split(":")) for x in "王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 吴:Wu 周:Zhou".split()
]
GIVEN = [
    tuple(x.split(":")) for x in "建国:Jianguo 平:Ping 明:Ming 华:Hua 军:Jun 伟:Wei 志强:Zhiqiang 海涛:Haitao".split()
]
EN_FILLER = (
    "the meeting stressed that it is necessary to thoroughly study and implement the spirit of the important "
    "speeches, adhere to the people-centred development philosophy, strengthen the leadership of the party over "
    "all work, promote high-quality development, consolidate and expand the achievements of poverty alleviation, "
    "and make new and greater contributions to building a modern socialist country in an all-round way. "
)
ZH_FILLER = (
    "会议强调要深入学习贯彻重要讲话精神坚持以人民为中心的发展思想"
    "加强党对一切工作的领导推动高质量发展巩固拓展脱贫攻坚成果"
)


def article_graph(n_articles: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph shaped like a build of ``n_articles`` news articles (a separate model from :func:`synthetic_graph`).

    Calibrated on real builds (the development articles, and bench/corpus.py's 1,000-article corpus built by
    kgraph): about 19.5 mention edges per article with 2.6 evidence sentences each (English about 250
    characters, Chinese about 77), most entities named once and a few hundreds of times, 1.4 posts per
    official, a third of posts with a start and a quarter with an end. Unlike a corpus of renamed copies, places
    and bodies keep growing: articles are about a region (Zipf over provinces, then prefectures and counties)
    and name its bodies; a body's officials are named again (a new one with probability 2/(h+2) after h), and
    some move to another post.
    """
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    provinces = [(f"{11 + i}0000", f"Province {i}", f"省{i}") for i in range(31)]
    weights = [1 / (i + 1) for i in range(31)]
    holders: dict[str, list[str]] = {}
    posts_of: dict[str, list[str]] = {}
    campaigns: list[str] = []
    campaign_uses: list[str] = []
    counter = {"official": 0, "person": 0}

    def entity(key: str, etype: str, en: str, zh: str, **extra: object) -> None:
        if key not in g:
            g.add_node(
                key,
                type=etype,
                label=en,
                label_zh=zh,
                aliases_en=[],
                aliases_zh=[],
                mentions=0,
                first_seen="",
                last_seen="",
                articles=[],
                **extra,
            )

    def sentence(label: str, lang: str) -> str:
        if lang == "zh":
            start, size = rnd.randrange(len(ZH_FILLER) - 40), rnd.randint(40, 115)
            return (label + ZH_FILLER[start:] + ZH_FILLER)[:size] + "。"
        start, size = rnd.randrange(len(EN_FILLER) - 120), rnd.randint(120, 380)
        return (f"{label} said that " + EN_FILLER[start:] + EN_FILLER)[:size] + "."

    def mention(art: str, key: str, day: str, lang: str) -> dict:
        d = g.nodes[key]
        count = 1
        if rnd.random() < 0.4:  # most are named in one sentence, some in many: 2.6 on average
            count += 1
            while rnd.random() < 0.75:
                count += 1
        d["mentions"] += count
        d["first_seen"] = min(d["first_seen"] or day, day)
        d["last_seen"] = max(d["last_seen"], day)
        d["articles"].append(art.split("/", 1)[1])
        evidence = [
            {"article": art.split("/", 1)[1], "start": 0, "end": 40, "sentence": sentence(d["label"], lang)}
            for _ in range(count)
        ]
        g.add_edge(art, key, key="mentions", type="mentions", count=count, evidence=evidence)
        return evidence[0]

    def relate(s: str, o: str, kind: str, ev: dict, title: str = "", **times: object) -> None:
        key = kind + title
        if g.has_edge(s, o, key):
            g.edges[s, o, key]["evidence"].append(ev)
            for k, v in times.items():
                g.edges[s, o, key].setdefault(k, v)
        else:
            g.add_edge(s, o, key=key, type=kind, title=title, evidence=[ev], **times)

    def region(level: int) -> list[tuple[str, str, str]]:
        """A region chain (China, province, prefecture, county) down to ``level``."""
        p = rnd.choices(provinces, weights)[0]
        chain = [("100000", "China", "中国"), p]
        if level >= 2:
            j = min(int(rnd.paretovariate(1.2)), 17)
            chain.append((f"{p[0][:2]}{j:02d}00", f"{p[1]} City {j}", f"{p[2]}市{j}"))
        if level >= 3:
            k = min(int(rnd.paretovariate(1.2)), 25)
            c = chain[-1]
            chain.append((f"{c[0][:4]}{k:02d}", f"{c[1]} County {k}", f"{c[2]}县{k}"))
        return chain

    def post_date(year: int) -> str:
        return f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"[: rnd.choice((4, 7, 10))]

    body_weights = [b[4] for b in BODY_TYPES]
    for i in range(n_articles):
        art = f"article/g{i:07d}"
        lang = "zh" if rnd.random() < 0.5 else "en"
        day = f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        chain = region(rnd.choices((1, 2, 3), (50, 35, 15))[0])
        home = chain[-1]
        if rnd.random() < 0.7:  # another place the article names
            other = region(rnd.choices((1, 2, 3), (40, 40, 20))[0])
        else:
            other = []
        headline = f"{home[2]}召开会议部署工作" if lang == "zh" else f"{home[1]} holds a meeting on this year's work"
        g.add_node(art, type=ARTICLE, label=headline, date=day, lang=lang, url=f"https://news.example.cn/{i}.html")
        ev = {}
        for depth, (code, en, zh) in enumerate(chain):
            key = f"region/{code}"
            entity(key, "Region", en, zh, code=code, level=("country", "province", "prefecture", "county")[depth])
            if depth == len(chain) - 1 or rnd.random() < 0.5:
                ev = mention(art, key, day, lang)
            if depth:
                relate(key, f"region/{chain[depth - 1][0]}", "contained_in", ev)
        for depth, (code, en, zh) in enumerate(other):
            key = f"region/{code}"
            if depth and (code, en, zh) not in chain:
                entity(key, "Region", en, zh, code=code, level=("country", "province", "prefecture", "county")[depth])
                ev = mention(art, key, day, lang)
                relate(key, f"region/{other[depth - 1][0]}", "contained_in", ev)
        bodies = []
        for path, en, zh, parent, _ in {b[0]: b for b in rnd.choices(BODY_TYPES, body_weights, k=12)}.values():
            key = f"body/{home[0]}/{path}"
            entity(key, "Body", f"{home[1]} {en}", f"{home[2]}{zh}", region=home[0])
            ev = mention(art, key, day, lang)
            relate(key, f"region/{home[0]}", "area_served", ev)
            if parent and f"body/{home[0]}/{parent}" in g:
                relate(key, f"body/{home[0]}/{parent}", "sub_organization_of", ev)
            bodies.append(key)
        for body in bodies[:8]:
            if rnd.random() < 0.15:
                continue
            known = holders.setdefault(body, [])
            if known and rnd.random() > 3 / (len(known) + 3):
                official = rnd.choice(known)
            else:
                counter["official"] += 1
                (sz, se), (gz, ge) = rnd.choice(SURNAMES), rnd.choice(GIVEN)
                official = f"person/{se.lower()}-{ge.lower()}-{counter['official']}"
                entity(official, "Official", f"{se} {ge}", sz + gz)
                known.append(official)
            ev = mention(art, official, day, lang)
            times: dict[str, object] = {}
            if rnd.random() < 0.32:
                times["starts"] = [{**ev, "date": post_date(rnd.randint(2005, int(day[:4])))}]
            if rnd.random() < 0.23:
                times["ends"] = [{**ev, "date": post_date(int(day[:4]))}]
            title = TITLES[(len(known) - 1 + bodies.index(body)) % len(TITLES)]
            held = posts_of.setdefault(official, [])
            if body not in held and len(held) < 4:
                held.append(body)
            relate(official, held[-1] if rnd.random() < 0.1 else body, "holds_post", ev, title, **times)
        for _ in range(rnd.choice((0, 1, 1, 2, 2, 3))):
            if not campaign_uses or rnd.random() < (20 + 0.5 * len(campaigns)) / (len(campaign_uses) + 20):
                c = f"campaign/c{len(campaigns)}"
                entity(c, "Campaign", f"Campaign {len(campaigns)}", f"运动{len(campaigns)}")
                campaigns.append(c)
            else:
                c = rnd.choice(campaign_uses)
            campaign_uses.append(c)
            ev = mention(art, c, day, lang)
            relate(bodies[0] if bodies else f"region/{home[0]}", c, "implements", ev)
        if rnd.random() < 0.5:
            counter["person"] += 1
            (sz, se), (gz, ge) = rnd.choice(SURNAMES), rnd.choice(GIVEN)
            p = f"person/{se.lower()}-{ge.lower()}-p{counter['person']}"
            entity(p, "Person", f"{se} {ge}", sz + gz)
            mention(art, p, day, lang)
    return g

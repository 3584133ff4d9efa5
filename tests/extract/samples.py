"""Small invented bilingual articles for the extractor's tests (not the bundled ones)."""

from __future__ import annotations

ZH_COOP = """合作社

农村合作社帮助农民增加收入。每个合作社都有一名技术员。合作社为农民提供种子和技术培训。
2019年,全县新建合作社120个。技术培训让农民掌握了新的种植方法。
"""

EN_COOP = """Cooperatives

12-03-2020 | example.org

Rural cooperatives help farmers increase their income. Every cooperative has a technician. The cooperatives provide farmers with seeds and technical training.
In 2019, the county set up 120 new cooperatives. Technical training taught farmers new planting methods.
"""

FR_COOP = """Les coopératives

Mise à jour:2020-03-12 | example.org

Les coopératives rurales aident les paysans à augmenter leurs revenus. Chaque coopérative a un technicien. Les coopératives fournissent aux paysans des semences et une formation technique.
En 2019, le district a créé 120 nouvelles coopératives. La formation technique a appris aux paysans de nouvelles méthodes de culture.
"""

VI_COOP = """Hợp tác xã

Hợp tác xã nông thôn giúp nông dân tăng thu nhập. Mỗi hợp tác xã đều có một kỹ thuật viên. Hợp tác xã cung cấp cho nông dân hạt giống và đào tạo kỹ thuật.
Năm 2019, toàn huyện đã thành lập mới 120 hợp tác xã. Đào tạo kỹ thuật giúp nông dân nắm được phương pháp trồng trọt mới.
"""


def article(translation: str, zh: str = ZH_COOP, zh_first: bool = False) -> str:
    return zh + "\n" + translation if zh_first else translation + "\n" + zh


# The French translator ends a sentence early and carries the end of the long
# Chinese one (各省(自治区、直辖市)...制度) into the next sentence, as real
# translators do; lengths alone then pair the wrong halves.
ZH_CARRIED = """合作社

农村合作社帮助农民增加收入。2018年,省政府发布了新的合作社发展规划,提出要支持农民专业合作社发展,要求各省(自治区、直辖市)在现有基础上建立农村合作社制度。每个合作社都有一名技术员,负责指导农民种植、施肥和销售农产品。合作社为农民提供种子和技术培训。
"""

FR_CARRIED = """Les coopératives

Les coopératives rurales aident les paysans à augmenter leurs revenus. En 2018, le gouvernement provincial a publié un nouveau plan de développement des coopératives, proposant de soutenir les coopératives professionnelles des paysans. Toutes les provinces (régions autonomes et municipalités) ont été invitées à établir un système de coopératives rurales, et chaque coopérative a un technicien chargé de guider les paysans dans la plantation, la fertilisation et la vente des produits agricoles. Les coopératives fournissent aux paysans des semences et une formation technique.
"""


# 基础设施 is four characters but "infrastructure" in one word: a rendering
# length guessed from the characters alone would prefer "matière d'infrastructures".
ZH_PLAN = """地方计划

政府分析了贫困的原因,然后制定了基础设施、产业发展和文化设施的发展计划。农民的收入增加了。
"""

FR_PLAN = """Un plan local

Le gouvernement a analysé les causes de la pauvreté, puis il a établi un plan de développement en matière d’infrastructures, de développement industriel et d’installations culturelles. Les revenus des paysans ont augmenté.
"""

"""Pages written for these tests (no captured page's text): a reply letter and a work plan
about an invented place, 青檀湖, so nothing else in the database reads the same."""

PLACE = "青檀湖"
REPLY_LETTER = f"""关于在{PLACE}片区扩充普惠性学前教育资源的建议的答复
发布时间:2024-07-12
徐州市教育局
王某代表:
您在市十七届人大三次会议上提出的《关于在{PLACE}片区扩充普惠性学前教育资源的建议》(第73号)收悉,现答复如下:
近年来,我局持续扩大普惠性学前教育资源,2023年{PLACE}片区普惠性幼儿园覆盖率达到86.5%。
下一步,我局将实施“{PLACE}幼育暖心”工程,到2025年,新建公办幼儿园6所,新增学位2700个,普惠性幼儿园覆盖率达到92%以上。
感谢您对教育工作的关心和支持。
徐州市教育局
2024年7月10日
"""
UNDATED_PLAN = f"""{PLACE}片区义务教育学校建设工作安排
今年片区将统筹推进{PLACE}片区义务教育学校建设,以办好人民满意的教育为目标,持续改善办学条件。
到2026年,{PLACE}片区新建小学4所,新增学位3150个。
"""

"""Programmes the field runs everywhere (region left empty), mentioned by several seed pages.

Local programmes with a proper name and a place (江宁区's 三年行动计划) live in the seed
module of the page that names them.
"""
from apps.initiatives.models import Theme

from .schema import InitiativeSpec

SCHOOL_GROUPS = InitiativeSpec(
    name="集团化办学",
    theme=Theme.BALANCE,
    description="教育集团:紧密型、半紧密型、松散型。",
)
BRANCH_SCHOOLS = InitiativeSpec(name="名校办分校", theme=Theme.BALANCE)
BALANCED_COMPULSORY = InitiativeSpec(name="义务教育优质均衡发展区创建", theme=Theme.BALANCE)
TEACHER_ROTATION = InitiativeSpec(name="教师交流轮岗", theme=Theme.TEACHERS)
COUNTY_HIRING = InitiativeSpec(
    name="县管校聘", theme=Theme.TEACHERS, description="教师由县级教育部门统一管理、学校竞聘上岗。"
)
RURAL_TEACHERS = InitiativeSpec(name="乡村教师支持计划", theme=Theme.TEACHERS)
SMART_CAMPUS = InitiativeSpec(name="智慧校园", theme=Theme.INFORMATIZATION)
DOUBLE_REDUCTION = InitiativeSpec(
    name="双减", theme=Theme.QUALITY, description="减轻义务教育阶段学生作业负担和校外培训负担。"
)
TUTORING_REGULATION = InitiativeSpec(
    name="校外培训治理", theme=Theme.QUALITY, parent=DOUBLE_REDUCTION,
    description="校外培训机构的鉴定、资金监管、清理整治与常态化监管。",
)
PRESCHOOL_UNIVERSAL = InitiativeSpec(name="学前教育普及普惠", theme=Theme.PRESCHOOL)
# No health theme exists; eye screening and lighting sit with the quality of schooling.
MYOPIA_PREVENTION = InitiativeSpec(name="近视防控", theme=Theme.QUALITY)

"""Imported once by the forkserver of `govwatch.services.isolated`, so that every child it forks starts
warm (copy-on-write): the proofreading layers built and one text checked (what loads lazily is loaded),
and the modules of the calls children run (`prepublish.DraftChecker`) imported, not in seconds each."""

from govwatch.proofread import default_proofreader
from govwatch.services import prepublish  # noqa: F401  (children unpickle DraftChecker from it)

default_proofreader().check("全县各单位要认真贯彻落实会议精神。")

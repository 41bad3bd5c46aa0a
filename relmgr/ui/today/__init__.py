"""Today (今日工作清单): the page with the prioritised worklist and its snooze dialog (page), and the
words for the worklist reasons and actions (texts). Its data comes from relmgr.services.worklist."""

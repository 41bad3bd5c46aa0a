"""Product recommendations (产品推荐): the push-list and outcomes page (page), the recommendation panel
inside the customer 360 pane (panel) and the words for reasons (texts).
Data: relmgr.services.recommendations."""

"""The Home page (首页): the portfolio at a glance, its figures and KPIs."""

"""Churn warnings (流失预警): the warnings page (page), the mark-handled dialog (warning_dialog), the
model card page (model_card) and the words for reasons and bands (texts). Data: relmgr.services.churn."""

"""Rondplan: planning, briefing and evaluation of GVI home visits."""

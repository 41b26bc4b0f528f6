"""Painted calendar views: day, work week, week, month and agenda."""

"""HTML fragments for widgets (quizzes, quiz index): Jinja templates with autoescaping, fed by view objects.

Kept apart from the Markdown extensions so any engine (or an export) can render the same fragments.
"""

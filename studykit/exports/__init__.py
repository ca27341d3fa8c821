"""Files for instructors, written by the build under `downloads/`: the quiz bank for learning platforms (QTI 1.2,
Moodle XML, GIFT), the flashcards for Anki and Quizlet, and the bibliography as BibTeX and RIS."""

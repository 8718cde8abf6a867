"""AI 일자리 매칭 / AI 인재추천: one model ranks postings for a seeker and seekers for a posting, with reasons."""

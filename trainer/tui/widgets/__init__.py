"""Small widgets of the study app: hanzi, tone-coloured pinyin, the grade bar."""

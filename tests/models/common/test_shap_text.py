"""Korean particles follow how the word is read, digits included."""

from models.common.shap_text import josa, missing


def test_particles_follow_the_final_sound():
    assert josa("구직 기간", "이/가") == "구직 기간이" and josa("나이", "이/가") == "나이가"
    assert josa("2개월", "으로/로") == "2개월로" and josa("서울", "으로/로") == "서울로"
    assert josa("전국", "으로/로") == "전국으로" and josa("학력", "은/는") == "학력은" and josa("7", "을/를") == "7을"
    assert josa("대표임금의 95%", "으로/로") == "대표임금의 95%로"


def test_missing_values():
    assert missing(None) and missing(float("nan")) and not missing(0) and not missing("")

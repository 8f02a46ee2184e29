from kgraph.extract.en.names import find_names, is_given_name


def test_names_follow_surname_and_syllable_grammar():
    text = "Zou Lianke, Ouyang Jinquan and Zhang Xin'an met He Jian. He said the Tang Dynasty and Xi Jinping's speech."
    assert [n.name for n in find_names(text)] == [
        "Zou Lianke",
        "Ouyang Jinquan",
        "Zhang Xin'an",
        "He Jian",
        "Xi Jinping",
    ]


def test_places_after_a_surname_are_not_people():
    assert find_names("Jin County and Li River and Yan Daily") == []


def test_given_names_are_one_to_three_syllables():
    assert is_given_name("Jinping") and is_given_name("Xin'an") and is_given_name("Guanhe")
    assert (
        not is_given_name("Dynasty") and not is_given_name("Provincial") and not is_given_name("Zhangzhangzhangzhang")
    )


def test_the_umlaut_surname_in_every_english_spelling_and_rare_surnames():
    text = "Lv Yuyin, Lü Yuyin, Lyu Yuyin and Shangguan Wan met Yuan Yibin."
    assert [n.name for n in find_names(text)] == ["Lv Yuyin", "Lü Yuyin", "Lyu Yuyin", "Shangguan Wan", "Yuan Yibin"]

"""The words of the edition's search box and result list (assets/search.js), for each edition.

These are the editors' words, not the author's: each edition has its own, written in its usage
(zh-Hant as Taiwanese readers expect it: 搜尋, 關鍵字, 註釋), not converted. An edition with no
table of its own (zh-Hant-HK, say) gets the Simplified words through its converter."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

#: Keys: label (the box's and the dialog's name, the header button's), placeholder, close,
#: results (the list's name), hint, loading, failed, none, one, many ({count}), missing (before
#: the words that match nothing), kind.<kind> (what a result is).
WORDS: Mapping[str, Mapping[str, str]] = {
    "zh-Hans": {
        "label": "搜索",
        "placeholder": "搜索正文、注释、术语和年表",
        "close": "关闭搜索",
        "results": "搜索结果",
        "hint": "输入要找的词语",
        "loading": "正在载入搜索索引……",
        "failed": "搜索索引载入失败，请刷新页面再试",
        "none": "没有找到符合条件的结果",
        "one": "找到 1 个结果",
        "many": "找到 {count} 个结果",
        "missing": "未找到：",
        "kind.text": "正文",
        "kind.heading": "章节",
        "kind.term": "术语",
        "kind.note": "注释",
        "kind.event": "年表",
        "kind.other": "页面",
    },
    "zh-Hant": {
        "label": "搜尋",
        "placeholder": "搜尋正文、註釋、術語和年表",
        "close": "關閉搜尋",
        "results": "搜尋結果",
        "hint": "輸入要找的詞語",
        "loading": "正在載入搜尋索引……",
        "failed": "搜尋索引載入失敗，請重新整理頁面再試",
        "none": "沒有符合的項目",
        "one": "找到 1 筆結果",
        "many": "找到 {count} 筆結果",
        "missing": "未找到：",
        "kind.text": "正文",
        "kind.heading": "章節",
        "kind.term": "術語",
        "kind.note": "註釋",
        "kind.event": "年表",
        "kind.other": "頁面",
    },
}


def words(code: str, convert: Callable[[str], str] | None = None) -> dict[str, str]:
    """An edition's words: its own table, else the Simplified table through `convert`."""
    if code in WORDS:
        return dict(WORDS[code])
    source = WORDS["zh-Hans"]
    return {key: convert(value) if convert else value for key, value in source.items()}


def per_page_language(source_language: str,
                      editions: Iterable[tuple[str, Callable[[str], str]]]) -> dict[str, dict[str, str]]:
    """Every edition's words by the `<html lang>` of its pages: the source edition's pages carry
    the theme's language (zh), the further editions their code (zh-Hant)."""
    out = {source_language: words("zh-Hans")}
    for code, convert in editions:
        out[code] = words(code, convert)
    return out


def translations(code: str, convert: Callable[[str], str]) -> dict[str, str]:
    """What a further edition's pages print instead of the Simplified words (the header button's
    label, converted with the page, is replaced by the edition's own)."""
    mine = words(code, convert)
    return {text: mine[key] for key, text in WORDS["zh-Hans"].items() if mine[key] != convert(text)}

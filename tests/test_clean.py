"""Cleaning: boilerplate goes, content and title stay, HTML is read."""

from qa.clean import clean_html, clean_text, is_boilerplate
from tests.conftest import ARTICLES


def test_bundled_articles_lose_their_boilerplate():
    for path in sorted(ARTICLES.glob("*.txt")):
        article = clean_text(path.read_text(encoding="utf-8"), path.stem)
        text = article.text.lower()
        for junk in ("partager:", "suivez nous", "newsletter", "paypal", "article original",
                     "automatically generated", "partagez cet article", "*****"):
            assert junk not in text, (path.name, junk)
        assert "stoltenberg" in text
        assert len(article.title.split()) >= 3


def test_duplicated_title_is_kept_once():
    raw = "Un titre de test ici\n\nUn titre de test ici\n\nLe corps de l'article. Deux phrases."
    article = clean_text(raw)
    assert article.title == "Un titre de test ici"
    assert article.text.count("Un titre de test ici") == 1


def test_generic_rules_catch_unseen_boilerplate():
    assert is_boilerplate("Share this article")
    assert is_boilerplate("Abonnez-vous à notre newsletter quotidienne")
    assert is_boilerplate("---------")
    assert not is_boilerplate("La réunion aura lieu le 12 janvier à Bruxelles.")


def test_html_keeps_title_and_text_and_drops_scripts():
    raw = ("<html><head><title>T</title><script>var x=1;</script></head><body>"
           "<nav>Menu Accueil</nav><h1>Sommet à Genève</h1><p>Les pourparlers auront lieu à "
           "Genève le 10 janvier.</p><footer>Copyright</footer></body></html>")
    article = clean_html(raw)
    assert article.title == "Sommet à Genève"
    assert "10 janvier" in article.text
    assert "var x" not in article.text and "Menu" not in article.text

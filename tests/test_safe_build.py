"""A failed build never replaces a built or published site."""

import sys

from support import ROOT, article, write_content

sys.path.insert(0, str(ROOT))
from tools import safe_build  # noqa: E402


def make_conf(tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    "SITEURL = 'https://example.org'\nFEED_DOMAIN = SITEURL\n", encoding="utf-8")
    return conf


def test_build_into_keeps_the_old_output_when_the_build_fails(tmp_path):
    conf, content, output = make_conf(tmp_path), tmp_path / "content", tmp_path / "output"
    write_content(content, {"notizie/a.md": article(title="Prima versione")})
    assert safe_build.build_into(conf, output, content=content)
    first = (output / "2024/05/prima-versione/index.html").read_text(encoding="utf-8")
    write_content(content, {"notizie/b.md": article(title=None)})
    assert not safe_build.build_into(conf, output, content=content)
    assert (output / "2024/05/prima-versione/index.html").read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) == []


def test_publish_switches_atomically_and_rolls_back(tmp_path):
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = safe_build.publish(conf, root, content=content)
    assert first and (root / "current").resolve() == first.resolve()
    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
    second = safe_build.publish(conf, root, content=content)
    assert (root / "current" / "2024/05/due/index.html").is_file()
    write_content(content, {"notizie/c.md": article(date="mai")})
    assert safe_build.publish(conf, root, content=content) is None
    assert (root / "current").resolve() == second.resolve()
    assert len(safe_build.releases(root)) == 2
    assert safe_build.rollback(root).resolve() == first.resolve()
    assert not (root / "current" / "2024/05/due/index.html").exists()

"""resources/ sits at the top of the repository and ships inside the package as
briefing.resources (read with importlib.resources); pyproject.toml cannot say both at once.

The build also compiles the translators' catalogs (resources/locale/*/LC_MESSAGES/*.po) into the
.mo files that gettext reads, with Babel (a build requirement only, see pyproject.toml).
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self):
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        target = Path(self.build_lib) / "briefing" / "resources"
        for po in Path("resources").glob("locale/*/LC_MESSAGES/*.po"):
            with po.open("rb") as f:
                catalog = read_po(f)
            mo = target / po.relative_to("resources").with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as f:
                write_mo(f, catalog)


setup(
    packages=find_packages(include=["briefing", "briefing.*"]) + ["briefing.resources"],
    package_dir={"briefing.resources": "resources"},
    package_data={"briefing.resources": ["**/*"]},
    include_package_data=False,
    cmdclass={"build_py": BuildWithCatalogs},
)

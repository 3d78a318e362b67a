"""resources/ sits at the top of the repository and ships inside the package as
briefing.resources (read with importlib.resources); pyproject.toml cannot say both at once."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["briefing", "briefing.*"]) + ["briefing.resources"],
    package_dir={"briefing.resources": "resources"},
    package_data={"briefing.resources": ["**/*"]},
    include_package_data=False,
)

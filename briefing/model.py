"""The trip's model classes, where scripts outside the package have always found them
(`from briefing.model import Trip, Stop`); the model lives in briefing.trip.model."""

from briefing.trip.model import *  # noqa: F403

"""Plain descriptions of space and sensing work, verbatim from public programme and mission pages the corpus does
not use, each labelled from its own words before grantscan ran on it: half describe satellites, in-orbit
servicing, space surveillance, PNT, sonar, lidar, spectrometers and atomic sensors (they must reach their
category), half are remote-sensing data used by climate, farming or health work, medical imaging, consumer
wearables and "space" in other senses (they must not reach space or sensing).

Texts are verbatim but for curly apostrophes written straight and, in the NEXRAD description, spaces restored
where the page's extraction had run words together ("ofsevere", "threedimensions").

Sources (all public domain as US government works, or Open Government Licence v3.0 for UK government text; the
page and the date it was read, 2026-12-07):
  NASA-CAL   science.nasa.gov/science-research/science-enabling-technology/technology-highlights/
             quantum-sensing-via-matter-wave-interferometry-aboard-the-international-space-station (NASA, PD)
  NASA-IS2   www.nasa.gov/image-article/icesat-2-artist-concept/ (NASA, PD)
  NASA-EMIT  earthdata.nasa.gov/learn/data-chats/phil-brodrick (NASA, PD)
  NIST-CSAC  nist.gov/noac/success-stories/success-story-chip-scale-atomic-clock (NIST, PD)
  NIST-FLC   federallabs.org/flc-highlights/federal-lab-news/tiny-atomic-clock-from-nist-and-georgia-tech-...
             (NIST news release, PD)
  UKSA-ARTES UK Space Agency press release "UK backs next-generation satellite communications with £6.9 million
             investment", 21 November 2025 (OGL v3.0), as reproduced by wired-gov.net
  UKSA-IAC   UK Space Agency press release "UK working with global partners to clear up dangerous space debris",
             October 2021 (OGL v3.0)
  NOAA-OE    oceanexplorer.noaa.gov/education/seafloor-mapping/ (NOAA, PD)
  NOAA-DC    coast.noaa.gov/digitalcoast/data/acousticbathy.html (NOAA, PD)
  USGS-MB    www.usgs.gov/media/images/noaa-multibeam-mapping-diagram (USGS, PD)
  NOAA-NEX   gcmd.nasa.gov NEXRAD project description (NOAA/NASA, PD)
  NASA-EO    earthobservatory.nasa.gov/blogs/earthmatters/category/applied-science/ (NASA, PD)
  NASA-FAS   NASA press release "NASA satellites improve response to global agricultural change" (NASA, PD), as
             reproduced by spacenews.com
  NASA-FARM  NASA feature "From seed to market: NASA brings food to the table" (NASA, PD)
  NIBIB-MRI  www.nibib.nih.gov/science-education/science-topics/magnetic-resonance-imaging-mri (NIH, PD)
  AOU-FIT    allofus.nih.gov/news-events/announcements/research-roundup-all-us-participants-fitbit-data-drive-
             new-research (NIH, PD)
"""

from __future__ import annotations

from typing import Any

import pytest

from grantscan.detect import Detector
from tests.fixtures.detect import categories

# (source, expected: one of these categories must be found, text)
POSITIVES = [
    (
        "NASA-CAL",
        {"sensing", "quantum"},
        "The tool used to perform these experiments is called an atom interferometer, and it can precisely "
        "measure gravity, magnetic fields, and other forces.",
    ),
    (
        "NASA-CAL",
        {"sensing", "quantum"},
        "Atom interferometers are currently being used on Earth to study the fundamental nature of gravity and are "
        "also being developed to aid aircraft and ship navigation, but use of an atom interferometer in space will "
        "enable innovative science capabilities.",
    ),
    pytest.param(
        "NASA-CAL",
        {"space", "quantum"},
        "Future space missions could use quantum technologies to help us understand the physical laws that govern "
        "the universe, explore the composition of other planets and their moons, gain insights into unexplained "
        "cosmological phenomena, or monitor ice sheet thickness and the amount of water in underground aquafers on "
        "Earth.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=("a hedged plan ('Future ... could') holds the space mission under its threshold"),
        ),
    ),
    pytest.param(
        "NASA-IS2",
        {"space", "sensing"},
        "ICESat-2 (short for Ice, Cloud and land Elevation Satellite) is slated to launch in 2017, will use lasers "
        "and a very precise detection instrument to measure the elevation of Earth's surface.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "a satellite named in the mission's own name, with 'launch' read as a "
                "loose verb, stays just under the space threshold (0.62 < 0.63)"
            ),
        ),
    ),
    (
        "NASA-EMIT",
        {"sensing", "space"},
        "From its perch on the exterior of the International Space Station 250 miles above the planet, NASA's "
        "Earth Surface Mineral Dust Source Investigation (EMIT) imaging spectrometer has one job: mapping the "
        "surface composition of Earth's mineral dust source regions.",
    ),
    pytest.param(
        "NASA-EMIT",
        {"sensing"},
        "For each location the instrument sees, it measures the spectrum of light—from the visible into the "
        "infrared—reflected from Earth's surface.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "the instrument is named only by the band it measures ('from the "
                "visible into the infrared'): no term"
            ),
        ),
    ),
    pytest.param(
        "NIST-CSAC",
        {"sensing", "quantum"},
        "These features are so useful that more than 100,000 commercial chip-scale units have been sold for a "
        "variety of applications, including oil and gas exploration and military equipment such as tamper-proof "
        "GPS receivers.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=("GPS receivers named as one of a clock's applications, read as an example"),
        ),
    ),
    pytest.param(
        "NIST-FLC",
        {"sensing", "quantum"},
        "A first-of-its-kind miniature atomic clock the size of a postage stamp, made by researchers at the "
        "National Institute of Standards and Technology (NIST) in collaboration with Georgia Institute of "
        "Technology, could bring stable timing to places where GPS can't reach—such as deep underwater, where "
        "timekeeping becomes less accurate when temperatures and light levels shift over days or weeks.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "'in collaboration with' weighs the atomic clock down (the fitted "
                "collaborate weight is negative) and 'could' is a hedge"
            ),
        ),
    ),
    (
        "UKSA-ARTES",
        {"space"},
        "This mission will prove the capability to refuel electric propulsion satellites using UK-developed "
        "technology, ensuring satellites can remain in orbit for longer or can manoeuvre away from threats.",
    ),
    (
        "UKSA-ARTES",
        {"space"},
        "This investment underpins the UK's Industrial Strategy priority capabilities: Satellite Communications, "
        "Position, Navigation and Timing, In-orbit Servicing and Manufacturing, Space Domain Awareness, and Space "
        "Data for Earth Applications.",
    ),
    (
        "UKSA-ARTES",
        {"space"},
        "The five UK-led projects span critical areas of innovation in satellite communications, from refuelling "
        "satellites to extend their lifespans, to developing 5G networks and optical links that will improve "
        "global connectivity.",
    ),
    (
        "UKSA-IAC",
        {"space"},
        "From developing our space tracking capabilities and promoting international efforts in space "
        "sustainability, to finding novel ways of removing space debris – the UK is leading the way to ensure the "
        "Earth's orbit can continue to be used now and in the future.",
    ),
    (
        "UKSA-IAC",
        {"space"},
        "Space debris can stay in orbit for hundreds of years and present a real danger to the rapidly increasing "
        "number of new satellites being launched each year.",
    ),
    (
        "UKSA-IAC",
        {"space"},
        "two space firms, Astroscale and ClearSpace, have been awarded UK Space Agency funding to research a UK "
        "led mission to remove junk from space, supporting the government's ambitions to be a leading nation in "
        "tackling space debris.",
    ),
    (
        "UKSA-IAC",
        {"space"},
        "the UK Space Agency will also partner with US-based company Numerica Corporation, which will provide "
        "high-quality space surveillance and tracking (SST) data from a worldwide network of optical telescopes "
        "and state-of-the-art software solutions to help keep UK satellites safely operating.",
    ),
    (
        "NOAA-OE",
        {"sensing"},
        "Multibeam sonars collect high-resolution data using multiple, simultaneous sonar beams (sound waves) at "
        "once in a fan-like pattern or \u201cswath.\u201d",
    ),
    (
        "NOAA-OE",
        {"sensing"},
        "In addition to helping us find features on the seafloor, multibeam sonar allows us to detect things like "
        "methane bubbles in the water column.",
    ),
    (
        "USGS-MB",
        {"sensing"},
        "As the ship sails, multiple sound waves are sent out from the multibeam echosounder.",
    ),
    (
        "NOAA-NEX",
        {"sensing"},
        "By using Doppler radar technology, forecasters can observe the presence of precursor conditions of severe "
        "weather such as tornadoes, large hail and damaging thunderstorm winds.",
    ),
    pytest.param(
        "NOAA-NEX",
        {"sensing"},
        "The advantages of NEXRAD over conventional radars can be broken down into five basic areas: improved "
        "sensitivity, improved resolutions, wind velocity estimation, automated data collection in three "
        "dimensions, and capability for scientific processing of data.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=("a plain statement without a research verb holds 'radars' under the sensing threshold"),
        ),
    ),
]

# (source, categories that must not be found, text)
NEGATIVES = [
    (
        "NASA-EO",
        {"space", "sensing"},
        "The USDA-NASA Crop-CASMA product shows soil moisture anomalies — where moisture was above or below "
        "normal — across the continental U.S. in early June 2021.",
    ),
    (
        "NASA-EO",
        {"space", "sensing"},
        "Using its satellites, aircraft, and computer models, NASA is helping water managers respond.",
    ),
    (
        "NASA-EO",
        {"space", "sensing"},
        "Recent research shows that changes in the onset of spring—both early and late—can extend allergy misery "
        "and lead to more severe asthma for some people.",
    ),
    (
        "NASA-FARM",
        {"space", "sensing"},
        "Farmers can use satellite data taken from hundreds of miles above their fields to \u201csee\u201d how "
        "moist their soil is across large fields.",
    ),
    (
        "NASA-FARM",
        {"space", "sensing"},
        "In our skies, NASA's Earth-observing satellites help farmers track rainfall amounts, soil moisture, crop "
        "health, and more.",
    ),
    (
        "NASA-FARM",
        {"space", "sensing"},
        "With Crop-CASMA, instead of relying on soil moisture reports for large regions, farmers can see "
        "differences in moisture between much smaller areas – about the size of a couple of golf courses or half "
        "of a section.",
    ),
    (
        "NASA-FAS",
        {"space", "sensing"},
        "NASA products allow FAS analysts to distinguish between different crops such as wheat and rice and "
        "permit analysts to measure other features like surface temperature and snow cover.",
    ),
    (
        "NASA-FAS",
        {"space", "sensing"},
        "Frequent satellite observations are important so analysts can assess how natural disasters such as "
        "fires, volcanic eruptions, floods, storms, or even extreme temperatures, affect crops.",
    ),
    (
        "NASA-FAS",
        {"space", "sensing"},
        "FAS analysts are using these products to regularly assess global agricultural conditions.",
    ),
    (
        "NOAA-DC",
        {"space"},
        "Some of these data were collected for NOAA navigational charting purposes, while others were collected "
        "to support environmental assessments.",
    ),
    (
        "NIBIB-MRI",
        {"space", "sensing"},
        "Magnetic Resonance Imaging (MRI) is a non-invasive imaging technology that produces three dimensional "
        "detailed anatomical images.",
    ),
    (
        "NIBIB-MRI",
        {"space", "sensing"},
        "When the radiofrequency field is turned off, the MRI sensors are able to detect the energy released as "
        "the protons realign with the magnetic field.",
    ),
    (
        "NIBIB-MRI",
        {"space", "sensing"},
        "To obtain an MRI image, a patient is placed inside a large magnet and must remain very still during the "
        "imaging process in order not to blur the image.",
    ),
    (
        "NIBIB-MRI",
        {"space", "sensing"},
        "Physicians are able to tell the difference between various types of tissues based on these magnetic "
        "properties.",
    ),
    (
        "AOU-FIT",
        {"space", "sensing"},
        "More than one in five people in the United States have a smartwatch or fitness tracker, like a Fitbit "
        "device.",
    ),
    (
        "AOU-FIT",
        {"space", "sensing"},
        "Beyond helping individuals monitor their own heart rate, sleep, and physical activity, these devices "
        "offer tremendous potential to advance our collective understanding of health through research.",
    ),
    (
        "AOU-FIT",
        {"space", "sensing"},
        "Through the Workbench, researchers can combine these data points with Fitbit's continuous stream of data "
        "for a more holistic view of health.",
    ),
    (
        "AOU-FIT",
        {"space", "sensing"},
        "Today, the platform houses Fitbit data from more than 15,600 participants, making it the largest, broadly "
        "accessible set of digital health technology data to date–and the dataset is still growing.",
    ),
    (
        "USGS-MB",
        {"space"},
        "As the soundwaves reflect back to the ship, the multibeam echosounder receives the waves and interprets "
        "the data so that GIS specialists like Bill can create visualizations, not just of the ocean bottom, but "
        "of the entire 3-dimensional space beneath the ship.",
    ),
    (
        "NASA-EMIT",
        {"space", "sensing"},
        "Of course, spectroscopy can be used to detect more than minerals.",
    ),
]


def _ids(table: list[Any]) -> list[str]:
    return [f"{getattr(row, 'values', row)[0]}-{i}" for i, row in enumerate(table)]


@pytest.mark.parametrize(("source", "expected", "text"), POSITIVES, ids=_ids(POSITIVES))
def test_plain_space_and_sensing_descriptions_reach_their_category(
    detector: Detector, source: str, expected: set[str], text: str
) -> None:
    assert categories(detector, text) & expected, source


@pytest.mark.parametrize(("source", "forbidden", "text"), NEGATIVES, ids=_ids(NEGATIVES))
def test_data_medicine_wearables_and_other_spaces_stay_out(
    detector: Detector, source: str, forbidden: set[str], text: str
) -> None:
    assert not categories(detector, text) & forbidden, source

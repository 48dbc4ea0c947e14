"""The outlet's home read from a page's address (see `crisisledger.geo.us_outlet`)."""

from __future__ import annotations

from crisisledger.geo.us_outlet import host_home, host_homes


def test_call_sign_in_host() -> None:
    assert host_homes("https://www.wsbtv.com/news/local/story.html") == {("Atlanta", "GA"): 1}
    assert host_homes("http://www.kctv5.com/story/123") == {("Kansas City", "MO"): 1}
    assert host_homes("wave3.com/story/1") == {("Louisville", "KY"): 1}


def test_city_spelled_in_host() -> None:
    assert host_homes("https://www.nbclosangeles.com/news/x") == {("Los Angeles", "CA"): 1}
    assert host_homes("http://chicago.suntimes.com/news/x") == {("Chicago", "IL"): 1}


def test_state_only_host_and_capital() -> None:
    assert host_homes("http://www.arkansasonline.com/news/x") == {("", "AR"): 1}
    assert host_homes("https://www.washingtonpost.com/local/x") == {("Washington", "DC"): 1}


def test_archived_address_is_read_for_the_page_it_holds() -> None:
    url = "http://web.archive.org/web/20160101000000/http://www.wsmv.com:80/story/1"
    assert host_homes(url) == {("Nashville", "TN"): 1}


def test_no_home() -> None:
    assert host_homes(None) == {}
    assert host_homes("https://www.example.org/a") == {}
    assert host_home("http://www.arkansasonline.com/news/x") is None


def test_home_location() -> None:
    loc = host_home("https://www.nbclosangeles.com/news/x")
    assert loc is not None and (loc.name, loc.admin1, loc.precision) == ("Los Angeles", "California", "city")


def test_host_named_after_a_state_and_its_great_city() -> None:
    assert host_homes("http://www.nbcnewyork.com/news/local/x") == {("New York City", "NY"): 1}
    assert host_homes("http://www.kansascity.com/news/x") == {("Kansas City", "MO"): 1}


def test_channel_number_and_newspaper_hosts() -> None:
    assert host_homes("http://6abc.com/news/x/1/") == {("Philadelphia", "PA"): 1}
    assert host_homes("http://fox59.com/2016/05/27/x/") == {("Indianapolis", "IN"): 1}
    assert host_homes("http://www.stltoday.com/news/local/x") == {("St. Louis", "MO"): 1}


def test_metro_abbreviation_or_postal_code_joined_to_a_network() -> None:
    assert host_homes("http://www.fox5dc.com/news/1") == {("Washington", "DC"): 1}
    assert host_homes("http://news4jax.com/news/1") == {("Jacksonville", "FL"): 1}
    assert host_homes("http://dfw.cbslocal.com/2016/x") == {("Dallas", "TX"): 1}
    assert host_homes("http://www.abcvt.com/news/1") == {("", "VT"): 1}
    assert host_homes("http://www.foxnews.com/us/x") == {}


def test_city_or_state_as_a_whole_path_segment() -> None:
    assert host_homes("https://www.citywire.example/chicago/20160817/x-y/") == {("Chicago", "IL"): 1}
    # the most populous Decatur lies in another state than the one the path names
    assert host_homes("https://local.example/georgia/decatur/x") == {("", "GA"): 1}
    assert host_homes("https://local.example/news/orlando-man-shot/") == {}  # words of a slug, not a segment

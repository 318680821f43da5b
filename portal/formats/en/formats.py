# International English, as the UN writes it: "29 January 2019", a 24-hour clock ("14:30").
# Django's US default ("Jan. 29, 2019", "2:30 p.m.") reads as a different language.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

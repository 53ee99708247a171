package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A Date is a calendar date known to a precision: a year, a month or a day.
// Zero fields are unknown; the zero Date is "not known".
type Date struct {
	Year, Month, Day int
}

// ParseDate parses "2006", "2006-01" or "2006-01-02".
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) != len(layout) {
			continue
		}
		t, err := time.Parse(layout, s)
		if err != nil {
			break
		}
		if t.Year() == 0 {
			// Year 0 is the zero Date's, which means "not verified".
			return Date{}, fmt.Errorf("date %q has year 0000: write the year the article was published", s)
		}
		d := Date{Year: t.Year()}
		if len(layout) >= 7 {
			d.Month = int(t.Month())
		}
		if len(layout) == 10 {
			d.Day = t.Day()
		}
		return d, nil
	}
	return Date{}, fmt.Errorf("date %q does not parse: write YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Exact reports whether the day is known.
func (d Date) Exact() bool { return d.Day != 0 }

// Precision is "day", "month", "year" or "" for an unknown date.
func (d Date) Precision() string {
	switch {
	case d.Day != 0:
		return "day"
	case d.Month != 0:
		return "month"
	case d.Year != 0:
		return "year"
	}
	return ""
}

// String is the ISO 8601 form to the date's precision, as used in <time datetime>.
func (d Date) String() string {
	switch d.Precision() {
	case "day":
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case "month":
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case "year":
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// Human is the date in English: "7 July 2017", "July 2017", "2017". The
// pages word dates in the site's language, from the theme's strings.
func (d Date) Human() string {
	switch d.Precision() {
	case "day":
		return strconv.Itoa(d.Day) + " " + time.Month(d.Month).String() + " " + strconv.Itoa(d.Year)
	case "month":
		return time.Month(d.Month).String() + " " + strconv.Itoa(d.Year)
	case "year":
		return strconv.Itoa(d.Year)
	}
	return ""
}

// Time is the first instant the date can stand for, in UTC.
func (d Date) Time() time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Before orders dates; an unknown date sorts last.
func (d Date) Before(e Date) bool {
	if d.IsZero() || e.IsZero() {
		return !d.IsZero() && e.IsZero()
	}
	return d.Time().Before(e.Time())
}

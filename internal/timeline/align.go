package timeline

import (
	"fmt"
	"sort"
)

// align puts every entry into its cell, in file order, so that a row reads
// across the events: the author decides the order within a cell.
func (l *loader) align() {
	t := l.t
	cells := map[[2]string]*Cell{}
	for _, r := range t.Rows {
		r.Cells = nil
		for _, ev := range t.Events {
			c := &Cell{ID: r.ID + "--" + ev.ID, Row: r, Event: ev, Nothing: r.Nothing[ev.ID]}
			r.Cells = append(r.Cells, c)
			cells[[2]string{r.ID, ev.ID}] = c
		}
	}
	for _, e := range t.Entries {
		c := cells[[2]string{e.Row, e.Event}]
		c.Entries = append(c.Entries, e)
		e.Cell = c
	}
	for ri, r := range t.Rows {
		for _, c := range r.Cells {
			if len(c.Entries) == 0 && c.Nothing == "" {
				l.errf(fmt.Sprintf("rows[%d]", ri), "row "+quote(r.ID)+", event "+quote(c.Event.ID),
					"the cell is empty and does not say so: add an entry with row: %s and event: %s, or say in words what is not reported under rows[%d].nothing.%s",
					r.ID, c.Event.ID, ri, c.Event.ID)
			}
		}
	}
}

func sorted(s []string) []string {
	sort.Strings(s)
	return s
}

package ui

import "sync"

// riskNumbers maps the provisional IDs of risks added in this session to the numbers the
// store gave them. Writes fill it on the saver's goroutine; the screen reads it.
type riskNumbers struct {
	mu   sync.Mutex
	next int64
	ids  map[int64]int64
}

// provisional is a new negative ID, unique in the session.
func (n *riskNumbers) provisional() int64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.next--
	return n.next
}

// stored translates an ID: a stored one stays, a provisional one becomes its number in the
// store, or 0 while it has none.
func (n *riskNumbers) stored(id int64) int64 {
	if id > 0 {
		return id
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.ids[id]
}

// same reports whether two IDs name the same risk, one of them perhaps provisional.
func (n *riskNumbers) same(a, b int64) bool {
	return a == b || (n.stored(a) != 0 && n.stored(a) == n.stored(b))
}

func (n *riskNumbers) record(provisional, id int64) {
	if provisional >= 0 {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.ids == nil {
		n.ids = map[int64]int64{}
	}
	n.ids[provisional] = id
}

// reconcile gives risks added in this session the numbers the store has given them.
func (r *risks) reconcile() {
	for i, x := range r.w.a.Risks {
		if x.ID < 0 {
			if id := r.numbers.stored(x.ID); id > 0 {
				r.w.a.Risks[i].ID = id
			}
		}
	}
}

package backup

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"

	"tandem/backend/storage"
)

// readers is how many tables are read at once: one per processor, at most
// three (each holds one of the database's four connections).
func readers() int {
	return max(1, min(runtime.GOMAXPROCS(0), maxReaders))
}

var maxReaders = 3

// tableRead is one table as the first pass read it.
type tableRead struct {
	size  int64
	sum   string
	rows  int64
	parts []*partRead // in rowid order; their kept bytes, concatenated, are the table's
}

// kept reports whether every part kept its bytes.
func (t *tableRead) kept() bool {
	for _, p := range t.parts {
		if !p.kept.ok() {
			return false
		}
	}
	return true
}

func (t *tableRead) release() {
	for _, p := range t.parts {
		p.kept.release()
	}
}

// partRead is a table or a rowid range of one.
type partRead struct {
	table int
	sel   storage.Selection
	head  bool // the part that begins with the table's description line
	rows  int64
	size  int64
	kept  *capBuffer
	done  chan struct{}
	err   error
}

// Tables with more rows than this are read in rowid ranges, by all the
// readers at once, so that one large table (a vault's history is most of
// it) does not leave the other processors idle.
var (
	partRows int64 = 2048
	maxParts int64 = 16
)

// readTables reads every table once, in parts that the snapshots' readers
// take in turn (the largest tables' parts first), keeping the bytes in
// memory up to the budget. Meanwhile a hasher takes the parts in the
// tables' order, as they are done, and sums each table. A table of which
// a part could not be kept (the budget ran out) is read once more, whole,
// to sum it; it is read a third time while it is written. Progress
// ("read", in tables) is reported from this goroutine only.
func readTables(ctx context.Context, src Source, snaps []*storage.Snapshot, tables []storage.Selection) ([]*tableRead, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	budget := &memBudget{left: memoryBudget}
	out := make([]*tableRead, len(tables))
	var parts []*partRead // in table order
	var size []int64      // a guess of each part's rows, for the order of work
	for i, sel := range tables {
		t := &tableRead{}
		out[i] = t
		lo, hi, ok := snaps[0].RowidRange(ctx, sel.Table)
		n := int64(1)
		if ok && hi-lo+1 > partRows {
			n = min(maxParts, (hi-lo+1+partRows-1)/partRows)
		}
		for k := int64(0); k < n; k++ {
			p := &partRead{table: i, sel: sel, head: k == 0, kept: &capBuffer{budget: budget}, done: make(chan struct{})}
			if n > 1 {
				from, to := lo+(hi-lo+1)*k/n, lo+(hi-lo+1)*(k+1)/n
				if k == 0 {
					from = math.MinInt64
				}
				if k == n-1 {
					to = math.MaxInt64
				}
				p.sel = sel.Rowids(from, to)
			}
			t.parts = append(t.parts, p)
			parts = append(parts, p)
			if ok {
				size = append(size, (hi-lo+1)/n)
			} else {
				size = append(size, 0)
			}
		}
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	jobs := make(chan *partRead, len(parts))
	for _, i := range order {
		jobs <- parts[i]
	}
	close(jobs)
	var wg sync.WaitGroup
	for _, snap := range snaps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				if p.err = ctx.Err(); p.err == nil {
					p.rows, p.size, p.err = writeTable(ctx, snap, p.sel, p.head, p.kept)
				}
				if p.err != nil {
					cancel()
				}
				close(p.done)
			}
		}()
	}
	// The hasher, in this goroutine: parts in the tables' order.
	var first error
	for i, t := range out {
		src.progress("read", i, len(tables))
		h := newHashCount()
		for _, p := range t.parts {
			<-p.done
			if p.err != nil && first == nil {
				first = p.err
			}
			if first != nil {
				continue
			}
			t.rows += p.rows
			t.size += p.size
			for _, b := range p.kept.blocks {
				h.Write(b)
			}
		}
		if first == nil && t.kept() {
			t.sum = h.sum()
		}
	}
	wg.Wait()
	if first != nil {
		return out, first
	}
	// Tables beyond the budget: summed by reading them again, whole.
	for i, t := range out {
		if t.kept() {
			continue
		}
		t.release()
		hc := newHashCount()
		rows, size, err := writeTable(ctx, snaps[0], tables[i], true, hc)
		if err != nil {
			return out, err
		}
		if rows != t.rows || size != t.size {
			return out, fmt.Errorf("backup: table %s changed between two reads of one snapshot", tables[i].Table.Name)
		}
		t.sum = hc.sum()
	}
	src.progress("read", len(tables), len(tables))
	return out, nil
}

// memoryBudget is how much of a backup's plaintext is kept in memory
// between the two passes.
var memoryBudget = 128 << 20

// memBudget is shared by the tables read at once.
type memBudget struct {
	mu   sync.Mutex
	left int
}

// take reserves n bytes, or reports that they are not left.
func (m *memBudget) take(n int) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if n > m.left {
		return false
	}
	m.left -= n
	return true
}

func (m *memBudget) give(n int) {
	m.mu.Lock()
	m.left += n
	m.mu.Unlock()
}

// capBuffer keeps what is written to it while the shared budget lasts; once
// it runs out, it drops what it kept and keeps nothing more. It keeps its
// bytes in blocks (of growing size, up to 1 MiB), so that keeping a large
// table never copies what it already holds.
type capBuffer struct {
	budget   *memBudget
	blocks   [][]byte
	held     int // bytes of the budget taken
	overflow bool
}

const (
	firstBlock = 16 << 10
	maxBlock   = 1 << 20
)

func (c *capBuffer) Write(p []byte) (int, error) {
	if c.overflow {
		return len(p), nil
	}
	if !c.budget.take(len(p)) {
		c.overflow = true
		c.release()
		return len(p), nil
	}
	c.held += len(p)
	rest := p
	for len(rest) > 0 {
		var last []byte
		if n := len(c.blocks); n > 0 {
			last = c.blocks[n-1]
		}
		if last == nil || len(last) == cap(last) {
			size := firstBlock
			if last != nil {
				size = min(2*cap(last), maxBlock)
			}
			c.blocks = append(c.blocks, make([]byte, 0, size))
			last = c.blocks[len(c.blocks)-1]
		}
		k := min(len(rest), cap(last)-len(last))
		c.blocks[len(c.blocks)-1] = append(last, rest[:k]...)
		rest = rest[k:]
	}
	return len(p), nil
}

func (c *capBuffer) ok() bool { return !c.overflow }

// release wipes and drops the kept bytes, and gives back their budget.
// Idempotent.
func (c *capBuffer) release() {
	for _, b := range c.blocks {
		wipe(b)
	}
	c.blocks = nil
	if c.held > 0 {
		c.budget.give(c.held)
		c.held = 0
	}
}

package backup

import "io"

// prefetch reads src ahead in a goroutine of its own, so that decrypting a
// backup (in that goroutine) and checking or loading what it holds (in the
// reader's) use two processors. Errors, io.EOF included, reach the reader
// after the bytes read before them. Close stops the goroutine and wipes
// the buffers; call it when done, whether or not src was read to its end.
type prefetch struct {
	full  chan prefetched
	free  chan []byte
	stop  chan struct{}
	done  chan struct{}
	cur   prefetched
	off   int
	bufs  [][]byte
	ended bool
}

type prefetched struct {
	b   []byte
	err error
}

const (
	prefetchBuffers = 4
	prefetchSize    = 256 << 10
)

func newPrefetch(src io.Reader) *prefetch {
	p := &prefetch{full: make(chan prefetched, prefetchBuffers), free: make(chan []byte, prefetchBuffers),
		stop: make(chan struct{}), done: make(chan struct{})}
	for i := 0; i < prefetchBuffers; i++ {
		b := make([]byte, prefetchSize)
		p.bufs = append(p.bufs, b)
		p.free <- b
	}
	go func() {
		defer close(p.done)
		for {
			var b []byte
			select {
			case b = <-p.free:
			case <-p.stop:
				return
			}
			n := 0
			var err error
			for n < len(b) && err == nil {
				var k int
				k, err = src.Read(b[n:])
				n += k
			}
			select {
			case p.full <- prefetched{b[:n], err}:
			case <-p.stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return p
}

func (p *prefetch) Read(b []byte) (int, error) {
	for p.off == len(p.cur.b) {
		if p.cur.err != nil {
			return 0, p.cur.err
		}
		if p.cur.b != nil {
			p.free <- p.cur.b[:cap(p.cur.b)]
		}
		p.cur, p.off = <-p.full, 0
	}
	n := copy(b, p.cur.b[p.off:])
	p.off += n
	return n, nil
}

// Close stops reading ahead and wipes the buffers. Idempotent.
func (p *prefetch) Close() {
	if p.ended {
		return
	}
	p.ended = true
	close(p.stop)
	<-p.done
	for _, b := range p.bufs {
		wipe(b)
	}
}

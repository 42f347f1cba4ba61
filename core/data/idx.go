package data

import (
	"encoding/binary"
	"fmt"
)

// IDX is a parsed IDX file of unsigned bytes (the format of the MNIST
// files): its dimensions and its values in row-major order.
type IDX struct {
	Dims []int
	Data []byte
}

// idxUbyte is the IDX type code for unsigned bytes, the only type the MNIST
// family uses.
const idxUbyte = 0x08

// maxIDXElems bounds what a header may claim, so a corrupt header cannot
// make us trust absurd sizes (the largest real file has 47 million values).
const maxIDXElems = 1 << 31

// ParseIDX parses the IDX bytes b of the file called name (used in errors).
// It accepts only unsigned-byte data and checks that the header's
// dimensions account for every byte that follows, no more and no less.
func ParseIDX(name string, b []byte) (*IDX, error) {
	if len(b) < 4 {
		return nil, fmt.Errorf("data: %s: %d bytes, too short for an IDX header", name, len(b))
	}
	if b[0] != 0 || b[1] != 0 {
		return nil, fmt.Errorf("data: %s: bad IDX magic number 0x%08x (the first two bytes must be zero)", name, binary.BigEndian.Uint32(b))
	}
	if b[2] != idxUbyte {
		return nil, fmt.Errorf("data: %s: IDX data type 0x%02x, want unsigned bytes (0x08)", name, b[2])
	}
	rank := int(b[3])
	if rank == 0 {
		return nil, fmt.Errorf("data: %s: IDX header has no dimensions", name)
	}
	head := 4 + 4*rank
	if len(b) < head {
		return nil, fmt.Errorf("data: %s: %d bytes, too short for an IDX header of %d dimensions", name, len(b), rank)
	}
	dims := make([]int, rank)
	total := uint64(1)
	for i := range dims {
		d := binary.BigEndian.Uint32(b[4+4*i:])
		dims[i] = int(d)
		total *= uint64(d)
		if total > maxIDXElems {
			return nil, fmt.Errorf("data: %s: IDX dimensions %v are implausibly large", name, dims[:i+1])
		}
	}
	if got := uint64(len(b) - head); got != total {
		return nil, fmt.Errorf("data: %s: IDX header promises %d values for dimensions %v but %d bytes follow", name, total, dims, got)
	}
	return &IDX{Dims: dims, Data: b[head:]}, nil
}

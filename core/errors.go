package core

import (
	"errors"
	"fmt"
)

var (
	// ErrShape is wrapped by every panic about shapes that do not fit an op.
	ErrShape = errors.New("core: shape mismatch")
	// ErrDevice is wrapped by panics about tensors on different backends.
	ErrDevice = errors.New("core: tensors on different backends")
	// ErrIndex is wrapped by panics about a dimension or index out of range.
	ErrIndex = errors.New("core: index out of range")
	// ErrGrad is wrapped by panics about misuse of autograd.
	ErrGrad = errors.New("core: autograd misuse")
)

// OpError is the value core panics with: the op, what went wrong, and the
// shapes involved.
type OpError struct {
	Op     string
	Err    error
	Detail string
	Shapes [][]int
}

func (e *OpError) Error() string {
	s := fmt.Sprintf("%s: %v", e.Op, e.Err)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	for i, sh := range e.Shapes {
		if i == 0 {
			s += " ("
		} else {
			s += " and "
		}
		s += fmt.Sprint(sh)
	}
	if len(e.Shapes) > 0 {
		s += ")"
	}
	return s
}

func (e *OpError) Unwrap() error { return e.Err }

func panicf(op string, err error, shapes [][]int, format string, args ...any) {
	panic(&OpError{Op: op, Err: err, Detail: fmt.Sprintf(format, args...), Shapes: shapes})
}

// Recover turns a core panic into an error; other panics continue. Use it
// with defer where an error return is wanted:
//
//	defer core.Recover(&err)
func Recover(err *error) {
	if r := recover(); r != nil {
		if e, ok := r.(*OpError); ok {
			*err = e
			return
		}
		panic(r)
	}
}

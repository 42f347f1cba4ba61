package cpu

import "github.com/gograd/gograd/core/kernel"

// Im2Col implements kernel.Backend.
func (be *Backend[T]) Im2Col(cols, x kernel.Buffer, g kernel.ConvGeom) {
	d, s := be.data(cols), be.data(x)
	per := g.OH * g.OW * g.C * g.KH * g.KW
	parallelFor(g.N, min(g.N, elementWorkers(len(d))), func(n int) {
		o := n * per
		for oh := 0; oh < g.OH; oh++ {
			for ow := 0; ow < g.OW; ow++ {
				for c := 0; c < g.C; c++ {
					plane := s[(n*g.C+c)*g.H*g.W:]
					for kh := 0; kh < g.KH; kh++ {
						h := oh*g.Stride - g.Pad + kh
						for kw := 0; kw < g.KW; kw++ {
							w := ow*g.Stride - g.Pad + kw
							if h >= 0 && h < g.H && w >= 0 && w < g.W {
								d[o] = plane[h*g.W+w]
							} else {
								d[o] = 0
							}
							o++
						}
					}
				}
			}
		}
	})
}

// Col2Im implements kernel.Backend.
func (be *Backend[T]) Col2Im(dx, cols kernel.Buffer, g kernel.ConvGeom) {
	d, s := be.data(dx), be.data(cols)
	per := g.OH * g.OW * g.C * g.KH * g.KW
	parallelFor(g.N, min(g.N, elementWorkers(len(s))), func(n int) {
		o := n * per
		for oh := 0; oh < g.OH; oh++ {
			for ow := 0; ow < g.OW; ow++ {
				for c := 0; c < g.C; c++ {
					plane := d[(n*g.C+c)*g.H*g.W:]
					for kh := 0; kh < g.KH; kh++ {
						h := oh*g.Stride - g.Pad + kh
						for kw := 0; kw < g.KW; kw++ {
							w := ow*g.Stride - g.Pad + kw
							if h >= 0 && h < g.H && w >= 0 && w < g.W {
								plane[h*g.W+w] += s[o]
							}
							o++
						}
					}
				}
			}
		}
	})
}

// MaxPool2d implements kernel.Backend.
func (be *Backend[T]) MaxPool2d(dst, argmax, x kernel.Buffer, g kernel.PoolGeom) {
	d, am, s := be.data(dst), be.data(argmax), be.data(x)
	planes := g.N * g.C
	parallelFor(planes, min(planes, elementWorkers(len(s))), func(nc int) {
		plane := s[nc*g.H*g.W:]
		for oh := 0; oh < g.OH; oh++ {
			for ow := 0; ow < g.OW; ow++ {
				best, bestAt := T(0), -1
				for kh := 0; kh < g.KH; kh++ {
					h := oh*g.Stride - g.Pad + kh
					if h < 0 || h >= g.H {
						continue
					}
					for kw := 0; kw < g.KW; kw++ {
						w := ow*g.Stride - g.Pad + kw
						if w < 0 || w >= g.W {
							continue
						}
						if v := plane[h*g.W+w]; bestAt < 0 || v > best {
							best, bestAt = v, h*g.W+w
						}
					}
				}
				o := (nc*g.OH+oh)*g.OW + ow
				d[o], am[o] = best, T(bestAt)
			}
		}
	})
}

// MaxPool2dBackward implements kernel.Backend.
func (be *Backend[T]) MaxPool2dBackward(dx, grad, argmax kernel.Buffer, g kernel.PoolGeom) {
	d, gs, am := be.data(dx), be.data(grad), be.data(argmax)
	per := g.OH * g.OW
	for o, v := range gs {
		nc := o / per
		d[nc*g.H*g.W+int(am[o])] += v
	}
}

// AvgPool2d implements kernel.Backend.
func (be *Backend[T]) AvgPool2d(dst, x kernel.Buffer, g kernel.PoolGeom) {
	d, s := be.data(dst), be.data(x)
	inv := 1 / T(g.KH*g.KW)
	for nc := 0; nc < g.N*g.C; nc++ {
		plane := s[nc*g.H*g.W:]
		for oh := 0; oh < g.OH; oh++ {
			for ow := 0; ow < g.OW; ow++ {
				var sum T
				forWindow(g, oh, ow, func(i int) { sum += plane[i] })
				d[(nc*g.OH+oh)*g.OW+ow] = sum * inv
			}
		}
	}
}

// AvgPool2dBackward implements kernel.Backend.
func (be *Backend[T]) AvgPool2dBackward(dx, grad kernel.Buffer, g kernel.PoolGeom) {
	d, gs := be.data(dx), be.data(grad)
	inv := 1 / T(g.KH*g.KW)
	for nc := 0; nc < g.N*g.C; nc++ {
		plane := d[nc*g.H*g.W:]
		for oh := 0; oh < g.OH; oh++ {
			for ow := 0; ow < g.OW; ow++ {
				v := gs[(nc*g.OH+oh)*g.OW+ow] * inv
				forWindow(g, oh, ow, func(i int) { plane[i] += v })
			}
		}
	}
}

// forWindow calls f with the in-plane index of every input pixel inside the
// pooling window of output (oh, ow), skipping padding.
func forWindow(g kernel.PoolGeom, oh, ow int, f func(i int)) {
	for kh := 0; kh < g.KH; kh++ {
		h := oh*g.Stride - g.Pad + kh
		if h < 0 || h >= g.H {
			continue
		}
		for kw := 0; kw < g.KW; kw++ {
			w := ow*g.Stride - g.Pad + kw
			if w >= 0 && w < g.W {
				f(h*g.W + w)
			}
		}
	}
}

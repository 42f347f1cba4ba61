package digit

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// bbox returns the inclusive bounding box of values above thr.
func bbox(pix []float32, w, h int, thr float32) (x0, y0, x1, y1 int) {
	x0, y0, x1, y1 = w, h, -1, -1
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if pix[y*w+x] > thr {
				x0, y0 = min(x0, x), min(y0, y)
				x1, y1 = max(x1, x), max(y1, y)
			}
		}
	}
	return
}

func TestStrokeCentredAndFits(t *testing.T) {
	cases := []Stroke{
		{Points: []Point{{X: 40, Y: 50}, {X: 90, Y: 60}, {X: 120, Y: 130}, {X: 70, Y: 200}}}, // off-centre curve
		{Points: []Point{{X: 200, Y: 200}, {X: 260, Y: 210}}},                                // short, wide, in a corner
		{Points: []Point{{X: 30, Y: 30}, {X: 250, Y: 250}, {X: 250, Y: 40}}},                 // big, lopsided mass
	}
	for i, s := range cases {
		p := NewPad(280, 280, 10)
		p.AddStroke(s)
		out, err := Preprocess(p.Pix(), 280, 280)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != Side*Side {
			t.Fatalf("case %d: got %d values", i, len(out))
		}
		cx, cy, m := CenterOfMass(out, Side, Side)
		if m == 0 || math.Abs(cx-14) > 0.5 || math.Abs(cy-14) > 0.5 {
			t.Errorf("case %d: centre of mass (%.2f, %.2f), want (14,14)±0.5", i, cx, cy)
		}
		x0, y0, x1, y1 := bbox(out, Side, Side, 0)
		if x1-x0+1 > Box || y1-y0+1 > Box {
			t.Errorf("case %d: ink box %dx%d exceeds %dx%d", i, x1-x0+1, y1-y0+1, Box, Box)
		}
		if x1-x0+1 != Box && y1-y0+1 != Box {
			t.Errorf("case %d: ink box %dx%d does not touch the 20px fit", i, x1-x0+1, y1-y0+1)
		}
		for _, v := range out {
			if v < 0 || v > 1 {
				t.Fatalf("case %d: value %v outside [0,1]", i, v)
			}
		}
	}
}

// The ink lies at the expected place of a 280x280 pad: a dot of radius r at
// (x,y) covers (x,y) fully and leaves paper beyond r+1.
func TestBrushCoverage(t *testing.T) {
	p := NewPad(50, 50, 5)
	p.Begin(Point{X: 25, Y: 25})
	p.End()
	pix := p.Pix()
	if pix[25*50+25] != 1 {
		t.Errorf("centre coverage %v, want 1", pix[25*50+25])
	}
	if pix[25*50+32] != 0 || pix[18*50+25] != 0 {
		t.Errorf("ink beyond the brush radius")
	}
	edge := pix[25*50+29] // centre at 29.5, distance 4.5 from 25: half-covered edge
	if edge < 0.9 {
		t.Errorf("pixel inside radius coverage %v", edge)
	}
	soft := pix[25*50+30] // distance 5.5: r-d+0.5 = 0
	if soft != 0 {
		t.Errorf("pixel at distance 5.5 coverage %v, want 0", soft)
	}
	half := pix[20*50+25] // centre (25.5,20.5), distance ~4.53: coverage ~0.97
	if math.Abs(float64(half)-0.97) > 0.02 {
		t.Errorf("edge coverage %v, want ~0.97", half)
	}
}

func TestPressureThinsBrush(t *testing.T) {
	sum := func(pr float32) float32 {
		p := NewPad(60, 60, 8)
		p.AddStroke(Stroke{Points: []Point{{X: 10, Y: 30, Pressure: pr}, {X: 50, Y: 30, Pressure: pr}}})
		var s float32
		for _, v := range p.Pix() {
			s += v
		}
		return s
	}
	if full, light := sum(0), sum(0.2); !(light < 0.6*full) {
		t.Errorf("light pressure ink %v not thinner than full %v", light, full)
	}
}

func TestUndoAndClear(t *testing.T) {
	p := NewPad(100, 100, 4)
	a := Stroke{Points: []Point{{X: 10, Y: 10}, {X: 40, Y: 10}}}
	b := Stroke{Points: []Point{{X: 50, Y: 80}, {X: 90, Y: 60}}}
	p.AddStroke(a)
	only := append([]float32(nil), p.Pix()...)
	p.AddStroke(b)
	if len(p.Strokes()) != 2 {
		t.Fatalf("strokes = %d", len(p.Strokes()))
	}
	v := p.Version()
	if !p.Undo() {
		t.Fatal("Undo reported nothing to undo")
	}
	if p.Version() == v {
		t.Error("Undo did not bump the version")
	}
	for i := range only {
		if p.Pix()[i] != only[i] {
			t.Fatalf("after undo pixel %d = %v, want %v", i, p.Pix()[i], only[i])
		}
	}
	p.Clear()
	if !p.Empty() {
		t.Error("not empty after Clear")
	}
	for _, v := range p.Pix() {
		if v != 0 {
			t.Fatal("ink left after Clear")
		}
	}
	if p.Undo() {
		t.Error("Undo on an empty pad reported a stroke")
	}
	if _, err := Preprocess(p.Pix(), 100, 100); !errors.Is(err, ErrEmptyDrawing) {
		t.Errorf("cleared pad: err = %v, want ErrEmptyDrawing", err)
	}
}

func TestPreprocessErrors(t *testing.T) {
	if _, err := Preprocess(make([]float32, 10), 3, 3); !errors.Is(err, ErrSize) {
		t.Errorf("wrong length: %v", err)
	}
	if _, err := Preprocess(nil, 0, 0); !errors.Is(err, ErrSize) {
		t.Errorf("zero size: %v", err)
	}
	if _, err := Preprocess(make([]float32, 16), 4, 4); !errors.Is(err, ErrEmptyDrawing) {
		t.Errorf("empty: %v", err)
	}
	bad := make([]float32, 16)
	bad[5] = float32(math.NaN())
	if _, err := Preprocess(bad, 4, 4); !errors.Is(err, ErrValue) {
		t.Errorf("NaN: %v", err)
	}
}

// A vertical bar drawn down the middle of the pad becomes a 2-pixel wide,
// 20-pixel tall bar in columns 13-14 and rows 4-23.
func TestGoldenVerticalBar(t *testing.T) {
	p := NewPad(280, 280, 12)
	p.AddStroke(Stroke{Points: []Point{{X: 60, Y: 40}, {X: 60, Y: 240}}})
	out, err := Preprocess(p.Pix(), 280, 280)
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for y := 0; y < Side; y++ {
		for x := 0; x < Side; x++ {
			switch v := out[y*Side+x]; {
			case v > 0.5:
				got.WriteByte('#')
			case v > 0:
				got.WriteByte('+')
			default:
				got.WriteByte('.')
			}
		}
		got.WriteByte('\n')
	}
	var want strings.Builder
	for y := 0; y < Side; y++ {
		row := []byte(strings.Repeat(".", Side))
		if y >= 4 && y < 24 {
			row[13], row[14] = '#', '#'
		}
		want.Write(row)
		want.WriteByte('\n')
	}
	if got.String() != want.String() {
		t.Errorf("vertical bar:\n%s\nwant:\n%s", got.String(), want.String())
	}
}

func TestNormalize(t *testing.T) {
	got := Normalize([]float32{0, 1, MNISTMean})
	want := []float32{-0.1307 / 0.3081, (1 - 0.1307) / 0.3081, 0}
	for i := range want {
		if math.Abs(float64(got[i]-want[i])) > 1e-6 {
			t.Errorf("Normalize[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestStrokeValidate(t *testing.T) {
	nan := float32(math.NaN())
	for _, c := range []struct {
		s    Stroke
		want string
	}{
		{Stroke{}, "no points"},
		{Stroke{Points: []Point{{X: 1, Y: 2}, {X: nan, Y: 2}}}, "point 1 is not finite"},
		{Stroke{Points: []Point{{X: 1, Y: float32(math.Inf(1))}}}, "point 0 is not finite"},
		{Stroke{Points: []Point{{X: 1, Y: 2, Pressure: 1.5}}}, "pressure 1.5"},
		{Stroke{Points: []Point{{X: -5, Y: 900, Pressure: 0.5}}}, ""},
	} {
		err := c.s.Validate()
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("Validate(%+v) = %v, want %q", c.s, err, c.want)
		}
	}
}

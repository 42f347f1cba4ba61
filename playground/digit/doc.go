// Package digit turns a hand drawing into the 28x28 input an MNIST model
// expects. It holds the drawing pad (strokes rasterized with an anti-aliased
// round brush, with Undo and Clear) and the preprocessing that mirrors how the
// MNIST digits were made: crop to the ink, scale into a 20x20 box keeping the
// aspect ratio with an area-averaging resample, and centre the result by its
// centre of mass in a 28x28 field. It is pure Go so it runs natively, in the
// browser and in tests alike.
package digit

package ui

// Theme holds colours and design sizes. Sizes are in design pixels and are
// multiplied by Scale (the device scale factor) when drawing.
type Theme struct {
	Scale float64

	FontSize, SmallFontSize, LargeFontSize float64
	Padding, ControlHeight                 float64

	Background, Surface, SurfaceHover, SurfaceActive Color
	Border, Focus, Accent, Text, TextDim, Error      Color
	TooltipBg                                        Color
}

// DefaultTheme is a dark theme sized for the given device scale factor.
func DefaultTheme(scale float64) Theme {
	if !(scale > 0) {
		scale = 1
	}
	return Theme{
		Scale:         scale,
		FontSize:      15,
		SmallFontSize: 12,
		LargeFontSize: 56,
		Padding:       10,
		ControlHeight: 32,
		Background:    RGB(0x17, 0x1a, 0x21),
		Surface:       RGB(0x26, 0x2b, 0x36),
		SurfaceHover:  RGB(0x31, 0x38, 0x46),
		SurfaceActive: RGB(0x3d, 0x46, 0x58),
		Border:        RGB(0x44, 0x4c, 0x5c),
		Focus:         RGB(0xf2, 0xc1, 0x4e),
		Accent:        RGB(0x4e, 0xa1, 0xf2),
		Text:          RGB(0xe8, 0xea, 0xee),
		TextDim:       RGB(0x9a, 0xa3, 0xb2),
		Error:         RGB(0xf2, 0x6b, 0x5e),
		TooltipBg:     RGB(0x0b, 0x0d, 0x11),
	}
}

// S converts design pixels to device pixels.
func (t *Theme) S(v float64) float64 { return v * t.Scale }

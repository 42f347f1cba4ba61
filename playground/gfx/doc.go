// Package gfx runs the playground on Ebiten: Canvas draws ui calls on an
// *ebiten.Image (vector shapes and text/v2 with the Go fonts), Poller turns
// mouse, touch, pen and keyboard into ui.Input, and Game wraps an App as an
// ebiten.Game whose screen is in device pixels, so text stays crisp at any
// device scale. It is the only playground package that imports Ebiten.
package gfx

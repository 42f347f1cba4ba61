// Package ui is the playground's small widget kit: Button, Slider, Dropdown,
// Toggle, NumberField and Tooltip, grouped in a Form that moves keyboard
// focus with Tab and Shift+Tab. Widgets keep their state and hit-testing in
// plain Go and read a device-independent Input each frame; they draw through
// the Canvas interface, so this package never imports Ebiten and all of its
// behaviour is tested by `go test` without a display. Coordinates are device
// pixels; Theme.Scale turns design sizes into them, which keeps text crisp
// on high-density screens.
package ui

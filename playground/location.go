package playground

import (
	"net/url"
	"strings"
)

// Location is where the current scene's name is kept between visits: the
// page URL in the browser, a flag on the desktop.
type Location interface {
	// Scene returns the requested scene name, or "" for none.
	Scene() string
	// SetScene records the scene now shown.
	SetScene(name string)
}

// StaticLocation is a Location held in memory (the desktop -scene flag).
type StaticLocation struct{ Name string }

// Scene returns the scene name recorded, or "".
func (l *StaticLocation) Scene() string { return l.Name }

// SetScene records the scene shown.
func (l *StaticLocation) SetScene(name string) { l.Name = name }

// SceneFromURL returns the scene named by ?scene=NAME, or failing that by
// #scene=NAME or #NAME. It returns "" when the URL names none or does not
// parse.
func SceneFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if s := u.Query().Get("scene"); s != "" {
		return s
	}
	frag := u.Fragment
	if v, err := url.ParseQuery(frag); err == nil && v.Get("scene") != "" {
		return v.Get("scene")
	}
	if frag != "" && !strings.ContainsAny(frag, "=&") {
		return frag
	}
	return ""
}

// URLWithScene returns raw with its ?scene= parameter set to name, keeping
// the other parameters and the fragment (minus any scene named there).
func URLWithScene(raw, name string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("scene", name)
	u.RawQuery = q.Encode()
	if SceneFromURL("#"+u.Fragment) != "" {
		u.Fragment = ""
	}
	return u.String(), nil
}

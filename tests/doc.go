// Package tests holds gograd's end-to-end tests. They build cmd/serve, start
// it on a free loopback port, and drive headless Chromium through chromedp
// against the served page, failing on any console error or uncaught
// exception. Screenshots go to tests/artifacts/.
//
// They need /usr/bin/chromium (or GOGRAD_CHROMIUM); ./test.sh installs it.
// Without a browser they fail rather than skip, so CI cannot pass vacuously.
package tests

package tests

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/playground"
)

// mnistDir is where the MNIST files are: $GOGRAD_DATA (test.sh sets it),
// or shared/data/mnist beside the repository. Missing data fails the test.
func mnistDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GOGRAD_DATA")
	if dir == "" {
		dir = filepath.Join(repoRoot, "..", "shared", "data", "mnist")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, data.MNIST.TestImages.Name+".gz")); err != nil {
		t.Fatalf("MNIST test data missing: %v (set GOGRAD_DATA to the directory holding the MNIST .gz files)", err)
	}
	return dir
}

// TestSampleButton clicks Sample and checks that the page shows the MNIST
// test digit the server says it sent, pixel for pixel, with its label, and
// classifies exactly that input.
func TestSampleButton(t *testing.T) {
	dir := mnistDir(t)
	test, err := data.LoadMNIST(dir, false, data.ImageOptions{Flat: true})
	if err != nil {
		t.Fatal(err)
	}
	url := startServe(t, "-data", dir)
	b := newBrowser(t)
	b.openReady(t, url)
	// The endpoint as the page sees it: digit 0 by index.
	label, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`fetch("api/sample?i=0").then((r) => r.json()).then((s) => s.label)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if label != int(test.Labels[0]) {
		t.Errorf("api/sample?i=0 has label %d, the test set says %d", label, test.Labels[0])
	}
	drawStrokes(t, b, handwriting[2]) // the sample replaces a drawing
	seen := map[int]bool{}
	for range 3 {
		prev := -1
		if st := state(t, b); st.SampleIndex != nil {
			prev = *st.SampleIndex
		}
		click(t, b, "sample")
		st := waitState(t, b, "a sample and its prediction", func(st playground.State) bool {
			return st.SampleIndex != nil && *st.SampleIndex != prev && st.Predicted != nil && !st.Pending
		})
		i := *st.SampleIndex
		seen[i] = true
		if len(st.Strokes) != 0 {
			t.Errorf("the drawing stayed under sample %d", i)
		}
		if *st.SampleLabel != int(test.Labels[i]) {
			t.Errorf("sample %d shown with label %d, the test set says %d", i, *st.SampleLabel, test.Labels[i])
		}
		x, y := make([]float32, 784), make([]float32, 1)
		test.Fill(i, x, y)
		for j := range x {
			if math.Abs(float64(st.Input[j]-x[j])) > 1e-6 {
				t.Fatalf("sample %d: input pixel %d is %v, the test set has %v", i, j, st.Input[j], x[j])
			}
		}
		checkAgainstNative(t, st)
		if !strings.Contains(st.Message, fmt.Sprintf("#%d, labelled %d", i, test.Labels[i])) {
			t.Errorf("message %q", st.Message)
		}
		saveScreenshot(t, b, fmt.Sprint(i))
	}
	if len(seen) < 2 {
		t.Errorf("three clicks gave the samples %v: not random", seen)
	}
	b.checkConsole(t)
}

// TestSampleWithoutData serves from an empty folder: the page must say
// where the files go instead of showing anything.
func TestSampleWithoutData(t *testing.T) {
	dir := t.TempDir()
	url := startServe(t, "-data", dir)
	b := newBrowser(t)
	// The browser logs the HTTP 503 itself; that is the answer asked for.
	b.allowConsoleError("status of 503")
	b.openReady(t, url)
	click(t, b, "sample")
	st := waitState(t, b, "the no-data message", func(st playground.State) bool {
		return strings.Contains(st.Message, "no MNIST test digits")
	})
	for _, want := range []string{"t10k-images-idx3-ubyte.gz", dir, "GOGRAD_DATA"} {
		if !strings.Contains(st.Message, want) {
			t.Errorf("message %q does not mention %q", st.Message, want)
		}
	}
	if st.Input != nil || st.SampleLabel != nil {
		t.Errorf("something is shown without data: %s", summary(st))
	}
	saveScreenshot(t, b, "message")
	b.checkConsole(t)
}

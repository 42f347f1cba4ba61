package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"

	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/train"
)

// prepareSite exports the site with cmd/serve into dir and returns the
// note to print when it had to add an untrained CNN.
func prepareSite(root, serveBin, dir string) (string, error) {
	cmd := exec.Command(serveBin, "-export", dir)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("cmd/serve -export: %v\n%s", err, out)
	}
	idxPath := filepath.Join(dir, "models", "index.json")
	b, err := os.ReadFile(idxPath)
	if err != nil {
		return "", err
	}
	var idx struct {
		Models []string `json:"models"`
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		return "", err
	}
	if slices.Contains(idx.Models, "cnn") {
		return "", nil
	}
	if err := writeUntrainedCNN(filepath.Join(dir, "models")); err != nil {
		return "", err
	}
	idx.Models = append(idx.Models, "cnn")
	if b, err = json.Marshal(idx); err != nil {
		return "", err
	}
	// The export's precompressed index.json would now be stale and older
	// than the new file, so cmd/serve rewrites it on start.
	return "cnn: static/models has no CNN card yet; measured with the cnn recipe's network and untrained weights",
		os.WriteFile(idxPath, b, 0o644)
}

// writeUntrainedCNN writes cnn.json and cnn.safetensors for the cnn
// recipe's network with its initial weights.
func writeUntrainedCNN(dir string) error {
	r, err := train.Builtin("cnn")
	if err != nil {
		return err
	}
	spec := r.Built()
	m, err := spec.Build(r.Seed)
	if err != nil {
		return err
	}
	var w bytes.Buffer
	if err := nn.SaveWeights(&w, m, map[string]string{"note": "untrained, for timing only"}); err != nil {
		return err
	}
	card := map[string]any{
		"recipe": "cnn", "description": r.Description + " (untrained, for timing only)",
		"spec": spec, "weights": "cnn.safetensors", "training": r,
	}
	b, err := json.MarshalIndent(card, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "cnn.safetensors"), w.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "cnn.json"), b, 0o644)
}

package version

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// The VERSION file is the one version number; wails.json repeats it for the
// Windows file version and the installer, and must agree.
func TestWailsJSONHasTheVersionFilesNumber(t *testing.T) {
	v, err := os.ReadFile("../../VERSION")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Info struct {
			ProductVersion string `json:"productVersion"`
		} `json:"info"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSpace(string(v))
	if w.Info.ProductVersion != want {
		t.Fatalf("wails.json productVersion %q, VERSION %q: make them the same", w.Info.ProductVersion, want)
	}
	if parts := strings.Split(want, "."); len(parts) != 3 {
		t.Fatalf("VERSION %q is not MAJOR.MINOR.PATCH (the Windows installer needs three numbers)", want)
	}
}

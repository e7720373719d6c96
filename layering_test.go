package main

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers are Tandem's packages from the top down (docs/design.md,
// "Architecture"): main, the composition root, over app, the Wails layer,
// over the backend, whose packages are layered in turn with the domain at
// the bottom. A package may import only packages in layers below its own,
// so the data flows one way and no import cycle can form. A new package
// takes its place here.
var layers = [][]string{
	{"tandem"},
	{"tandem/app"},
	{"tandem/backend/cli"},
	{"tandem/backend/backup", "tandem/backend/demo", "tandem/backend/vault/vaulttest", "tandem/backend/calendar"},
	{"tandem/backend/vault", "tandem/backend/packet", "tandem/backend/offline"},
	{"tandem/backend/storage", "tandem/backend/clock/clocktest"},
	{"tandem/backend/domain", "tandem/backend/clock", "tandem/backend/version", "tandem/backend/ics"},
}

// TestPackagesImportOnlyPackagesBelowThem reads the imports of every Go
// file of the module, whatever its build constraints (another system's
// files, the dev build's), and holds them to the layers: main → app →
// backend/*; backend/domain imports no other package of the project; no
// backend package imports app, main or the Wails packages, not even in its
// tests. A test may import a package of its own layer or above it (a
// storage benchmark opens a vault), but never app or main from below them.
func TestPackagesImportOnlyPackagesBelowThem(t *testing.T) {
	layer := map[string]int{}
	for i, ps := range layers {
		for _, p := range ps {
			layer[p] = i
		}
	}
	for _, p := range modulePackages(t) {
		own, placed := layer[p.ImportPath]
		if !placed {
			t.Errorf("%s is in no layer: give it its place in layers (layering_test.go)", p.ImportPath)
			continue
		}
		backend := strings.HasPrefix(p.ImportPath, "tandem/backend/")
		for file, imports := range fileImports(t, p.Dir) {
			test := strings.HasSuffix(file, "_test.go")
			where := filepath.Join(p.Dir, file)
			for _, imp := range imports {
				if backend && strings.HasPrefix(imp, "github.com/wailsapp/") {
					t.Errorf("%s imports %s: only app and main know Wails", where, imp)
				}
				theirs, ours := layer[imp]
				if !ours {
					if imp == "tandem" || strings.HasPrefix(imp, "tandem/") {
						t.Errorf("%s imports %s, which is in no layer", where, imp)
					}
					continue
				}
				switch {
				case imp == p.ImportPath: // an external test and its package
				case theirs > own:
				case test && theirs > layer["tandem/app"]:
				case p.ImportPath == "tandem/backend/domain":
					t.Errorf("%s imports %s: the domain imports no other package of Tandem", where, imp)
				case test:
					t.Errorf("%s imports %s: tests import neither app nor main from below them", where, imp)
				default:
					t.Errorf("%s imports %s, which is not below it: main → app → backend, and in the backend only down the layers (layering_test.go)", where, imp)
				}
			}
		}
	}
}

type goPackage struct {
	ImportPath string
	Dir        string
}

// modulePackages lists the module's packages with go list.
func modulePackages(t *testing.T) []goPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-e", "-json=ImportPath,Dir", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []goPackage
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p goPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no package")
	}
	return pkgs
}

// fileImports reads the imports of every .go file in dir, by file name.
func fileImports(t *testing.T, dir string) map[string][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		parsed, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(f)] = append(out[filepath.Base(f)], path)
		}
	}
	return out
}

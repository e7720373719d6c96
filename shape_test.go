package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Hand-written source stays in files a reader can hold in mind: none over
// 500 lines (tests, generated bindings, migrations and tools aside). A
// file that grows past it is split along a seam.
func TestNoHandWrittenSourceFileIsOver500Lines(t *testing.T) {
	const limit = 500
	var over []string
	for _, root := range []string{".", "frontend/src"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				switch d.Name() {
				case "node_modules", "wailsjs", "tools", "dist", "build", ".git", "frontend":
					if p != root {
						return filepath.SkipDir
					}
				}
				return nil
			}
			name := d.Name()
			ext := filepath.Ext(name)
			if (ext != ".go" && ext != ".ts" && ext != ".svelte") || strings.HasSuffix(name, "_test.go") || strings.Contains(name, ".test.") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if n := strings.Count(string(b), "\n"); n > limit {
				over = append(over, p)
			}
			return nil
		})
	}
	if len(over) > 0 {
		t.Fatalf("over %d lines: %v", limit, over)
	}
}

// The frontend's modules import one another without a cycle: a cycle makes
// the order in which they start depend on who imports whom first.
func TestTheFrontendHasNoImportCycle(t *testing.T) {
	src, err := filepath.Abs("frontend/src")
	if err != nil {
		t.Fatal(err)
	}
	importRe := regexp.MustCompile(`(?m)^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]`)
	graph := map[string][]string{}
	resolve := func(from, spec string) string {
		var base string
		switch {
		case strings.HasPrefix(spec, "$lib/"):
			base = filepath.Join(src, "lib", strings.TrimPrefix(spec, "$lib/"))
		case strings.HasPrefix(spec, "."):
			base = filepath.Join(filepath.Dir(from), spec)
		default:
			return "" // a package
		}
		for _, c := range []string{base, base + ".ts", base + ".svelte.ts", filepath.Join(base, "index.ts")} {
			if fi, err := os.Stat(c); err == nil && !fi.IsDir() {
				return c
			}
		}
		return ""
	}
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && d.IsDir() && d.Name() == "wailsjs" {
				return filepath.SkipDir
			}
			return err
		}
		if (!strings.HasSuffix(p, ".ts") && !strings.HasSuffix(p, ".svelte")) || strings.Contains(p, ".test.") {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, m := range importRe.FindAllStringSubmatch(string(b), -1) {
			spec := m[1] + m[2]
			if target := resolve(p, spec); target != "" {
				graph[p] = append(graph[p], target)
			}
		}
		return nil
	})
	if len(graph) < 50 {
		t.Fatalf("read the imports of only %d modules", len(graph))
	}
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var stack []string
	var cycle []string
	var visit func(string) bool
	visit = func(n string) bool {
		state[n] = open
		stack = append(stack, n)
		for _, m := range graph[n] {
			switch state[m] {
			case open:
				for i, s := range stack {
					if s == m {
						cycle = append(append([]string{}, stack[i:]...), m)
					}
				}
				return true
			case unseen:
				if visit(m) {
					return true
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = done
		return false
	}
	nodes := make([]string, 0, len(graph))
	for n := range graph {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	for _, n := range nodes {
		if state[n] == unseen && visit(n) {
			for i := range cycle {
				cycle[i], _ = filepath.Rel(src, cycle[i])
			}
			t.Fatalf("an import cycle: %s", strings.Join(cycle, " → "))
		}
	}
}

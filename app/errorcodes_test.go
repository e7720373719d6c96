package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// The files that define the error codes on each side.
const (
	domainErrors = "../backend/domain/error.go"
	pageErrors   = "../frontend/src/lib/api/errors.ts"
)

// TestThePageKnowsTheErrorCodesAndNoOthers compares the codes the Go side
// sends (backend/domain's E… constants, and ECOCREATION) with the page's
// ERROR_CODES, both ways: the page shows a code it does not know as
// "internal", and a code only the page knows is one no error carries.
func TestThePageKnowsTheErrorCodesAndNoOthers(t *testing.T) {
	sent := domainCodes(t)
	sent[ECOCREATION] = "app.ECOCREATION"
	known := pageCodes(t)
	for code, name := range sent {
		if !known[code] {
			t.Errorf("%s (%q) is missing from ERROR_CODES in %s", name, code, pageErrors)
		}
	}
	for code := range known {
		if _, ok := sent[code]; !ok {
			t.Errorf("ERROR_CODES in %s has %q, which is no code of %s nor ECOCREATION", pageErrors, code, domainErrors)
		}
	}
}

// domainCodes reads the error code constants of backend/domain, by value.
func domainCodes(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), domainErrors, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^E[A-Z]+$`)
	codes := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			for i, n := range v.Names {
				if !name.MatchString(n.Name) || i >= len(v.Values) {
					continue
				}
				lit, ok := v.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				code, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				codes[code] = "domain." + n.Name
			}
		}
	}
	if len(codes) == 0 {
		t.Fatalf("no error code found in %s", domainErrors)
	}
	return codes
}

// pageCodes reads the page's ERROR_CODES.
func pageCodes(t *testing.T) map[string]bool {
	t.Helper()
	src, err := os.ReadFile(pageErrors)
	if err != nil {
		t.Fatal(err)
	}
	list := regexp.MustCompile(`(?s)export const ERROR_CODES = \[(.*?)\]`).FindSubmatch(src)
	if list == nil {
		t.Fatalf("no `export const ERROR_CODES = [...]` in %s", pageErrors)
	}
	codes := map[string]bool{}
	for _, m := range regexp.MustCompile(`'([^']*)'`).FindAllSubmatch(list[1], -1) {
		codes[string(m[1])] = true
	}
	if len(codes) == 0 {
		t.Fatalf("ERROR_CODES in %s is empty", pageErrors)
	}
	return codes
}

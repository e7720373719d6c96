package domain

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

type moneyCase struct {
	Currency string `json:"currency"`
	Minor    int64  `json:"minor"`
	Text     string `json:"text"`
	Plain    string `json:"plain"`
}

func TestCurrenciesAreWrittenTheUsualWay(t *testing.T) {
	b, err := os.ReadFile("testdata/money-format.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Cases []moneyCase }
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) < 10 {
		t.Fatalf("only %d cases", len(file.Cases))
	}
	seen := map[string]bool{}
	for _, c := range file.Cases {
		cur, ok := CurrencyOf(c.Currency)
		if !ok {
			t.Fatalf("unknown currency %s", c.Currency)
		}
		seen[c.Currency] = true
		if got := cur.Format(c.Minor); got != c.Text {
			t.Errorf("%s %d: Format = %q, want %q", c.Currency, c.Minor, got, c.Text)
		}
		if got := cur.Plain(c.Minor); got != c.Plain {
			t.Errorf("%s %d: Plain = %q, want %q", c.Currency, c.Minor, got, c.Plain)
		}
	}
	for _, code := range []string{"USD", "EUR", "GBP", "CAD", "JPY"} {
		if !seen[code] {
			t.Errorf("no case for %s", code)
		}
	}
}

func TestEveryCurrencyIsComplete(t *testing.T) {
	codes := map[string]bool{}
	for _, c := range Currencies {
		if len(c.Code) != 3 || c.Name == "" || c.Symbol == "" || c.Digits < 0 || c.Digits > 3 || codes[c.Code] {
			t.Errorf("incomplete or repeated currency %+v", c)
		}
		codes[c.Code] = true
		// The extremes format without panicking or losing the sign.
		if s := c.Format(math.MinInt64); s[0] != '-' {
			t.Errorf("%s: %q", c.Code, s)
		}
	}
	if _, ok := CurrencyOf(DefaultCurrency); !ok {
		t.Error("the default currency is not in the list")
	}
}

func TestCheckAmount(t *testing.T) {
	for _, v := range []int64{0, -1, MaxAmount + 1} {
		if CheckAmount("amount", "The amount", v) == nil {
			t.Errorf("%d accepted", v)
		}
	}
	if err := CheckAmount("amount", "The amount", 1); err != nil {
		t.Error(err)
	}
}

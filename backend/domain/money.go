package domain

import (
	"strconv"
	"strings"
)

// Money is kept exactly, as an integer number of the currency's minor units
// (cents, pence; yen have none), never as a floating-point number. Every
// amount of a vault is in the practice's one currency.

// Currency describes how a currency's amounts are written: its code, the
// number of minor-unit digits, its symbol and where the symbol goes. The
// formatting follows the English conventions of the interface
// ("€1,234.50", "CHF 1,234.50", "¥1,235").
type Currency struct {
	Code   string `json:"code" vis:"shared"`
	Name   string `json:"name" vis:"shared"`
	Digits int    `json:"digits" vis:"shared"`
	Symbol string `json:"symbol" vis:"shared"`
	// Spaced puts a space between the symbol and the number.
	Spaced bool `json:"spaced" vis:"shared"`
}

// Currencies are the currencies a practice can keep its fees in.
var Currencies = []Currency{
	{Code: "USD", Name: "US dollar", Digits: 2, Symbol: "$"},
	{Code: "CAD", Name: "Canadian dollar", Digits: 2, Symbol: "$"},
	{Code: "AUD", Name: "Australian dollar", Digits: 2, Symbol: "$"},
	{Code: "NZD", Name: "New Zealand dollar", Digits: 2, Symbol: "$"},
	{Code: "GBP", Name: "Pound sterling", Digits: 2, Symbol: "£"},
	{Code: "EUR", Name: "Euro", Digits: 2, Symbol: "€"},
	{Code: "CHF", Name: "Swiss franc", Digits: 2, Symbol: "CHF", Spaced: true},
	{Code: "SEK", Name: "Swedish krona", Digits: 2, Symbol: "SEK", Spaced: true},
	{Code: "NOK", Name: "Norwegian krone", Digits: 2, Symbol: "NOK", Spaced: true},
	{Code: "DKK", Name: "Danish krone", Digits: 2, Symbol: "DKK", Spaced: true},
	{Code: "MXN", Name: "Mexican peso", Digits: 2, Symbol: "MX$"},
	{Code: "JPY", Name: "Japanese yen", Digits: 0, Symbol: "¥"},
}

// DefaultCurrency is the currency of a practice that has not chosen one.
const DefaultCurrency = "USD"

// CurrencyOf returns the currency with the given code, and whether it is known.
func CurrencyOf(code string) (Currency, bool) {
	for _, c := range Currencies {
		if c.Code == code {
			return c, true
		}
	}
	return Currency{}, false
}

// Format writes an amount of minor units the usual way: "$1,234.50",
// "-£3.05", "¥1,235", "CHF 12.00".
func (c Currency) Format(minor int64) string {
	sign := ""
	u := uint64(minor)
	if minor < 0 {
		sign = "-"
		u = uint64(-minor) // exact even for math.MinInt64 as uint64
	}
	digits := strconv.FormatUint(u, 10)
	whole, frac := digits, ""
	if c.Digits > 0 {
		for len(digits) <= c.Digits {
			digits = "0" + digits
		}
		whole, frac = digits[:len(digits)-c.Digits], digits[len(digits)-c.Digits:]
	}
	var b strings.Builder
	b.WriteString(sign)
	b.WriteString(c.Symbol)
	if c.Spaced {
		b.WriteByte(' ')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Plain writes an amount without symbol or grouping, as a spreadsheet
// reads it: "1234.50", "-3.05", "1235".
func (c Currency) Plain(minor int64) string {
	neg := minor < 0
	u := uint64(minor)
	if neg {
		u = uint64(-minor)
	}
	digits := strconv.FormatUint(u, 10)
	if c.Digits > 0 {
		for len(digits) <= c.Digits {
			digits = "0" + digits
		}
		digits = digits[:len(digits)-c.Digits] + "." + digits[len(digits)-c.Digits:]
	}
	if neg {
		return "-" + digits
	}
	return digits
}

// MaxAmount bounds any single amount (a fee, a payment, a gift): ten
// billion minor units, far above any session fee, far below overflow
// however many are added up.
const MaxAmount = 10_000_000_000

// CheckAmount refuses an amount that is not positive or is absurdly large.
func CheckAmount(field, label string, minor int64) error {
	if minor <= 0 {
		return FieldError(field, label+" must be more than zero.")
	}
	if minor > MaxAmount {
		return FieldError(field, label+" is larger than Tandem can record.")
	}
	return nil
}

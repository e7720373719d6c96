package packet

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
)

//go:embed fonts/*.ttf fonts/*.ttf.gz
var fontFiles embed.FS

// fontID names one embedded font file.
type fontID int

const (
	sansRegular fontID = iota
	sansBold
	monoBold
	arabicRegular
	arabicBold
	hebrewRegular
	hebrewBold
	devanagariRegular
	devanagariBold
	bengaliRegular
	bengaliBold
	tamilRegular
	tamilBold
	thaiRegular
	thaiBold
	cjkRegular
	numFonts
)

// fontSpec says where a font comes from and how it is drawn. A font with
// a family is embedded in the PDF and drawn as real text (it needs no
// shaping); one without is shaped here and drawn as glyph outlines.
type fontSpec struct {
	file   string
	family string // fpdf family name, "" for outline-only fonts
	style  string // fpdf style: "" or "B"
	bold   bool
}

var fontSpecs = [numFonts]fontSpec{
	sansRegular:       {"fonts/sans-regular.ttf", "sans", "", false},
	sansBold:          {"fonts/sans-bold.ttf", "sans", "B", true},
	monoBold:          {"fonts/mono-bold.ttf", "mono", "B", true},
	arabicRegular:     {"fonts/arabic-regular.ttf", "", "", false},
	arabicBold:        {"fonts/arabic-bold.ttf", "", "", true},
	hebrewRegular:     {"fonts/hebrew-regular.ttf", "", "", false},
	hebrewBold:        {"fonts/hebrew-bold.ttf", "", "", true},
	devanagariRegular: {"fonts/devanagari-regular.ttf", "", "", false},
	devanagariBold:    {"fonts/devanagari-bold.ttf", "", "", true},
	bengaliRegular:    {"fonts/bengali-regular.ttf", "", "", false},
	bengaliBold:       {"fonts/bengali-bold.ttf", "", "", true},
	tamilRegular:      {"fonts/tamil-regular.ttf", "", "", false},
	tamilBold:         {"fonts/tamil-bold.ttf", "", "", true},
	thaiRegular:       {"fonts/thai-regular.ttf", "", "", false},
	thaiBold:          {"fonts/thai-bold.ttf", "", "", true},
	// One CJK weight only: bold CJK is drawn with a thin stroke added.
	cjkRegular: {"fonts/cjk-regular.ttf.gz", "cjk", "", false},
}

// scriptFonts maps the scripts that need a font of their own to their
// regular and bold fonts. Every other script falls to Noto Sans.
var scriptFonts = map[language.Script][2]fontID{
	language.Arabic:               {arabicRegular, arabicBold},
	language.Hebrew:               {hebrewRegular, hebrewBold},
	language.Devanagari:           {devanagariRegular, devanagariBold},
	language.Bengali:              {bengaliRegular, bengaliBold},
	language.Tamil:                {tamilRegular, tamilBold},
	language.Thai:                 {thaiRegular, thaiBold},
	language.Han:                  {cjkRegular, cjkRegular},
	language.Hiragana:             {cjkRegular, cjkRegular},
	language.Katakana:             {cjkRegular, cjkRegular},
	language.Katakana_Or_Hiragana: {cjkRegular, cjkRegular},
	language.Hangul:               {cjkRegular, cjkRegular},
	language.Bopomofo:             {cjkRegular, cjkRegular},
}

// loadedFont is a parsed font, shared by every document: its bytes (for
// embedding) and its parsed tables (for shaping and outlines). Both are
// read-only after loading, so safe for concurrent use.
type loadedFont struct {
	once  sync.Once
	data  []byte
	font  *font.Font
	err   error
	units float64 // units per em
}

var loaded [numFonts]loadedFont

// load parses font id once per process.
func load(id fontID) (*loadedFont, error) {
	l := &loaded[id]
	l.once.Do(func() {
		b, err := fontFiles.ReadFile(fontSpecs[id].file)
		if err != nil {
			l.err = err
			return
		}
		if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				l.err = err
				return
			}
			if b, err = io.ReadAll(zr); err != nil {
				l.err = err
				return
			}
		}
		face, err := font.ParseTTF(bytes.NewReader(b))
		if err != nil {
			l.err = fmt.Errorf("parse %s: %w", fontSpecs[id].file, err)
			return
		}
		l.data, l.font, l.units = b, face.Font, float64(face.Upem())
	})
	return l, l.err
}
